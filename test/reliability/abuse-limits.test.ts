/**
 * Abuse: one person flooding Readout, and Readout asked where it should not answer. A per-user
 * limit (READOUT_RATE_LIMIT, here 5 an hour) covers commands, mentions and buttons together and
 * answers the rest with a friendly notice; the channel allow-list (READOUT_CHANNELS) refuses
 * elsewhere without using up anyone's allowance and without posting in that channel.
 */
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type RunningReadout, startReadout } from '../slack/harness.js';
import {
  appMention,
  buttonPress,
  nextTs,
  SlackStandIn,
  slashCommand,
} from '../support/slack-stand-in/index.js';
import { ask, expectNoSecrets, quotes, type SentMessage, sentToSlack } from './support.js';

const limit = 5;
const flood = 40;
let archive: FixtureArchive;
let standIn: SlackStandIn;
let readout: RunningReadout;

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
  readout = await startReadout('http', standIn, {
    databaseFile: archive.databaseFile,
    env: { READOUT_RATE_LIMIT: `${limit}/3600`, READOUT_CHANNELS: 'C0NEWSDESK, C0POLITICS' },
  });
});

afterAll(async () => {
  await readout?.stop();
  await standIn?.stop();
  archive?.remove();
});

const limited = /You have asked 5 questions in the last 3600 seconds.*try again in \d+ seconds/;
const elsewhere = /Readout only answers in <#C0NEWSDESK>, <#C0POLITICS>/;

/** Mentions the bot; resolves with what the user got: a thread reply or a private notice. */
async function mention(text: string, userId: string, channel = 'C0NEWSDESK') {
  const ts = nextTs();
  const before = standIn.lastSeq;
  await readout.delivery.deliver(appMention({ text, ts, channel, userId }));
  const call = await standIn.waitFor(
    (record) =>
      record.seq > before &&
      record.kind === 'api' &&
      ((record.method === 'chat.postMessage' && record.args.thread_ts === ts) ||
        (record.method === 'chat.postEphemeral' && record.args.user === userId)),
    `an answer to ${userId}'s mention`,
  );
  return call.kind === 'api' ? { method: call.method, message: call.args as SentMessage } : undefined;
}

describe(`a per-user limit of ${limit} an hour`, () => {
  it(`answers ${limit} of ${flood} simultaneous /readout from one person, each request once, the rest with a notice`, async () => {
    const urls = Array.from({ length: flood }, () => standIn.responseUrl());
    await Promise.all(
      urls.map((responseUrl) =>
        readout.delivery.deliver(slashCommand({ text: 'lighthouse keeper', responseUrl, userId: 'U0FLOOD' })),
      ),
    );
    const answers = await Promise.all(urls.map((url) => standIn.waitForResponse(url)));
    const texts = answers.map((answer) => String(answer.body.text));
    expect(texts.filter((text) => /passages/.test(text))).toHaveLength(limit);
    expect(texts.filter((text) => limited.test(text))).toHaveLength(flood - limit);
    for (const url of urls) expect(standIn.responses(url)).toHaveLength(1);
  });

  it('still answers someone else', async () => {
    const message = await ask(standIn, readout.delivery, 'lighthouse keeper', { userId: 'U0CALM' });
    expect(quotes(message).length).toBeGreaterThan(0);
  });

  it('counts commands, mentions and buttons together', async () => {
    const user = 'U0MIXED';
    const first = await ask(standIn, readout.delivery, 'lighthouse keeper', { userId: user });
    for (let i = 0; i < 2; i++) expect((await mention('lighthouse', user))?.method).toBe('chat.postMessage');
    expect(
      quotes(await ask(standIn, readout.delivery, 'tide tables', { userId: user })).length,
    ).toBeGreaterThan(0);
    // The fifth: More results on the first answer.
    const more = (first.blocks ?? [])
      .filter((block): block is types.ActionsBlock => block.type === 'actions')
      .flatMap((block) => block.elements as types.Button[])
      .find((element) => element.action_id === actionIds.more)!;
    const moreUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button: more, responseUrl: moreUrl, userId: user }));
    expect(String((await standIn.waitForResponse(moreUrl)).body.text)).toMatch(/passages/);
    // Over the limit: a mention is refused privately, with no reply in the channel.
    const refused = await mention('lighthouse', user);
    expect(refused?.method).toBe('chat.postEphemeral');
    expect(refused?.message.text).toMatch(limited);
    // And so is a button.
    const againUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button: more, responseUrl: againUrl, userId: user }));
    expect(String((await standIn.waitForResponse(againUrl)).body.text)).toMatch(limited);
  });
});

describe('the channel allow-list', () => {
  it('refuses a command elsewhere, naming the channels, without using up the allowance', async () => {
    const user = 'U0WANDERER';
    for (let i = 0; i < limit + 3; i++) {
      const message = await ask(standIn, readout.delivery, 'lighthouse', {
        userId: user,
        channelId: 'C0RANDOM',
      });
      expect(message.text).toMatch(elsewhere);
      expect(message.response_type).toBe('ephemeral');
    }
    for (let i = 0; i < limit; i++) {
      const message = await ask(standIn, readout.delivery, 'lighthouse', {
        userId: user,
        channelId: 'C0POLITICS',
      });
      expect(quotes(message).length).toBeGreaterThan(0);
    }
  });

  it.each(['C0RANDOM', 'D0DIRECT', 'G0PRIVATE'])(
    'answers a mention in %s only privately, posting nothing there',
    async (channel) => {
      const answer = await mention('lighthouse', `U0IN${channel}`, channel);
      expect(answer?.method).toBe('chat.postEphemeral');
      expect(answer?.message.text).toMatch(elsewhere);
      expect(standIn.apiCalls('chat.postMessage').filter((call) => call.args.channel === channel)).toEqual(
        [],
      );
    },
  );

  it('refuses to share into a channel outside the list', async () => {
    const preview = await ask(standIn, readout.delivery, 'lighthouse', { userId: 'U0SHARER' });
    const share = (preview.blocks ?? [])
      .filter((block): block is types.ActionsBlock => block.type === 'actions')
      .flatMap((block) => block.elements as types.Button[])
      .find((element) => element.action_id === actionIds.share)!;
    const url = standIn.responseUrl();
    await readout.delivery.deliver(
      buttonPress({ button: share, responseUrl: url, userId: 'U0SHARER', channelId: 'C0RANDOM' }),
    );
    expect(String((await standIn.waitForResponse(url)).body.text)).toMatch(elsewhere);
    expect(standIn.apiCalls('chat.postMessage').filter((call) => call.args.channel === 'C0RANDOM')).toEqual(
      [],
    );
  });
});

describe('limit and allow-list settings', () => {
  it.each([
    { env: { READOUT_RATE_LIMIT: 'lots' }, says: 'READOUT_RATE_LIMIT should look like 20/60' },
    { env: { READOUT_RATE_LIMIT: '5/0' }, says: 'READOUT_RATE_LIMIT should look like 20/60' },
    {
      env: { READOUT_CHANNELS: '#general' },
      says: 'READOUT_CHANNELS should list channel IDs like C0123ABCD, not #general',
    },
  ])('refuses $env at start-up, saying what it should be', ({ env, says }) => {
    expect(() => loadConfig(env)).toThrow(says);
  });

  it('logged and sent no token or signing secret', () => {
    expectNoSecrets([...readout.logs, ...sentToSlack(standIn)], 'the app');
  });
});
