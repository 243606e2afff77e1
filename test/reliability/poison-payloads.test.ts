/**
 * Payloads that are correctly delivered but malformed inside, sent to the bot as a real process:
 * a signed HTTP body of `null` (or `payload=null`, an array, a number, an event_callback with no
 * event), Socket Mode frames of `null` and envelopes without their payload or event. Each is
 * answered 400 (HTTP) or acknowledged and dropped (Socket Mode), and the bot keeps serving. A
 * re-delivered Socket Mode envelope (the same envelope_id) is answered once, and a command or
 * mention whose `text` is not a string still gets an answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type BotProcess, botSecrets, startBot } from '../support/bot-process.js';
import {
  appMention,
  post,
  SlackStandIn,
  signedHeaders,
  slashCommand,
  socketDelivery,
} from '../support/slack-stand-in/index.js';
import { allText, ask, expectNoSecrets, running, sentToSlack } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;
const bots: BotProcess[] = [];

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
});

afterAll(async () => {
  for (const bot of bots) await bot.stop('SIGKILL');
  await standIn?.stop();
  archive?.remove();
});

const json = 'application/json';
const form = 'application/x-www-form-urlencoded';

describe('over HTTP', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot(standIn, { databaseFile: archive.databaseFile });
    bots.push(bot);
  });

  it.each([
    { name: 'null', body: 'null', type: json },
    { name: 'a number', body: '42', type: json },
    { name: 'an array', body: '[{"type":"event_callback"}]', type: json },
    { name: 'a string', body: '"event_callback"', type: json },
    {
      name: 'an event_callback without an event',
      body: '{"type":"event_callback","event_id":"Ev1"}',
      type: json,
    },
    { name: 'payload=null', body: 'payload=null', type: form },
    { name: 'payload=[]', body: 'payload=%5B%5D', type: form },
  ])('answers a correctly signed body of $name with 400 and keeps serving', async ({ body, type }) => {
    const { status } = await post(
      `${bot.origin}/slack/events`,
      body,
      signedHeaders(botSecrets.signingSecret, body, type),
    );
    expect(status).toBe(400);
    expect(running(bot.child)).toBe(true);
  });

  it('answers the same body unsigned with 401', async () => {
    const { status } = await post(`${bot.origin}/slack/events`, 'null', { 'Content-Type': json });
    expect(status).toBe(401);
  });

  it('still answers a genuine request afterwards', async () => {
    const answer = await ask(standIn, bot.delivery!, 'lighthouse keeper');
    expect(allText(answer).join('\n')).toMatch(/lighthouse keeper/i);
    expect(running(bot.child)).toBe(true);
  });
});

describe('over Socket Mode', () => {
  let bot: BotProcess;
  beforeAll(async () => {
    bot = await startBot(standIn, { transport: 'socket', databaseFile: archive.databaseFile });
    bots.push(bot);
    await standIn.socketConnected();
  });

  it('acknowledges and drops malformed envelopes, and keeps serving', async () => {
    for (const frame of ['null', '42', '[]', '"hello"', '{"envelope_id":"no-type"}'])
      await standIn.sendRawFrame(frame);
    const envelopes = {
      'bad-1': { type: 'events_api', envelope_id: 'bad-1' },
      'bad-2': { type: 'events_api', envelope_id: 'bad-2', payload: {} },
      'bad-3': { type: 'events_api', envelope_id: 'bad-3', payload: { event: null } },
      'bad-4': { type: 'slash_commands', envelope_id: 'bad-4' },
      'bad-5': { type: 'interactive', envelope_id: 'bad-5', payload: null },
    };
    for (const envelope of Object.values(envelopes)) await standIn.sendRawFrame(JSON.stringify(envelope));
    for (const id of Object.keys(envelopes)) {
      await standIn.waitFor(
        (record) => record.kind === 'socket_ack' && record.envelopeId === id,
        `ack of ${id}`,
      );
    }
    const answer = await ask(standIn, socketDelivery(standIn), 'lighthouse keeper');
    expect(allText(answer).join('\n')).toMatch(/lighthouse keeper/i);
    expect(running(bot.child)).toBe(true);
    expect(bot.printed()).toMatch(/ignored a malformed Socket Mode envelope/);
  });

  it('answers a re-delivered envelope (the same envelope_id) once', async () => {
    const responseUrl = standIn.responseUrl();
    const command = slashCommand({ text: 'lighthouse keeper', responseUrl }).body;
    await standIn.sendEnvelope('slash_commands', command, { envelopeId: 'redelivered-1' });
    await standIn.waitForResponse(responseUrl);
    await standIn.sendEnvelope('slash_commands', command, { envelopeId: 'redelivered-1' });
    await bot.waitForOutput(/ignored a re-delivered envelope[^\n]*redelivered-1/);
    // A later request answered: anything the repeat set off would be under way by now too.
    await ask(standIn, socketDelivery(standIn), 'tide tables');
    expect(standIn.responses(responseUrl)).toHaveLength(1);
    expect(standIn.acksFor('redelivered-1')).toBe(2);
  });

  it.each([42, null, ['lighthouse'], { text: 'lighthouse' }])(
    'answers a command whose text is %j',
    async (text) => {
      const responseUrl = standIn.responseUrl();
      const command = { ...slashCommand({ text: '', responseUrl }).body, text } as unknown as Record<
        string,
        string
      >;
      await standIn.sendEnvelope('slash_commands', command);
      const answer = await standIn.waitForResponse(responseUrl);
      expect(String(answer.body.text)).toMatch(/Readout/);
    },
  );

  it('answers a mention whose text is not a string', async () => {
    const mention = appMention({ text: '', channel: 'C0ODDTEXT' });
    (mention.body.event as Record<string, unknown>).text = { elements: [] };
    await standIn.sendEnvelope('events_api', mention.body);
    const reply = await standIn.waitForCall('chat.postMessage', (args) => args.channel === 'C0ODDTEXT');
    expect(String(reply.args.text)).toMatch(/Readout|readout/);
  });

  it('logged and sent no token or signing secret', () => {
    expectNoSecrets([...bots.map((bot) => bot.printed()), ...sentToSlack(standIn)], 'the bot');
  });
});
