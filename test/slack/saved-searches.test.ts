/**
 * Saved searches end to end, over HTTP and Socket Mode: `/readout watch` in a channel, a re-index
 * (the real one, in its own connection, as `npm run reindex` would) adding articles, and the bot
 * noticing it and posting what is new, through the Slack stand-in.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/index/database.js';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { alertActionIds } from '../../src/slack/ui/render-alert.js';
import { maxSavedSearchesPerChannel } from '../../src/state/state-store.js';
import {
  buttonPress,
  type RecordedApiCall,
  SlackStandIn,
  slashCommand,
} from '../support/slack-stand-in/index.js';
import { buildFixtureArchive, type FixtureArchive } from './fixture-archive.js';
import { type RunningReadout, startReadout, type Transport } from './harness.js';

interface SentMessage {
  text?: string;
  blocks?: types.KnownBlock[];
  [key: string]: unknown;
}

const quotes = (message: SentMessage) =>
  (message.blocks ?? [])
    .filter((block): block is types.SectionBlock => block.type === 'section')
    .map((block) => block.text?.text ?? '')
    .filter((text) => text.startsWith('>'));

function buttons(message: SentMessage): types.Button[] {
  return (message.blocks ?? []).flatMap((block) => {
    if (block.type === 'actions') return block.elements as types.Button[];
    if (block.type === 'section' && block.accessory?.type === 'button') return [block.accessory];
    return [];
  });
}

function story(title: string, body: string, fields: Record<string, string> = {}): string {
  const front = Object.entries({ source: 'Quay Post (test)', published: '2024-05-01', ...fields, title })
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n');
  return `---\n${front}\n---\n\n${body}\n`;
}

describe.each(['http', 'socket'] as Transport[])('saved searches over %s', (transport) => {
  let archive: FixtureArchive;
  let standIn: SlackStandIn;
  let readout: RunningReadout;

  beforeAll(async () => {
    archive = await buildFixtureArchive();
    standIn = await SlackStandIn.start();
    readout = await startReadout(transport, standIn, { databaseFile: archive.databaseFile });
  });

  afterAll(async () => {
    await readout?.stop();
    await standIn?.stop();
    archive?.remove();
  });

  /** Adds (or rewrites) article files and re-indexes, as the admin's re-index would. */
  async function reindexWith(files: Record<string, string>) {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(archive.articlesDir, 'new', name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    const db = openDatabase(archive.databaseFile);
    try {
      await reindexArchive(db, { dirs: [archive.articlesDir] });
    } finally {
      db.close();
    }
  }

  async function command(text: string, channelId = 'C0WATCH', userId = 'U0SAVER') {
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(slashCommand({ text, responseUrl, channelId, userId }));
    return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
  }

  /** Looks for the finished re-index and returns the messages posted since `after`. */
  async function postedAfterCheck(after: number) {
    await readout.checkSavedSearches();
    return standIn.apiCalls('chat.postMessage').filter((call) => call.seq > after);
  }

  async function press(message: SentMessage, actionId: string, channelId = 'C0WATCH') {
    const button = buttons(message).find((candidate) => candidate.action_id === actionId);
    if (!button) throw new Error(`no ${actionId} button in ${JSON.stringify(message.blocks)}`);
    const responseUrl = standIn.responseUrl();
    const before = standIn.lastSeq;
    await readout.delivery.deliver(
      buttonPress({ button, responseUrl, channelId, userId: 'U0READER', ephemeral: false }),
    );
    return { responseUrl, before };
  }

  it('saves a search and confirms it privately, naming the channel', async () => {
    const saved = await command('watch ferry strike');
    expect(saved.response_type).toBe('ephemeral');
    expect(saved.text).toContain(
      'Saved. After each re-index I will post new articles matching “ferry strike” in <#C0WATCH>',
    );
    expect(saved.text).toContain('Nothing in the archive matches it today');
    expect(saved.text).toContain(`1 of ${maxSavedSearchesPerChannel} saved searches`);
    const listed = await command('watching');
    expect(listed.text).toContain('1. “ferry strike” · saved by <@U0SAVER>');
    expect(buttons(listed).map((b) => b.action_id)).toEqual([alertActionIds.unwatch]);
  });

  it('posts nothing after a re-index that brought nothing new for it', async () => {
    const before = standIn.lastSeq;
    await reindexWith({ 'weather.md': story('Fog delays boats', 'Thick fog delayed the morning boats.') });
    expect(await postedAfterCheck(before)).toEqual([]);
  });

  it('posts one message with the new stories, a syndicated copy folded into "also in"', async () => {
    const wire =
      'Ferry crews walked out at dawn, and the ferry strike left hundreds of passengers on the quay.';
    const before = standIn.lastSeq;
    await reindexWith({
      'strike-1.md': story('Ferry strike strands passengers', wire, {
        url: 'https://example.org/quay/strike-1',
      }),
      'strike-1-copy.md': story('Passengers stranded by strike', wire, {
        source: 'Estuary Wire (test)',
        url: 'https://example.org/wire/strike-copy',
      }),
      'strike-2.md': story('Talks to end ferry strike', 'Union leaders met owners to end the ferry strike.', {
        url: 'https://example.org/quay/strike-2',
        published: '2024-05-02',
      }),
    });
    const posted = await postedAfterCheck(before);
    expect(posted).toHaveLength(1);
    const alert = posted[0]!.args as SentMessage;
    expect(alert.channel).toBe('C0WATCH');
    expect(alert.text).toContain('2 new articles for “ferry strike”');
    expect(JSON.stringify(alert.blocks)).toContain('2 new articles in the archive for “ferry strike”');
    expect(quotes(alert)).toHaveLength(2);
    for (const quote of quotes(alert)) expect(quote).toMatch(/\*ferry\* \*strike\*/i);
    const json = JSON.stringify(alert.blocks);
    expect(json).toMatch(/also in: (Estuary Wire|Quay Post) \(test\)/);
    expect(json).toContain('Saved search of <@U0SAVER>');
    expect(buttons(alert).map((b) => b.action_id)).toEqual([alertActionIds.unwatch]);
    expect(blockKitViolations(alert)).toEqual([]);
  });

  it('never announces an article twice, even when it changes', async () => {
    const before = standIn.lastSeq;
    await reindexWith({
      'strike-2.md': story(
        'Talks to end ferry strike',
        'Union leaders met owners again to end the ferry strike.',
        {
          url: 'https://example.org/quay/strike-2',
          published: '2024-05-02',
        },
      ),
    });
    expect(await postedAfterCheck(before)).toEqual([]);
  });

  it('quotes five stories and opens the full list from "and N more"', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 7 }, (_, i) => [
        `walkout-${i}.md`,
        story(`Ferry strike day ${i + 3}`, `On day ${i + 3} of the ferry strike the harbour stayed shut.`, {
          url: `https://example.org/quay/walkout-${i}`,
          published: `2024-05-1${i}`,
        }),
      ]),
    );
    const before = standIn.lastSeq;
    await reindexWith(files);
    const posted = await postedAfterCheck(before);
    expect(posted).toHaveLength(1);
    const alert = posted[0]!.args as SentMessage;
    expect(quotes(alert)).toHaveLength(5);
    const more = buttons(alert).find((b) => b.action_id === alertActionIds.list);
    expect(more?.text.text).toBe('and 2 more');

    const pressed = await press(alert, alertActionIds.list);
    const opened = await standIn.waitForCall('views.open', () => true, pressed.before);
    expect(JSON.stringify(opened.args.view)).toContain('Looking up the new articles for “ferry strike”');
    const updated = await standIn.waitForCall('views.update', () => true, pressed.before);
    const view = updated.args.view as { blocks: types.SectionBlock[] };
    expect(view.blocks[0]!.text?.text).toContain('7 new articles for “ferry strike”');
    expect(view.blocks).toHaveLength(8);
    expect(updated.args.view_id).toBe(
      (opened as RecordedApiCall & { args: unknown }) && standIn.views.size > 0
        ? [...standIn.views.keys()].at(-1)
        : '',
    );
  });

  it('stops watching from the alert button, for the whole channel', async () => {
    const before = standIn.lastSeq;
    await reindexWith({
      'strike-9.md': story('Ferry strike over', 'The ferry strike is over.', {
        url: 'https://example.org/quay/9',
      }),
    });
    const [alert] = await postedAfterCheck(before);
    const pressed = await press(alert!.args as SentMessage, alertActionIds.unwatch);
    const answer = (await standIn.waitForResponse(pressed.responseUrl)).body as SentMessage;
    expect(answer.text).toContain('Stopped watching “ferry strike” (saved by <@U0SAVER>) in <#C0WATCH>');
    expect((await command('watching')).text).toContain('No searches are saved for <#C0WATCH>');
  });

  it('refuses a search with only filters or nothing, with help', async () => {
    for (const text of ['watch source:gazette after:2020', 'watch']) {
      const refused = await command(text);
      expect(refused.text).toMatch(/Nothing to watch for|Tell me what to watch for/);
      expect(refused.text).toContain('/readout watching');
    }
    expect((await command('watching')).text).toContain('No searches are saved');
  });

  it('stops a search by its number with unwatch, and says when the number is wrong', async () => {
    await command('watch lighthouse', 'C0NUMBERS');
    await command('watch cormorant', 'C0NUMBERS');
    expect((await command('unwatch 3', 'C0NUMBERS')).text).toContain(
      'There is no saved search 3 here (the numbers go from 1 to 2)',
    );
    expect((await command('unwatch 1', 'C0NUMBERS')).text).toContain(
      'Stopped watching “lighthouse” in <#C0NUMBERS>',
    );
    expect((await command('watching', 'C0NUMBERS')).text).toContain('1. “cormorant”');
  });

  it(`allows ${maxSavedSearchesPerChannel} searches in a channel and says so at the next`, async () => {
    for (let i = 0; i < maxSavedSearchesPerChannel; i++) await command(`watch lighthouse ${i}`, 'C0FULL');
    const refused = await command('watch lighthouse again', 'C0FULL');
    expect(refused.text).toContain(
      `This channel already has ${maxSavedSearchesPerChannel} saved searches, the most it may`,
    );
  });

  it('refuses an archived channel and one it cannot see; warns when it is not a member', async () => {
    standIn.archivedChannels.add('C0OLD');
    standIn.hiddenChannels.add('G0SECRET');
    standIn.notInChannel.add('C0OUTSIDE');
    expect((await command('watch lighthouse', 'C0OLD')).text).toContain('This channel is archived');
    expect((await command('watch lighthouse', 'G0SECRET')).text).toContain('I cannot see this conversation');
    const warned = await command('watch harbour ferry', 'C0OUTSIDE');
    expect(warned.text).toContain('Saved.');
    expect(warned.text).toContain('invite me with `/invite @Readout`');
  });

  it('tells the saver once, privately, when it cannot post; posts after an invitation', async () => {
    let before = standIn.lastSeq;
    await reindexWith({
      'harbour-1.md': story('Harbour ferry returns', 'The harbour ferry returned to service.'),
    });
    let posted = await postedAfterCheck(before);
    const toOutside = posted.filter((call) => call.args.channel === 'C0OUTSIDE');
    expect(toOutside.map((call) => call.error ?? 'posted')).toEqual(['not_in_channel']);
    const told = posted.filter((call) => call.args.channel === 'U0SAVER');
    expect(told).toHaveLength(1);
    expect(told[0]!.args.text).toContain('I cannot post in <#C0OUTSIDE>: I am not a member');

    before = standIn.lastSeq;
    await reindexWith({
      'harbour-2.md': story('Harbour ferry timetable', 'A new harbour ferry timetable starts.'),
    });
    posted = await postedAfterCheck(before);
    expect(posted.filter((call) => call.args.channel === 'U0SAVER')).toEqual([]);

    standIn.notInChannel.delete('C0OUTSIDE');
    before = standIn.lastSeq;
    await reindexWith({ 'weather-2.md': story('Rain again', 'It rained.') });
    posted = await postedAfterCheck(before);
    const delivered = posted.filter((call) => call.args.channel === 'C0OUTSIDE' && !call.error);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.args.text).toContain('2 new articles for “harbour ferry”');
  });

  it('disables a search whose channel was archived, and logs it', async () => {
    await command('watch cormorant survey', 'C0CLOSING');
    standIn.archivedChannels.add('C0CLOSING');
    const before = standIn.lastSeq;
    await reindexWith({ 'birds.md': story('Cormorant survey again', 'The cormorant survey was repeated.') });
    await postedAfterCheck(before);
    await readout.waitForLog(/disabled a saved search: its channel was archived or deleted.*C0CLOSING/);
    standIn.archivedChannels.delete('C0CLOSING');
    expect((await command('watching', 'C0CLOSING')).text).toContain('No searches are saved');
  });

  it('saves a search typed in a direct message for the person’s own messages with Readout', async () => {
    const saved = await command('watch marmalade', 'D0PRIVATE', 'U0DMUSER');
    expect(saved.text).toContain('in your direct messages with Readout');
    const before = standIn.lastSeq;
    await reindexWith({ 'jam.md': story('Marmalade prize', 'The marmalade prize went to the ferry cook.') });
    const posted = await postedAfterCheck(before);
    expect(posted.filter((call) => call.args.channel === 'U0DMUSER')).toHaveLength(1);
  });
});
