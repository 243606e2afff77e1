/**
 * End-to-end `/readout` over HTTP: the real app (compiled `src/main.ts` in HTTP mode) as a child process
 * beside the local Slack stand-in (test/support/slack-stand-in), driven by signed slash commands
 * and timed from sending the command until the answer reaches the stand-in's response_url.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { projectRoot } from '../../src/paths.js';
import {
  httpBody,
  httpDelivery,
  type RecordedResponse,
  SlackStandIn,
  signedHeaders,
  slashCommand,
} from '../../test/support/slack-stand-in/index.js';
import { nodeCommand, treeResidentBytes } from './process-tree.js';
import { compiled, projectEnv } from './project-side.js';
import type { BenchQuery } from './queries.js';
import { type LatencySummary, summariseLatencies } from './stats.js';

export interface HttpBenchResult {
  latency: LatencySummary;
  /** Resident memory of the serving process after the queries, bytes. */
  rssBytes: number;
  /** Of those, the index file mapped into memory (SQLite's mmap). */
  rssFileBytes: number;
  /** Queries whose answer arrived. */
  answered: number;
  /** Acks of a burst of concurrent requests while slow searches run. */
  burst?: BurstResult;
}

/** A burst: `requests` /readout at once, with `slowSearches` broad searches sent just before. */
export interface BurstResult {
  requests: number;
  slowSearches: number;
  /** From sending the request to Slack's HTTP 200 (the ack), ms. */
  ack: LatencySummary;
  /** From sending the request to its answer at the response_url, ms. */
  answer: LatencySummary;
  /** Answers that said the search took too long (slow searches included). */
  tooSlow: number;
}

/**
 * Searches that match most of the archive: two or three of its commonest words, so FTS5 ranks
 * nearly every passage. The slowest a reporter can make Readout work without typing nonsense.
 */
export function slowQueries(vocabulary: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, n) => {
    const words = [
      vocabulary[n % 5]!,
      vocabulary[(n + 1) % 7]!,
      ...(n % 2 ? [vocabulary[(n + 2) % 11]!] : []),
    ];
    return [...new Set(words)].join(' ');
  });
}

const signingSecret = 'bench-signing-secret';

/** A free loopback port, found by letting the kernel choose one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(port: number, child: ChildProcess, stderr: string[], timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(
        `the app exited with ${child.exitCode} before listening: ${stderr.join('').trim().slice(-400)}`,
      );
    }
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the app did not answer /healthz on port ${port} within ${timeoutMs / 1000} s`);
}

/** Starts the app in HTTP mode on the built index, asks every query twice (the first untimed), stops it. */
export async function timeHttpReadout(
  databaseFile: string,
  queries: BenchQuery[],
  nodeFlags: string[] = [],
  burst?: { requests: number; slow: string[] },
): Promise<HttpBenchResult> {
  const standIn = await SlackStandIn.start();
  const port = await freePort();
  const [command, args] = nodeCommand(compiled('src/main.js'), [], nodeFlags);
  const stderr: string[] = [];
  const app = spawn(command, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: projectEnv(databaseFile, {
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: standIn.apiUrl,
      PORT: String(port),
      READOUT_RATE_LIMIT: '0',
    }),
  });
  app.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  try {
    await waitUntilHealthy(port, app, stderr);
    const requestUrl = `http://127.0.0.1:${port}/slack/events`;
    const delivery = httpDelivery(requestUrl, signingSecret);
    const ask = async (query: BenchQuery, n: number): Promise<number> => {
      const responseUrl = standIn.responseUrl();
      // Listening before sending: the answer can arrive before the acknowledgement returns.
      const arrived = standIn.waitForResponse(responseUrl).then(() => performance.now());
      const started = performance.now();
      const { status, ack } = await delivery.deliver(
        slashCommand({ text: query.text, responseUrl, userId: `U0BENCH${n % 50}` }),
      );
      if (status !== 200) throw new Error(`POST /slack/events answered ${status}`);
      // An app may put the answer in the acknowledgement itself; then it has arrived already.
      if (ack && typeof ack === 'object' && 'blocks' in ack) {
        arrived.catch(() => {});
        return performance.now() - started;
      }
      return (await arrived) - started;
    };
    // One untimed pass first, as for readout() in-process: latencies are warm in both.
    for (const [n, query] of queries.entries()) await ask(query, n);
    const milliseconds: number[] = [];
    for (const [n, query] of queries.entries()) milliseconds.push(await ask(query, n));
    const { resident: rssBytes, mappedFile: rssFileBytes } = treeResidentBytes(
      app.pid!,
      fs.realpathSync(databaseFile),
    );
    return {
      latency: summariseLatencies(milliseconds),
      rssBytes,
      rssFileBytes,
      answered: milliseconds.length,
      burst: burst && (await timeBurst(standIn, requestUrl, queries, burst.requests, burst.slow)),
    };
  } finally {
    await stop(app);
    await standIn.stop();
  }
}

/**
 * The slow searches first (not awaited), then `requests` ordinary ones at once: the time to each
 * ack says whether Slack's 3 seconds hold while the bot is busy searching.
 *
 * Slack sends from many machines, so the bench must not be the bottleneck it measures: every
 * request is built and signed before the first is sent, goes out through plain node:http on its
 * own connection, and is timed from the moment it is written.
 */
async function timeBurst(
  standIn: SlackStandIn,
  requestUrl: string,
  queries: BenchQuery[],
  requests: number,
  slow: string[],
): Promise<BurstResult> {
  let tooSlow = 0;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const prepare = (text: string, n: number) => {
    const responseUrl = standIn.responseUrl();
    const id = responseUrl.split('/').at(-1);
    const { body, contentType } = httpBody(slashCommand({ text, responseUrl, userId: `U0BURST${n % 97}` }));
    const answer = standIn.waitFor(
      (record): record is RecordedResponse => record.kind === 'response_url' && record.id === id,
      `answer at ${responseUrl}`,
      // A burst's last answers may take a while on a small machine: a hang guard, not a budget.
      600_000,
    );
    return { body, headers: signedHeaders(signingSecret, body, contentType), answer };
  };
  const send = ({ body, headers, answer }: ReturnType<typeof prepare>) =>
    new Promise<{ ack: number; arrived: Promise<number> }>((resolve, reject) => {
      const request = http.request(requestUrl, { method: 'POST', headers, agent }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200) {
            reject(new Error(`POST /slack/events answered ${response.statusCode} in the burst`));
            return;
          }
          const ack = performance.now() - started;
          resolve({
            ack,
            arrived: answer.then((record) => {
              if (/took too long/.test(String(record.body.text))) tooSlow++;
              return performance.now() - started;
            }),
          });
        });
      });
      request.on('error', reject);
      const started = performance.now();
      request.end(body);
    });
  const slowPrepared = slow.map((text, n) => prepare(text, n));
  const burstPrepared = Array.from({ length: requests }, (_, n) =>
    prepare(queries[n % queries.length]!.text, n),
  );
  const slowSent = slowPrepared.map(send);
  const sent = await Promise.all(burstPrepared.map(send));
  const answers = await Promise.all(sent.map((request) => request.arrived));
  await Promise.all((await Promise.all(slowSent)).map((request) => request.arrived));
  agent.destroy();
  return {
    requests,
    slowSearches: slow.length,
    ack: summariseLatencies(sent.map((request) => request.ack)),
    answer: summariseLatencies(answers),
    tooSlow,
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
