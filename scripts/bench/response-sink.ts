/**
 * A minimal Slack on loopback for the HTTP benchmark: answers Web API calls with `ok` and records
 * the moment each response_url receives its answer.
 */
import http from 'node:http';
import type net from 'node:net';

export interface ResponseSink {
  /** Base URL for SLACK_API_URL (ends with '/'). */
  apiUrl: string;
  responseUrl(id: string): string;
  /** Resolves with performance.now() when `id`'s response_url is posted to; undefined after the timeout. */
  expect(id: string, timeoutMs: number): Promise<number | undefined>;
  forget(id: string): void;
  close(): Promise<void>;
}

export async function startResponseSink(): Promise<ResponseSink> {
  const waiting = new Map<string, (at: number | undefined) => void>();
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const at = performance.now();
      const answer = /^\/response\/([^/?]+)/.exec(url);
      if (answer) {
        waiting.get(answer[1]!)?.(at);
        waiting.delete(answer[1]!);
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          url.startsWith('/api/auth.test')
            ? {
                ok: true,
                url: 'https://bench.example/',
                team: 'bench',
                user: 'readout',
                team_id: 'T0BENCH',
                user_id: 'U0READOUT',
                bot_id: 'B0READOUT',
              }
            : { ok: true },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/response/${id}`,
    expect: (id, timeoutMs) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve(undefined);
        }, timeoutMs);
        waiting.set(id, (at) => {
          clearTimeout(timer);
          resolve(at);
        });
      }),
    forget: (id) => {
      waiting.get(id)?.(undefined);
      waiting.delete(id);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
