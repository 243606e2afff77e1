/**
 * Slack failing Readout: HTTP 429 with Retry-After, 500s, calls that time out, and `ok: false`
 * errors, injected into the stand-in per method. What must hold: Readout retries where Slack
 * says to (429, after Retry-After) and nowhere else (a call that timed out may have been carried
 * out: posting again would answer twice), tells the person what to do where they can act, logs
 * each failure with its method, Slack error, user and channel, and keeps answering.
 *
 * The app runs in-process over real signed HTTP, with a short Web API timeout (800 ms) so that a
 * hanging Slack costs the suite little.
 */
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { buildFixtureArchive, type FixtureArchive } from '../slack/fixture-archive.js';
import { type RunningReadout, startReadout } from '../slack/harness.js';
import {
  appHomeOpened,
  appMention,
  buttonPress,
  nextTs,
  SlackStandIn,
} from '../support/slack-stand-in/index.js';
import { ask, expectNoSecrets, type SentMessage, sentToSlack } from './support.js';

let archive: FixtureArchive;
let standIn: SlackStandIn;
let readout: RunningReadout;
let channelCount = 0;

beforeAll(async () => {
  archive = await buildFixtureArchive();
  standIn = await SlackStandIn.start();
  readout = await startReadout('http', standIn, {
    databaseFile: archive.databaseFile,
    overrides: { clientOptions: { timeout: 800 } },
  });
});

afterAll(async () => {
  await readout?.stop();
  await standIn?.stop();
  archive?.remove();
});

/** A channel of its own for each case, so calls can be counted per case. */
function newChannel(): string {
  channelCount++;
  return `C0FAULT${channelCount}`;
}

/** Mentions the bot in `channel`; resolves with the message's ts (the reply's thread). */
async function mention(text: string, channel: string, userId = 'U0ASKER'): Promise<string> {
  const ts = nextTs();
  const delivered = await readout.delivery.deliver(appMention({ text, ts, channel, userId }));
  expect(delivered.status).toBe(200);
  return ts;
}

function postsIn(channel: string) {
  return standIn.apiCalls('chat.postMessage').filter((call) => call.args.channel === channel);
}

/**
 * Waits until the app has finished with what came before: a /readout sent now is answered after
 * anything still retrying would have posted (retries run before the earlier listener returns).
 */
async function settled(): Promise<void> {
  const message = await ask(standIn, readout.delivery, 'lighthouse keeper', { userId: 'U0SENTINEL' });
  expect(message.text).toMatch(/passages/);
}

async function preview(channelId: string): Promise<SentMessage> {
  return ask(standIn, readout.delivery, 'lighthouse keeper', { channelId, userId: 'U0SHARER' });
}

/** Presses Share on a preview; resolves with what was sent to the press's response_url. */
async function share(message: SentMessage, channelId: string) {
  const button = (message.blocks ?? [])
    .filter((block): block is types.ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements as types.Button[])
    .find((element) => element.action_id === actionIds.share)!;
  const responseUrl = standIn.responseUrl();
  await readout.delivery.deliver(
    buttonPress({ button, responseUrl, channelId, userId: 'U0SHARER', messageTs: nextTs() }),
  );
  return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
}

