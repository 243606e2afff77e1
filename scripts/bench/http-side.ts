/**
 * End-to-end `/readout` over HTTP: the real app (`src/main.ts` in HTTP mode) as a child process,
 * driven by signed slash-command requests, timed until the answer reaches the response_url.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/paths';
import { treeRssBytes, tsxCommand } from './process-tree';
import { projectEnv } from './project-side';
import type { BenchQuery } from './queries';
import { startResponseSink } from './response-sink';
import { type LatencySummary, summariseLatencies } from './stats';

export interface HttpBenchResult {
  latency: LatencySummary;
  /** Resident memory of the serving process after the queries, bytes. */
  rssBytes: number;
  /** Queries whose answer arrived. */
  answered: number;
}

const signingSecret = 'bench-signing-secret';
const warmUpQueries = 20;
const answerTimeoutMs = 10_000;

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

async function waitForPort(port: number, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before listening`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the app did not listen on port ${port} within ${timeoutMs / 1000} s`);
}

/** Signs a request body the way Slack does (v0 HMAC-SHA256 of version, timestamp and body). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** Starts the app in HTTP mode on the built index, asks every query once (after a warm-up), stops it. */
export async function timeHttpReadout(databaseFile: string, queries: BenchQuery[]): Promise<HttpBenchResult> {
  const sink = await startResponseSink();
  const port = await freePort();
  const [command, args] = tsxCommand(path.join(projectRoot, 'src/main.ts'));
  const stderr: string[] = [];
  const app = spawn(command, args, {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: projectEnv(databaseFile, {
      SLACK_SIGNING_SECRET: signingSecret,
      SLACK_BOT_TOKEN: 'xoxb-bench-token',
      SLACK_API_URL: sink.apiUrl,
      PORT: String(port),
      READOUT_RATE_LIMIT: '0',
    }),
  });
  app.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  try {
    await waitForPort(port, app).catch((error: Error) => {
      throw new Error(`${error.message}: ${stderr.join('').trim().slice(-500)}`);
    });
    const ask = async (query: BenchQuery, n: number): Promise<number | undefined> => {
      const id = `q${n}`;
      const body = new URLSearchParams({
        token: 'bench',
        team_id: 'T0BENCH',
        team_domain: 'bench',
        channel_id: 'C0BENCH',
        channel_name: 'bench',
        user_id: `U0BENCH${n % 50}`,
        user_name: 'bench',
        command: '/readout',
        text: query.text,
        api_app_id: 'A0BENCH',
        response_url: sink.responseUrl(id),
        trigger_id: `${n}.bench`,
      }).toString();
      const timestamp = Math.floor(Date.now() / 1000);
      const answer = sink.expect(id, answerTimeoutMs);
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': slackSignature(signingSecret, timestamp, body),
        },
        body,
      });
      const ackBody = await response.text();
      if (!response.ok)
        throw new Error(`POST /slack/events answered ${response.status}: ${ackBody.slice(0, 200)}`);
      // An app may answer in the acknowledgement itself; then the answer has arrived already.
      if (/"blocks"|"text"/.test(ackBody)) {
        sink.forget(id);
        return performance.now() - started;
      }
      const arrived = await answer;
      return arrived === undefined ? undefined : arrived - started;
    };
    for (let n = 0; n < Math.min(warmUpQueries, queries.length); n++) await ask(queries[n]!, -1 - n);
    const milliseconds: number[] = [];
    for (const [n, query] of queries.entries()) {
      const elapsed = await ask(query, n);
      if (elapsed !== undefined) milliseconds.push(elapsed);
    }
    if (milliseconds.length === 0) throw new Error('no answer reached the response_url');
    return {
      latency: summariseLatencies(milliseconds),
      rssBytes: treeRssBytes(app.pid!),
      answered: milliseconds.length,
    };
  } finally {
    await stop(app);
    await sink.close();
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
