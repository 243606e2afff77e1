/**
 * A local stand-in for Slack on 127.0.0.1, one port for everything:
 *
 *   POST /api/{method}     the Web API methods Readout uses (auth.test, chat.postMessage,
 *                          chat.postEphemeral, chat.update, chat.unfurl, conversations.replies,
 *                          conversations.info, views.publish, views.open, views.update,
 *                          apps.connections.open); point the app at it with SLACK_API_URL
 *   POST /respond/{id}     response_url endpoints, one per command or button press
 *   GET  /link (WebSocket) Socket Mode: sends `hello`, delivers envelopes, records acks
 *
 * Faults can be injected per Web API method (or 'response_url'): HTTP errors such as 429 with
 * Retry-After or 500, `ok: false` errors, a call that hangs unanswered, and a call that is carried
 * out but answered only when the test releases it (a slow Slack, or a request in flight).
 *
 * Everything the bot sends is recorded in order, and tests wait for what they expect with
 * `waitFor` (an event, not a timer: nothing here asserts how long anything took).
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { nextTs, workspace } from './payloads.js';

export type Recorded =
  | {
      seq: number;
      kind: 'api';
      method: string;
      token?: string;
      args: Record<string, unknown>;
      /** The injected fault this call met, if any ('http_429', 'hang', 'not_in_channel'…). */
      fault?: string;
      /** The error the stand-in answered with (`ok: false`), set once it has answered. */
      error?: string;
    }
  | { seq: number; kind: 'response_url'; id: string; body: Record<string, unknown>; fault?: string }
  | { seq: number; kind: 'socket_ack'; envelopeId: string; payload?: Record<string, unknown> };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type RecordedApiCall = Extract<Recorded, { kind: 'api' }>;
export type RecordedResponse = Extract<Recorded, { kind: 'response_url' }>;

interface StoredMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  user?: string;
  bot_id?: string;
  blocks?: unknown;
}

/**
 * A failure to inject into a Web API method or the response_url endpoints:
 *   http   answer with this HTTP status (429 with a Retry-After header in seconds, 500, 503…)
 *   error  answer HTTP 200 with `{ ok: false, error }` (not_in_channel, invalid_blocks…)
 *   hang   never answer and do nothing (until the stand-in stops)
 *   hold   do what was asked, but answer only once the fault's `release()` is called
 */
export type Fault =
  | { kind: 'http'; status: number; retryAfter?: number }
  | { kind: 'error'; error: string }
  | { kind: 'hang' }
  | { kind: 'hold' };

export interface InjectedFault {
  /** Lets held calls answer (they are answered normally, in order). */
  release(): void;
  /** How many calls met this fault so far. */
  readonly hits: number;
}

interface PendingFault {
  fault: Fault;
  remaining: number;
  hits: number;
  released: boolean;
  waiting: Array<() => void>;
}

// Arguments the Web API client sends as JSON strings inside a form body.
const jsonArguments = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls']);

export class SlackStandIn {
  readonly records: Recorded[] = [];
  /** Channels the bot is not a member of: posting or reading there fails with not_in_channel. */
  readonly notInChannel = new Set<string>();
  /** Archived channels: posting fails with is_archived; conversations.info says is_archived. */
  readonly archivedChannels = new Set<string>();
  /** Deleted channels, and private ones the bot is not in: Slack says channel_not_found. */
  readonly hiddenChannels = new Set<string>();
  /** Modals opened with views.open, by view ID, as last opened or updated. */
  readonly views = new Map<string, Record<string, unknown>>();
  /** Web API methods made to fail once with the given error. */
  private readonly failures = new Map<string, string[]>();
  /** Injected faults by method ('response_url' for the response_url endpoints), in order. */
  private readonly faults = new Map<string, PendingFault[]>();
  private readonly injected: PendingFault[] = [];
  private readonly messages: StoredMessage[] = [];
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (payload: Record<string, unknown> | undefined) => void>();
  private responseUrlCount = 0;
  private envelopeCount = 0;
  private seq = 0;
  private pingTimer?: NodeJS.Timeout;

  private constructor(
    private readonly server: http.Server,
    private readonly webSockets: WebSocketServer,
  ) {
    // Tests wait for a few records at once; the benchmark's burst for hundreds.
    this.events.setMaxListeners(0);
  }

