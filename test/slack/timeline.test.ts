/**
 * `/readout timeline` end to end: the real app over HTTP (signed requests) and Socket Mode (a real
 * WebSocket) against the Slack stand-in, on a real index of the invented timeline archive
 * (articles from 2014 to 2019, one placed by the year its text gives, two without a known year).
 */
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonState, encodeButtonState } from '../../src/slack/ui/button-state.js';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { timelineActionIds } from '../../src/slack/ui/render-timeline.js';
import { buttonOf, buttonsOf, quotes, type SentMessage, sectionTexts } from '../support/sent-message.js';
import {
  appMention,
  buttonPress,
  nextTs,
  SlackStandIn,
  slashCommand,
} from '../support/slack-stand-in/index.js';
import { buildTimelineArchive, type TimelineArchive } from '../support/timeline-archive.js';
import { type RunningReadout, startReadout, type Transport } from './harness.js';

let archive: TimelineArchive;

beforeAll(async () => {
  archive = await buildTimelineArchive();
});

/** Period headings, in order: '*2014* · 1 article' → '2014'. */
const headings = (message: SentMessage) =>
  sectionTexts(message)
    .filter((text) => /^\*[^*]+\*( \(continued\))? · \d+ article/.test(text))
    .map((text) => {
      const [, name, continued] = /^\*([^*]+)\*( \(continued\))?/.exec(text)!;
      return `${name}${continued ?? ''}`;
    });
/** The date each entry leads with, in order. */
const entryDates = (message: SentMessage) =>
  (message.blocks ?? [])
    .filter((block): block is types.ContextBlock => block.type === 'context')
    .map((block) => (block.elements[0] as types.MrkdwnElement).text)
    .filter((text) => / · (— |<|\w)/.test(text) && !text.includes('By outlet'))
    .map((text) => /^(\*[^*]+\*|_date unknown_)/.exec(text)?.[1]);