describe('Slack answers HTTP 429 with Retry-After', () => {
  it('waits as long as Slack says, tries again, and answers once', async () => {
    const channel = newChannel();
    const fault = standIn.inject('chat.postMessage', { kind: 'http', status: 429, retryAfter: 1 });
    const ts = await mention('lighthouse keeper', channel);
    await standIn.waitFor(
      (record) => record.kind === 'api' && record.args.channel === channel && !record.fault,
      'a reply after the rate limit',
    );
    await settled();
    expect(fault.hits).toBe(1);
    expect(postsIn(channel).map((call) => call.fault ?? 'ok')).toEqual(['http_429', 'ok']);
    expect(postsIn(channel)[1]!.args.thread_ts).toBe(ts);
    await readout.waitForLog(/rate limit/i);
  });

  it('gives up on a call Slack keeps limiting, keeps the preview, and asks the user to try again later', async () => {
    const channel = newChannel();
    const message = await preview(channel);
    standIn.inject(
      'chat.postMessage',
      { kind: 'http', status: 429, retryAfter: 0 },
      Number.POSITIVE_INFINITY,
    );
    try {
      const notice = await share(message, channel);
      expect(notice.text).toContain('Slack is asking me to slow down');
      expect(notice.delete_original).toBeUndefined();
    } finally {
      standIn.clearFaults();
    }
    const attempts = postsIn(channel);
    expect(attempts.length, 'retried').toBeGreaterThan(1);
    expect(attempts.every((call) => call.fault === 'http_429')).toBe(true);
    await readout.waitForLog(/could not share an answer.*"slackError":"ratelimited".*"channel":"C0FAULT/);
  });
});

describe('Slack fails without saying to retry', () => {
  it('does not repeat a post that met HTTP 500, logs it with context, and answers the next request', async () => {
    const channel = newChannel();
    standIn.inject('chat.postMessage', { kind: 'http', status: 500 });
    await mention('lighthouse keeper', channel);
    await readout.waitForLog(
      new RegExp(`could not reply to a mention.*"slackError":"http_500".*"channel":"${channel}"`),
    );
    await settled();
    expect(postsIn(channel).map((call) => call.fault ?? 'ok')).toEqual(['http_500']);

    const next = newChannel();
    await mention('lighthouse keeper', next);
    await standIn.waitForCall('chat.postMessage', (args) => args.channel === next);
  });

  it('does not repeat a post Slack carried out but answered too late (timeout): one reply, not two', async () => {
    const channel = newChannel();
    const fault = standIn.inject('chat.postMessage', { kind: 'hold' });
    try {
      await mention('lighthouse keeper', channel);
      await readout.waitForLog(
        new RegExp(`could not reply to a mention.*"slackError":"network".*"channel":"${channel}"`),
      );
      await settled();
    } finally {
      fault.release();
    }
    expect(postsIn(channel)).toHaveLength(1);
  });

  it('gives up on a response_url that never answers, logs it, and keeps answering', async () => {
    standIn.inject('response_url', { kind: 'hang' });
    const responseUrl = standIn.responseUrl();
    const { slashCommand } = await import('../support/slack-stand-in/index.js');
    await readout.delivery.deliver(
      slashCommand({ text: 'lighthouse keeper', responseUrl, userId: 'U0HUNG' }),
    );
    await readout.waitForLog(/could not answer a command.*"method":"response_url".*"user":"U0HUNG"/);
    await settled();
  });

  it('logs a response_url Slack refuses (expired: 404) without trying again', async () => {
    standIn.inject('response_url', { kind: 'http', status: 404 });
    const responseUrl = standIn.responseUrl();
    const { slashCommand } = await import('../support/slack-stand-in/index.js');
    await readout.delivery.deliver(slashCommand({ text: 'lighthouse', responseUrl, userId: 'U0EXPIRED' }));
    await readout.waitForLog(/could not answer a command.*response_url_404.*"user":"U0EXPIRED"/);
    await settled();
    expect(standIn.responses(responseUrl)).toHaveLength(1);
  });
});

describe('Slack answers ok: false', () => {
  it.each(['not_in_channel', 'channel_not_found'])(
    'tells the user privately how to invite the bot when a mention reply fails with %s',
    async (error) => {
      const channel = newChannel();
      standIn.inject('chat.postMessage', { kind: 'error', error });
      await mention('lighthouse keeper', channel, 'U0INVITER');
      const told = await standIn.waitForCall(
        'chat.postEphemeral',
        (args) => args.channel === channel && args.user === 'U0INVITER',
      );
      expect(told.args.text).toContain('/invite @Readout');
      await readout.waitForLog(
        new RegExp(`could not reply to a mention.*"slackError":"${error}".*"user":"U0INVITER"`),
      );
      await settled();
      expect(postsIn(channel)).toHaveLength(1);
    },
  );

  it('tells the user how to invite the bot when sharing fails with channel_not_found, and keeps the preview', async () => {
    const channel = newChannel();
    const message = await preview(channel);
    standIn.inject('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    const notice = await share(message, channel);
    expect(notice.text).toContain('/invite @Readout');
    expect(notice.delete_original).toBeUndefined();
  });

  it('posts the text alone when Slack rejects the blocks (invalid_blocks), and logs the rejection', async () => {
    const channel = newChannel();
    standIn.inject('chat.postMessage', { kind: 'error', error: 'invalid_blocks' });
    await mention('lighthouse keeper', channel);
    const textOnly = await standIn.waitFor(
      (record) => record.kind === 'api' && record.args.channel === channel && !record.fault,
      'the text-only reply',
    );
    expect(textOnly.kind === 'api' && textOnly.args.blocks).toBeUndefined();
    expect(textOnly.kind === 'api' && String(textOnly.args.text)).toMatch(
      /Readout: passages .* lighthouse keeper/,
    );
    await readout.waitForLog(
      new RegExp(`could not reply to a mention.*"slackError":"invalid_blocks".*"channel":"${channel}"`),
    );
    await settled();
    expect(postsIn(channel).map((call) => call.fault ?? 'ok')).toEqual(['invalid_blocks', 'ok']);
  });

  it('logs a Home tab Slack rejects and publishes it next time', async () => {
    standIn.inject('views.publish', { kind: 'error', error: 'invalid_arguments' });
    await readout.delivery.deliver(appHomeOpened({ userId: 'U0HOMEFAIL' }));
    await readout.waitForLog(/could not publish the Home tab.*invalid_arguments.*U0HOMEFAIL/);
    const before = standIn.lastSeq;
    await readout.delivery.deliver(appHomeOpened({ userId: 'U0HOMEFAIL' }));
    await standIn.waitForCall('views.publish', (args) => args.user_id === 'U0HOMEFAIL' && true, before);
  });
});

describe('after every failure', () => {
  it('never reached the backstop for unhandled errors, and still answers', async () => {
    await settled();
    expect(readout.logs.filter((line) => /unhandled|Unhandled/.test(line))).toEqual([]);
  });

  it('logged and sent no token or signing secret', () => {
    expectNoSecrets([...readout.logs, ...sentToSlack(standIn)], 'the app');
  });
});