  /** Starts the stand-in on a free loopback port. */
  static async start(): Promise<SlackStandIn> {
    const webSockets = new WebSocketServer({ noServer: true });
    // Idle keep-alive connections stay open longer than any client keeps them, as Slack's do: with
    // Node's 5 s default, a busy machine lets the client reuse a socket the server is closing.
    const server = http.createServer({ keepAliveTimeout: 65_000 });
    const standIn = new SlackStandIn(server, webSockets);
    server.on('request', (request, response) => {
      standIn.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(String(error));
      });
    });
    server.on('upgrade', (request, socket, head) => {
      if (!request.url?.startsWith('/link')) {
        socket.destroy();
        return;
      }
      webSockets.handleUpgrade(request, socket, head, (ws) => standIn.connect(ws));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // Slack pings Socket Mode clients; the client closes a connection that stays silent too long.
    standIn.pingTimer = setInterval(() => {
      for (const ws of standIn.sockets) ws.ping();
    }, 5000);
    standIn.pingTimer.unref();
    return standIn;
  }

  get origin(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** The Web API base URL, for SLACK_API_URL. */
  get apiUrl(): string {
    return `${this.origin}/api/`;
  }

  /** A fresh response_url, as Slack attaches to each command and interaction. */
  responseUrl(): string {
    this.responseUrlCount += 1;
    return `${this.origin}/respond/${this.responseUrlCount}`;
  }

  /** Makes the next call of `method` fail with Slack error `error`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /**
   * Makes the next `times` calls of `target` (a Web API method such as 'chat.postMessage', or
   * 'response_url') meet `fault`; `times: Infinity` for every call until `clearFaults()`.
   */
  inject(target: string, fault: Fault, times = 1): InjectedFault {
    const pending: PendingFault = { fault, remaining: times, hits: 0, released: false, waiting: [] };
    this.faults.set(target, [...(this.faults.get(target) ?? []), pending]);
    this.injected.push(pending);
    return {
      release: () => {
        pending.released = true;
        for (const resume of pending.waiting.splice(0)) resume();
      },
      get hits() {
        return pending.hits;
      },
    };
  }

  /** Removes every injected fault that has not been used up (held calls stay held). */
  clearFaults(): void {
    this.faults.clear();
  }

  /** Adds a message to a channel (what people wrote), for conversations.replies. */
  seedMessage(message: {
    channel: string;
    text: string;
    ts?: string;
    threadTs?: string;
    user?: string;
  }): string {
    const ts = message.ts ?? nextTs();
    this.messages.push({
      channel: message.channel,
      ts,
      thread_ts: message.threadTs,
      text: message.text,
      user: message.user ?? 'U0EDITOR',
    });
    return ts;
  }

  apiCalls(method?: string): RecordedApiCall[] {
    return this.records.filter(
      (record): record is RecordedApiCall => record.kind === 'api' && (!method || record.method === method),
    );
  }

  responses(responseUrl?: string): RecordedResponse[] {
    const id = responseUrl?.split('/').at(-1);
    return this.records.filter(
      (record): record is RecordedResponse => record.kind === 'response_url' && (!id || record.id === id),
    );
  }

  /**
   * Resolves with the first record (already made or still to come) that matches; rejects if none
   * arrives within `timeoutMs`, naming what was awaited and what was recorded instead. The default
   * is a hang guard, not a budget: on a busy two-core machine an answer can take many seconds.
   */
  waitFor<T extends Recorded>(
    matches: (record: Recorded) => record is T,
    description: string,
    timeoutMs?: number,
  ): Promise<T>;
  waitFor(matches: (record: Recorded) => boolean, description: string, timeoutMs?: number): Promise<Recorded>;
  waitFor(
    matches: (record: Recorded) => boolean,
    description: string,
    timeoutMs = 100_000,
  ): Promise<Recorded> {
    const found = this.records.find(matches);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onRecord = (record: Recorded) => {
        if (!matches(record)) return;
        clearTimeout(timer);
        this.events.off('record', onRecord);
        resolve(record);
      };
      const timer = setTimeout(() => {
        this.events.off('record', onRecord);
        const seen = this.records.map((r) => (r.kind === 'api' ? r.method : r.kind)).join(', ');
        reject(new Error(`slack stand-in: no ${description} (recorded: ${seen || 'nothing'})`));
      }, timeoutMs);
      this.events.on('record', onRecord);
    });
  }

  /** Waits for the next message posted to a response_url. */
  waitForResponse(responseUrl: string, after = 0): Promise<RecordedResponse> {
    const id = responseUrl.split('/').at(-1);
    return this.waitFor(
      (record): record is RecordedResponse =>
        record.kind === 'response_url' && record.id === id && record.seq > after,
      `message at response_url ${id}`,
    );
  }

  /** Waits for a Web API call of `method` matching `where`. */
  waitForCall(method: string, where: (args: Record<string, unknown>) => boolean = () => true, after = 0) {
    return this.waitFor(
      (record): record is RecordedApiCall =>
        record.kind === 'api' && record.method === method && record.seq > after && where(record.args),
      `${method} call`,
    );
  }

  /** The sequence number of the latest record, to wait for what comes after it. */
  get lastSeq(): number {
    return this.seq;
  }

  /** Resolves once a Socket Mode client is connected and has been sent `hello`. */
  socketConnected(): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.events.once('connected', () => resolve()));
  }

  /**
   * Sends a Socket Mode envelope to the connected client and resolves with its ack's payload.
   */
  async sendEnvelope(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    options: { retryAttempt?: number; envelopeId?: string } = {},
  ): Promise<Record<string, unknown> | undefined> {
    await this.socketConnected();
    const ws = [...this.sockets].at(-1)!;
    this.envelopeCount += 1;
    // The same id again is what Slack does when it re-delivers an envelope it saw no ack for.
    const envelopeId = options.envelopeId ?? `envelope-${this.envelopeCount}`;
    const acked = new Promise<Record<string, unknown> | undefined>((resolve) => {
      // A re-delivered envelope: the one ack that comes answers both.
      const earlier = this.pendingAcks.get(envelopeId);
      this.pendingAcks.set(envelopeId, (payload) => {
        earlier?.(payload);
        resolve(payload);
      });
    });
    ws.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: type !== 'events_api',
        ...(type === 'events_api'
          ? { retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' }
          : {}),
      }),
    );
    return acked;
  }

  /** Sends a raw text frame on the Socket Mode connection (a malformed envelope, `null`…). */
  async sendRawFrame(frame: string): Promise<void> {
    await this.socketConnected();
    [...this.sockets].at(-1)!.send(frame);
  }

  /** Socket Mode acks received for an envelope id. */
  acksFor(envelopeId: string): number {
    return this.records.filter((record) => record.kind === 'socket_ack' && record.envelopeId === envelopeId)
      .length;
  }

  async stop(): Promise<void> {
    clearInterval(this.pingTimer);
    // Held calls are let go (their connections are closed below, so nobody hears the answer).
    for (const pending of this.injected) for (const resume of pending.waiting.splice(0)) resume();
    for (const ws of this.sockets) ws.terminate();
    this.webSockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(entry: DistributiveOmit<Recorded, 'seq'>): Recorded {
    this.seq += 1;
    const record = { ...entry, seq: this.seq } as Recorded;
    this.records.push(record);
    this.events.emit('record', record);
    return record;
  }

  private connect(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: { envelope_id?: string; payload?: Record<string, unknown> };
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!message.envelope_id) return;
      const payload =
        message.payload && Object.keys(message.payload).length > 0 ? message.payload : undefined;
      this.record({ kind: 'socket_ack', envelopeId: message.envelope_id, payload });
      this.pendingAcks.get(message.envelope_id)?.(payload);
      this.pendingAcks.delete(message.envelope_id);
    });
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'slack-stand-in', approximate_connection_time: 3600 },
        connection_info: { app_id: workspace.appId },
      }),
    );
    this.events.emit('connected');
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.origin);
    const raw = await readBody(request);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    const respond = /^\/respond\/(\d+)$/.exec(url.pathname);
    const isApi = request.method === 'POST' && url.pathname.startsWith('/api/');
    if (!isApi && !(request.method === 'POST' && respond))
      return reply(404, { ok: false, error: 'not_found' });

    const method = isApi ? url.pathname.slice('/api/'.length) : 'response_url';
    const pending = this.takeFault(method);
    const fault = pending?.fault;
    const faultName = !fault
      ? undefined
      : fault.kind === 'http'
        ? `http_${fault.status}`
        : fault.kind === 'error'
          ? fault.error
          : fault.kind;

    let entry: DistributiveOmit<Recorded, 'seq'>;
    if (isApi) {
      const args = parseArguments(raw, request.headers['content-type'] ?? '');
      const token =
        request.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined);
      entry = { kind: 'api', method, token, args, ...(faultName ? { fault: faultName } : {}) };
    } else {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw);
      } catch {
        return reply(400, { ok: false, error: 'invalid_json' });
      }
      entry = { kind: 'response_url', id: respond![1]!, body, ...(faultName ? { fault: faultName } : {}) };
    }

    if (fault?.kind === 'hang') {
      this.record(entry);
      return; // the connection stays open until the client gives up or the stand-in stops
    }
    if (fault?.kind === 'http') {
      this.record(entry);
      const headers: Record<string, string> =
        fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
      return reply(
        fault.status,
        { ok: false, error: fault.status === 429 ? 'ratelimited' : 'fatal_error' },
        headers,
      );
    }
    if (fault?.kind === 'error') {
      this.record(entry);
      return reply(200, { ok: false, error: fault.error });
    }

    // Carried out now (recorded as it happens); a held call is answered only when released.
    let body: Record<string, unknown>;
    if (entry.kind === 'api') {
      const record = this.record(entry) as RecordedApiCall;
      body = this.answer(entry.method, entry.args, entry.token);
      if (body.ok === false) record.error = String(body.error);
    } else {
      this.record(entry);
      body = { ok: true };
    }
    if (fault?.kind === 'hold' && pending && !pending.released) {
      await new Promise<void>((resume) => pending.waiting.push(resume));
    }
    if (response.destroyed) return;
    reply(200, body);
  }

  private takeFault(target: string): PendingFault | undefined {
    const queue = this.faults.get(target);
    const pending = queue?.[0];
    if (!pending) return undefined;
    pending.hits += 1;
    pending.remaining -= 1;
    if (pending.remaining <= 0) queue.shift();
    return pending;
  }

  private answer(
    method: string,
    args: Record<string, unknown>,
    token: string | undefined,
  ): Record<string, unknown> {
    const failure = this.failures.get(method)?.shift();
    if (failure) return { ok: false, error: failure };
    const needsAppToken = method === 'apps.connections.open';
    if (!token?.startsWith(needsAppToken ? 'xapp-' : 'xoxb-')) return { ok: false, error: 'invalid_auth' };
    const channel = String(args.channel ?? '');
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `https://${workspace.teamDomain}.slack.com/`,
          team: 'Newsroom',
          user: 'readout',
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          bot_id: workspace.botId,
          is_enterprise_install: false,
        };
      case 'apps.connections.open':
        return {
          ok: true,
          url: `${this.origin.replace('http://', 'ws://')}/link/?ticket=${this.envelopeCount + 1}`,
        };
      case 'chat.postMessage': {
        if (!channel || this.hiddenChannels.has(channel)) return { ok: false, error: 'channel_not_found' };
        if (this.archivedChannels.has(channel)) return { ok: false, error: 'is_archived' };
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        const message: StoredMessage = {
          channel,
          ts: nextTs(),
          thread_ts: args.thread_ts as string | undefined,
          text: String(args.text ?? ''),
          bot_id: workspace.botId,
          blocks: args.blocks,
        };
        this.messages.push(message);
        return { ok: true, channel, ts: message.ts, message: { ...message, type: 'message' } };
      }
      case 'chat.postEphemeral':
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        if (!args.user) return { ok: false, error: 'user_not_in_channel' };
        return { ok: true, message_ts: nextTs() };
      case 'chat.update':
        return { ok: true, channel, ts: args.ts, text: args.text };
      case 'conversations.replies': {
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const ts = String(args.ts ?? '');
        const thread = this.messages
          .filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts))
          .sort((a, b) => Number(a.ts) - Number(b.ts));
        if (thread.length === 0) return { ok: false, error: 'thread_not_found' };
        const limit = Number(args.limit ?? 1000);
        return {
          ok: true,
          messages: thread.slice(0, limit).map((m) => ({ type: 'message', ...m })),
          has_more: thread.length > limit,
        };
      }
      case 'views.publish':
        if (!args.user_id || !args.view) return { ok: false, error: 'invalid_arguments' };
        return { ok: true, view: { id: 'V0HOME', ...(args.view as object) } };
      case 'conversations.info': {
        if (!channel || this.hiddenChannels.has(channel)) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: {
            id: channel,
            name: channel.toLowerCase(),
            is_channel: true,
            is_archived: this.archivedChannels.has(channel),
            is_member: !this.notInChannel.has(channel),
          },
        };
      }
      case 'views.open': {
        if (!args.trigger_id) return { ok: false, error: 'invalid_trigger_id' };
        if (!args.view || typeof args.view !== 'object') return { ok: false, error: 'invalid_arguments' };
        const id = `V0MODAL${this.views.size + 1}`;
        const view = { id, ...(args.view as object) };
        this.views.set(id, view);
        return { ok: true, view };
      }
      case 'views.update': {
        const id = String(args.view_id ?? '');
        if (!this.views.has(id)) return { ok: false, error: 'not_found' };
        if (!args.view || typeof args.view !== 'object') return { ok: false, error: 'invalid_arguments' };
        const view = { id, ...(args.view as object) };
        this.views.set(id, view);
        return { ok: true, view };
      }
      case 'chat.unfurl': {
        const target = (args.channel && args.ts) || (args.unfurl_id && args.source);
        if (!target) return { ok: false, error: 'invalid_arguments' };
        if (!args.unfurls || typeof args.unfurls !== 'object') return { ok: false, error: 'invalid_unfurls' };
        return { ok: true };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseArguments(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = jsonArguments.has(key) ? JSON.parse(value) : value;
  }
  return args;
}
