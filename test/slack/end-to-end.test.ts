/**
 * The real Readout app, driven over HTTP (signed requests) and over Socket Mode (a real
 * WebSocket), against the local Slack stand-in and a real index of the fixture archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonState } from '../../src/slack/ui/button-state.js';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { buttonOf, buttonsOf, quotes, type SentMessage } from '../support/sent-message.js';
import {
  appHomeOpened,
  appMention,
  buttonPress,
  nextTs,
  type RecordedResponse,
  SlackStandIn,
  signedHeaders,
  slashCommand,
  workspace,
} from '../support/slack-stand-in/index.js';
import { buildFixtureArchive, type FixtureArchive } from './fixture-archive.js';
import { type RunningReadout, startReadout, type Transport } from './harness.js';

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildFixtureArchive();
});

afterAll(() => archive?.remove());

describe.each(['http', 'socket'] as Transport[])('Readout over %s', (transport) => {
  let standIn: SlackStandIn;
  let readout: RunningReadout;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    readout = await startReadout(transport, standIn, { databaseFile: archive.databaseFile });
  });

  afterAll(async () => {
    await readout?.stop();
    await standIn?.stop();
  });

  /** Sends `/readout text` and resolves with the app's ack and the message sent to its response_url. */
  async function command(text: string, options: { channelId?: string; userId?: string } = {}) {
    const responseUrl = standIn.responseUrl();
    const delivered = await readout.delivery.deliver(slashCommand({ text, responseUrl, ...options }));
    const response = await standIn.waitForResponse(responseUrl);
    return { delivered, response, message: response.body as SentMessage, responseUrl };
  }

  /** Presses a button of `message` and resolves with the first thing sent to the new response_url. */
  async function press(message: SentMessage, actionId: string) {
    const responseUrl = standIn.responseUrl();
    const button = buttonOf(message, actionId);
    await readout.delivery.deliver(buttonPress({ button, responseUrl }));
    const response = await standIn.waitForResponse(responseUrl);
    return { response, message: response.body as SentMessage, responseUrl };
  }

  describe('/readout', () => {
    it('acknowledges with an empty ack, then answers privately through response_url', async () => {
      const { delivered, message } = await command('lighthouse keeper');
      if (transport === 'http') {
        expect(delivered.status).toBe(200);
        expect(delivered.ack ?? '').toBe('');
      } else {
        expect(delivered.ack).toBeUndefined();
      }
      expect(message.response_type).toBe('ephemeral');
      expect(message.text).toMatch(/passages 1–5 for “lighthouse keeper”/);
      expect(quotes(message)).toHaveLength(5);
      for (const quote of quotes(message)) expect(quote).toMatch(/\*lighthouse\*|\*keeper\*/i);
    });

    it('acknowledges before it answers', async () => {
      const { response } = await command('lighthouse');
      if (transport === 'socket') {
        const ack = standIn.records.filter(
          (record) => record.kind === 'socket_ack' && record.seq < response.seq,
        );
        expect(ack.length).toBeGreaterThan(0);
      }
      expect(response.body.response_type).toBe('ephemeral');
    });

    it('attributes each passage: linked headline, outlet, date, author', async () => {
      const { message } = await command('lighthouse keeper Saltmere');
      const json = JSON.stringify(message.blocks);
      expect(json).toContain(
        '<https://example.org/gazette/lighthouse-1|Saltmere lighthouse keeper retires after 20 years> · Coastal Gazette (test) · 10 Jan 2018 · by Reporter 1',
      );
    });

    it("answers who: with that speaker's quotation, credited to them", async () => {
      const { message } = await command('who:quill dredge');
      expect(message.text).toMatch(/for “who:quill dredge”/);
      expect(quotes(message)).toHaveLength(1);
      expect(quotes(message)[0]).toMatch(/ferries will be aground by Christmas/);
      expect(quotes(message)[0]).not.toMatch(/silt will wait/);
      expect(JSON.stringify(message.blocks)).toContain(
        '— Petra Quill, in _<https://example.org/gazette/dredging|Dredging plan splits the harbour board>_',
      );
      expect(JSON.stringify(message.blocks)).toContain('only quotations by quill');
    });

    it('resolves "he said" to the person named in the sentence before', async () => {
      const { message } = await command('who:lund');
      expect(quotes(message)).toHaveLength(1);
      expect(quotes(message)[0]).toMatch(/The silt will wait another year/);
      expect(JSON.stringify(message.blocks)).toContain('— Oskar Lund, in _');
    });

    it('shows the other outlet that carried a syndicated paragraph', async () => {
      const { message } = await command('"tide tables" printing error');
      expect(JSON.stringify(message.blocks)).toMatch(/also in: (Estuary Wire|Coastal Gazette) \(test\)/);
    });

    it.each(['', 'help'])('shows usage for %j', async (text) => {
      const { message } = await command(text);
      const shown = (message.blocks ?? [])
        .map((block) => (block.type === 'section' ? block.text?.text : ''))
        .join('\n');
      for (const example of ['"peace talks"', '-trump', 'source:tass', 'after:2016-09-01', 'before:2017']) {
        expect(shown).toContain(example);
      }
    });

    it('says when nothing was found, with a suggestion', async () => {
      const { message } = await command('zeppelin quokka');
      expect(message.text).toContain('No passages found for “zeppelin quokka”');
      expect(JSON.stringify(message.blocks)).toMatch(/Try /);
      expect(buttonsOf(message).map((b) => b.action_id)).toEqual([actionIds.dismiss]);
    });

    it('escapes article text so it cannot ping anyone or forge a link', async () => {
      const { message } = await command('marmalade ferry');
      const shown = JSON.stringify(message, (key, value) => (key === 'value' ? undefined : value));
      expect(shown).toContain('&lt;!channel&gt; &lt;@U123&gt; &lt;https://x|y&gt; &amp; &lt;!here&gt;');
      for (const dangerous of ['<!channel>', '<!here>', '<@U123>', '<@U999>', '<https://x|y>']) {
        expect(shown).not.toContain(dangerous);
      }
      expect(shown).toContain('<https://example.org/ferry?a=1&amp;b=2|Ferry row: &lt;!channel&gt;');
      expect(shown).toContain('Harbour &amp; &lt;Co&gt; Gazette');
    });

    it('keeps a message with very long attributions within Block Kit limits', async () => {
      const { message } = await command('cormorant survey');
      expect(quotes(message)).toHaveLength(1);
      expect(blockKitViolations(message)).toEqual([]);
    });
  });

  describe('buttons', () => {
    it('More results replaces the preview with the next page', async () => {
      const first = await command('lighthouse keeper');
      const more = buttonOf(first.message, actionIds.more);
      expect(decodeButtonState(more.value)).toEqual({ q: 'lighthouse keeper', o: 5 });
      const { message } = await press(first.message, actionIds.more);
      expect(message.replace_original).toBe(true);
      expect(message.text).toMatch(/passages 6–8 for “lighthouse keeper”/);
      expect(quotes(message)).toHaveLength(3);
      const firstPage = new Set(quotes(first.message));
      for (const quote of quotes(message)) expect(firstPage.has(quote)).toBe(false);
    });

    it('Share in channel posts the answer publicly, credits the user, and removes the preview', async () => {
      const preview = await command('lighthouse keeper');
      const before = standIn.lastSeq;
      const { message } = await press(preview.message, actionIds.share);
      const posted = await standIn.waitForCall(
        'chat.postMessage',
        (args) => args.channel === 'C0NEWSDESK',
        before,
      );
      expect(posted.args.text).toContain('shared by <@U0REPORTER>');
      expect(JSON.stringify(posted.args.blocks)).toContain('Shared by <@U0REPORTER>');
      expect(quotes(posted.args as SentMessage)).toEqual(quotes(preview.message));
      expect(buttonsOf(posted.args as SentMessage)).toEqual([]);
      expect(message).toEqual({ delete_original: true });
      expect(posted.seq).toBeLessThan(
        standIn.responses().find((r: RecordedResponse) => r.seq > before && r.body.delete_original)!.seq,
      );
    });

    it('Share in a channel the bot is not in keeps the preview and says how to invite it', async () => {
      const preview = await command('lighthouse keeper');
      standIn.notInChannel.add('C0NEWSDESK');
      try {
        const { message } = await press(preview.message, actionIds.share);
        expect(message.delete_original).toBeUndefined();
        expect(message.replace_original).toBe(false);
        expect(message.text).toContain('/invite @Readout');
      } finally {
        standIn.notInChannel.delete('C0NEWSDESK');
      }
      await readout.waitForLog(/could not share an answer.*not_in_channel/);
    });

    it('Dismiss deletes the preview', async () => {
      const preview = await command('lighthouse keeper');
      const { message } = await press(preview.message, actionIds.dismiss);
      expect(message).toEqual({ delete_original: true });
    });
  });

  describe('mentions', () => {
    it('answers a mention in a channel in a thread under the message', async () => {
      const ts = nextTs();
      const before = standIn.lastSeq;
      await readout.delivery.deliver(appMention({ text: 'lighthouse keeper', ts }));
      const reply = await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
      expect(reply.args.channel).toBe('C0NEWSDESK');
      expect(quotes(reply.args as SentMessage)).toHaveLength(5);
      expect(buttonsOf(reply.args as SentMessage)).toEqual([]);
    });

    it('answers a mention inside a thread in that thread', async () => {
      const threadTs = nextTs();
      const before = standIn.lastSeq;
      await readout.delivery.deliver(appMention({ text: 'cormorant', threadTs }));
      const reply = await standIn.waitForCall(
        'chat.postMessage',
        (args) => args.thread_ts === threadTs,
        before,
      );
      expect(quotes(reply.args as SentMessage).join('\n')).toContain('*cormorant*');
    });

    it("searches for the thread's first message on a bare mention, and says so", async () => {
      const threadTs = standIn.seedMessage({
        channel: 'C0NEWSDESK',
        text: 'Who wrote about the &lt;marmalade&gt; ferry?',
      });
      const before = standIn.lastSeq;
      await readout.delivery.deliver(appMention({ text: '', threadTs }));
      const read = await standIn.waitForCall('conversations.replies', (args) => args.ts === threadTs, before);
      expect(read.args.channel).toBe('C0NEWSDESK');
      const reply = await standIn.waitForCall(
        'chat.postMessage',
        (args) => args.thread_ts === threadTs,
        before,
      );
      expect(reply.args.text).toContain('Who wrote about the &lt;marmalade&gt; ferry?');
      expect(JSON.stringify(reply.args.blocks)).toContain("searched for the thread's first message");
      expect(quotes(reply.args as SentMessage).join('\n')).toContain('*marmalade*');
    });

    it('shows usage for a bare mention outside a thread', async () => {
      const ts = nextTs();
      const before = standIn.lastSeq;
      await readout.delivery.deliver(appMention({ text: '', ts }));
      const reply = await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
      expect(JSON.stringify(reply.args.blocks)).toContain('@Readout obama putin syria');
    });

    it('answers an event Slack delivers again only once', async () => {
      const ts = nextTs();
      const eventId = `EvRETRY${ts.replace('.', '')}`;
      const before = standIn.lastSeq;
      await readout.delivery.deliver(appMention({ text: 'lighthouse', ts, eventId }));
      await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
      await readout.delivery.deliver(appMention({ text: 'lighthouse', ts, eventId, retryNum: 1 }));
      await readout.waitForLog(new RegExp(`ignored a re-delivered event.*${eventId}`));
      expect(standIn.apiCalls('chat.postMessage').filter((call) => call.args.thread_ts === ts)).toHaveLength(
        1,
      );
    });
  });

  it('publishes the Home tab with what Readout is, how to use it and the index statistics', async () => {
    const before = standIn.lastSeq;
    await readout.delivery.deliver(appHomeOpened({ userId: 'U0HOMEUSER' }));
    const published = await standIn.waitForCall(
      'views.publish',
      (args) => args.user_id === 'U0HOMEUSER',
      before,
    );
    const json = JSON.stringify(published.args.view);
    expect(json).toContain('article archive');
    expect(json).toContain('/readout obama putin syria');
    expect(json).toContain(`${archive.articles} articles`);
  });

  it('sent only messages within Block Kit limits, each with fallback text', () => {
    const sent: SentMessage[] = [
      ...standIn.responses().map((response) => response.body as SentMessage),
      ...standIn.apiCalls('chat.postMessage').map((call) => call.args as SentMessage),
      ...standIn.apiCalls('chat.postEphemeral').map((call) => call.args as SentMessage),
    ].filter((message) => !message.delete_original);
    expect(sent.length).toBeGreaterThan(10);
    for (const message of sent) expect(blockKitViolations(message)).toEqual([]);
  });

  it('used the bot token for every Web API call', () => {
    const calls = standIn.apiCalls().filter((call) => call.method !== 'apps.connections.open');
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.token).toBe('xoxb-0000-test-bot-token');
  });
});

