/**
 * End-to-end `/readout` over HTTP: the real app (compiled `src/main.ts` in HTTP mode) as a child process
 * beside the local Slack stand-in (test/support/slack-stand-in), driven by signed slash commands
 * and timed from sending the command until the answer reaches the stand-in's response_url.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { projectRoot } from '../../src/paths.js';
import { httpDelivery, SlackStandIn, slashCommand } from '../../test/support/slack-stand-in/index.js';
import { nodeCommand, treeRssBytes } from './process-tree.js';
import { compiled, projectEnv } from './project-side.js';
import type { BenchQuery } from './queries.js';
import { type LatencySummary, summariseLatencies } from './stats.js';

export interface HttpBenchResult {
  latency: LatencySummary;
  /** Resident memory of the serving process after the queries, bytes. */
  rssBytes: number;
  /** Queries whose answer arrived. */
  answered: number;
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
    const delivery = httpDelivery(`http://127.0.0.1:${port}/slack/events`, signingSecret);
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
    return {
      latency: summariseLatencies(milliseconds),
      rssBytes: treeRssBytes(app.pid!),
      answered: milliseconds.length,
    };
  } finally {
    await stop(app);
    await standIn.stop();
  }
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