describe.each(['http', 'socket'] as Transport[])('/readout timeline over %s', (transport) => {
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

  async function command(text: string) {
    const responseUrl = standIn.responseUrl();
    const delivered = await readout.delivery.deliver(slashCommand({ text, responseUrl }));
    const response = await standIn.waitForResponse(responseUrl);
    return { delivered, message: response.body as SentMessage };
  }

  async function pressButton(button: types.Button) {
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button, responseUrl }));
    return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
  }

  it('lists the matches oldest first, grouped by year, with counts and the first mention', async () => {
    const { delivered, message } = await command('timeline varnok');
    if (transport === 'http') expect(delivered.status).toBe(200);
    expect(message.response_type).toBe('ephemeral');
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.text).toMatch(
      /^Readout timeline for “varnok”: 9 articles, 2014 – 2019; first mention 5 Mar 2014\./,
    );
    const all = JSON.stringify(message.blocks);
    expect(all).toContain('entries 1–8 of 9 for “varnok”, oldest first');
    expect(all).toContain('By year: 2014 (1) · 2015 (1) · 2016 (2) · 2017 (1) · 2018 (1) · 2019 (1)');
    expect(all).toContain('By outlet: Estuary Wire (5) · Harbour Ledger (4)');
    expect(headings(message)).toEqual(['2014', '2015', '2016', '2017', '2018', '2019', 'Date unknown']);
    expect(entryDates(message)).toEqual([
      '*5 Mar 2014*',
      '*Jul 2015*',
      '*18 Apr 2016*',
      '*2 Sep 2016*',
      '*21 Nov 2017*',
      '*2018*',
      '*10 Jan 2019*',
      '*3 Jun*',
    ]);
    expect(all).toContain('*5 Mar 2014* · *first mention*');
    expect(all).toContain('*21 Nov 2017* · _year from the article’s text_');
    expect(all).toContain('*3 Jun* · _year unknown_');
    expect(quotes(message)).toHaveLength(8);
  });

  it('pages with Later and Earlier, replacing the message', async () => {
    const { message: first } = await command('timeline varnok');
    expect(buttonsOf(first).map((button) => button.action_id)).toEqual([
      timelineActionIds.share,
      timelineActionIds.later,
      actionIds.dismiss,
    ]);
    const later = buttonOf(first, timelineActionIds.later);
    expect(decodeButtonState(later.value)).toEqual({ q: 'varnok', o: 8 });

    const second = await pressButton(later);
    expect(second.replace_original).toBe(true);
    expect(JSON.stringify(second.blocks)).toContain('entry 9 of 9 for “varnok”');
    expect(headings(second)).toEqual(['Date unknown (continued)']);
    expect(entryDates(second)).toEqual(['_date unknown_']);
    expect(blockKitViolations(second)).toEqual([]);

    const back = await pressButton(buttonOf(second, timelineActionIds.earlier));
    expect(entryDates(back)).toEqual(entryDates(first));
  });

  it('combines with who: (the speaker’s quotations only) and dates', async () => {
    const { message } = await command('timeline who:varnok sanctions after:2015');
    expect(entryDates(message)).toEqual(['*18 Apr 2016*', '*21 Nov 2017*']);
    for (const quote of quotes(message)) expect(quote).toMatch(/\*sanctions\*/i);
    const all = JSON.stringify(message.blocks);
    expect(all).toContain('— Varnok, in _');
    expect(all).toContain('only quotations by varnok');
  });

  it('says so when nothing matches, and explains an empty timeline', async () => {
    const none = await command('timeline zeppelin');
    expect(none.message.text).toMatch(/No passages found for “zeppelin”, so there is no timeline/);
    expect(blockKitViolations(none.message)).toEqual([]);
    const empty = await command('timeline');
    expect(JSON.stringify(empty.message.blocks)).toContain('/readout timeline who:putin sanctions');
  });

  it('shares the page shown in the channel, credited, without buttons, and removes the preview', async () => {
    const { message: preview } = await command('timeline varnok');
    const before = standIn.lastSeq;
    const answer = await pressButton(buttonOf(preview, timelineActionIds.share));
    const posted = await standIn.waitForCall(
      'chat.postMessage',
      (args) => args.channel === 'C0NEWSDESK',
      before,
    );
    const shared = posted.args as SentMessage;
    expect(shared.text).toMatch(/^Readout timeline \(shared by <@U0REPORTER>\) for “varnok”/);
    expect(JSON.stringify(shared.blocks)).toContain('Shared by <@U0REPORTER> with /readout timeline');
    expect(entryDates(shared)).toEqual(entryDates(preview));
    expect(buttonsOf(shared)).toEqual([]);
    expect(blockKitViolations(shared)).toEqual([]);
    expect(answer).toEqual({ delete_original: true });
  });

  it('answers @Readout timeline in a thread, without buttons that would page it for everyone', async () => {
    const ts = nextTs();
    const before = standIn.lastSeq;
    await readout.delivery.deliver(appMention({ text: 'timeline varnok', ts }));
    const reply = await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
    const message = reply.args as SentMessage;
    expect(blockKitViolations(message)).toEqual([]);
    expect(entryDates(message).slice(0, 2)).toEqual(['*5 Mar 2014*', '*Jul 2015*']);
    expect(buttonsOf(message)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain(
      'There are more entries: `/readout timeline varnok` pages through them privately.',
    );
  });

  it('answers a forged or foreign button value as an expired button', async () => {
    const forged = { ...buttonOf((await command('timeline varnok')).message, timelineActionIds.later) };
    forged.value = '{"q": 1}';
    expect((await pressButton(forged)).text).toMatch(/no longer works/);
    // An alert's state (runs) is not a timeline's.
    forged.value = encodeButtonState({ q: 'varnok', o: 0, a: 2 });
    expect((await pressButton(forged)).text).toMatch(/no longer works/);
    forged.value = encodeButtonState({ q: 'varnok', o: 10 ** 9 });
    const past = await pressButton(forged);
    expect(past.text).toMatch(/No more entries on the timeline of “varnok”/);
  });
});