describe('Readout over http: requests not signed by Slack', () => {
  let standIn: SlackStandIn;
  let readout: RunningReadout;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    readout = await startReadout('http', standIn, { databaseFile: archive.databaseFile });
  });

  afterAll(async () => {
    await readout?.stop();
    await standIn?.stop();
  });

  async function postCommand(headers: Record<string, string>) {
    const body = new URLSearchParams(
      slashCommand({ text: 'lighthouse', responseUrl: standIn.responseUrl() }).body,
    ).toString();
    const response = await fetch(`${readout.origin}/slack/events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
      body,
    });
    return { status: response.status, body };
  }

  it('rejects a bad signature with 401', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const { status } = await postCommand({
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': `v0=${'0'.repeat(64)}`,
    });
    expect(status).toBe(401);
  });

  it('rejects a request signed with another secret with 401', async () => {
    const body = new URLSearchParams(
      slashCommand({ text: 'x', responseUrl: standIn.responseUrl() }).body,
    ).toString();
    const response = await fetch(`${readout.origin}/slack/events`, {
      method: 'POST',
      headers: signedHeaders('not-the-signing-secret', body, 'application/x-www-form-urlencoded'),
      body,
    });
    expect(response.status).toBe(401);
  });

  it('rejects a correctly signed but stale request with 401', async () => {
    const body = new URLSearchParams(
      slashCommand({ text: 'x', responseUrl: standIn.responseUrl() }).body,
    ).toString();
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    const response = await fetch(`${readout.origin}/slack/events`, {
      method: 'POST',
      headers: signedHeaders(
        'test-signing-secret-0123456789abcdef',
        body,
        'application/x-www-form-urlencoded',
        tenMinutesAgo,
      ),
      body,
    });
    expect(response.status).toBe(401);
  });

  it('rejects a request without signature headers with 401', async () => {
    const { status } = await postCommand({});
    expect(status).toBe(401);
  });

  it('answered none of them', () => {
    expect(standIn.responses()).toEqual([]);
  });

  it('answers GET /healthz with the index status', async () => {
    const response = await fetch(`${readout.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: 'ok',
      articles: archive.articles,
      probe: { found: true },
    });
  });
});

describe('Readout limits', () => {
  let standIn: SlackStandIn;
  let readout: RunningReadout;

  beforeAll(async () => {
    standIn = await SlackStandIn.start();
    readout = await startReadout('http', standIn, {
      databaseFile: archive.databaseFile,
      env: { READOUT_RATE_LIMIT: '2/3600', READOUT_CHANNELS: 'C0NEWSDESK,C0POLITICS' },
    });
  });

  afterAll(async () => {
    await readout?.stop();
    await standIn?.stop();
  });

  async function command(text: string, options: { channelId?: string; userId?: string } = {}) {
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(slashCommand({ text, responseUrl, ...options }));
    return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
  }

  it('tells a user who asks too often to wait, and still answers others', async () => {
    expect((await command('lighthouse', { userId: 'U0BUSY' })).text).toMatch(/passages/);
    expect((await command('lighthouse', { userId: 'U0BUSY' })).text).toMatch(/passages/);
    const limited = await command('lighthouse', { userId: 'U0BUSY' });
    expect(limited.text).toMatch(
      /You have asked 2 questions in the last 3600 seconds.*try again in \d+ seconds/,
    );
    expect((await command('lighthouse', { userId: 'U0CALM' })).text).toMatch(/passages/);
  });

  it('politely declines a command outside the allowed channels', async () => {
    const message = await command('lighthouse', { channelId: 'C0RANDOM', userId: 'U0VISITOR' });
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toContain('Readout only answers in <#C0NEWSDESK>, <#C0POLITICS>');
  });

  it('declines a mention outside the allowed channels privately, without replying in the channel', async () => {
    const ts = nextTs();
    const before = standIn.lastSeq;
    await readout.delivery.deliver(
      appMention({ text: 'lighthouse', ts, channel: 'C0RANDOM', userId: 'U0VISITOR' }),
    );
    const ephemeral = await standIn.waitForCall(
      'chat.postEphemeral',
      (args) => args.user === 'U0VISITOR',
      before,
    );
    expect(ephemeral.args.channel).toBe('C0RANDOM');
    expect(ephemeral.args.text).toContain('Readout only answers in');
    expect(standIn.apiCalls('chat.postMessage').filter((call) => call.args.channel === 'C0RANDOM')).toEqual(
      [],
    );
  });

  it('tells the user how to invite the bot when it cannot read a thread', async () => {
    const threadTs = standIn.seedMessage({ channel: 'C0POLITICS', text: 'lighthouse' });
    standIn.failNext('conversations.replies', 'not_in_channel');
    const before = standIn.lastSeq;
    await readout.delivery.deliver(
      appMention({ text: '', threadTs, channel: 'C0POLITICS', userId: 'U0THREAD' }),
    );
    const reply = await standIn.waitForCall(
      'chat.postMessage',
      (args) => args.thread_ts === threadTs,
      before,
    );
    expect(reply.args.text).toContain('/invite @Readout');
    await readout.waitForLog(/could not read a thread.*conversations\.replies.*not_in_channel/);
  });

  it('used the workspace the stand-in reported', () => {
    expect(standIn.apiCalls('auth.test').length).toBeGreaterThan(0);
    expect(workspace.botUserId).toBe('U0READOUT');
  });
});
