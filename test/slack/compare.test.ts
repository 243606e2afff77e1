/**
 * `/readout compare` end to end: the real app over HTTP (signed requests) and Socket Mode (a real
 * WebSocket) against the Slack stand-in, on an invented archive of one meeting told by two sides
 * in two outlets, and an earlier event the same words match.
 */
import type { types } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../src/slack/ui/limits.js';
import { compareActionIds } from '../../src/slack/ui/render-comparison.js';
import {
  appMention,
  buttonPress,
  nextTs,
  SlackStandIn,
  slashCommand,
} from '../support/slack-stand-in/index.js';
import { buildArchiveOf, type FixtureArchive } from './fixture-archive.js';
import { type RunningReadout, startReadout, type Transport } from './harness.js';
import { meetingArticles } from './meeting-archive.js';

interface SentMessage {
  text?: string;
  blocks?: types.KnownBlock[];
  [key: string]: unknown;
}

function buttons(message: SentMessage): types.Button[] {
  return (message.blocks ?? [])
    .filter((block): block is types.ActionsBlock => block.type === 'actions')
    .flatMap((block) => block.elements as types.Button[]);
}

/** The columns of the "only … mentions" section. */
function mentionColumns(message: SentMessage): string[] {
  const section = (message.blocks ?? []).find(
    (block): block is types.SectionBlock => block.type === 'section' && (block.fields?.length ?? 0) > 0,
  );
  return (section?.fields ?? []).map((field) => field.text);
}

let archive: FixtureArchive;

beforeAll(async () => {
  archive = await buildArchiveOf(meetingArticles);
});

afterAll(() => archive?.remove());

describe.each(['http', 'socket'] as Transport[])('/readout compare over %s', (transport) => {
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
    await readout.delivery.deliver(slashCommand({ text, responseUrl }));
    return (await standIn.waitForResponse(responseUrl)).body as SentMessage;
  }

  it("sets the two sides' accounts side by side, each with what only it mentions", async () => {
    const message = await command('compare harbour board ferry union talks');
    expect(message.response_type).toBe('ephemeral');
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.text).toMatch(/2 accounts of a meeting on Monday, March 14, 2022/);
    const columns = mentionColumns(message);
    expect(columns).toHaveLength(2);
    const union = columns.find((column) => column.includes("Only the Ferrymen's Union mentions"));
    const board = columns.find((column) => column.includes('Only the Harbour Board mentions'));
    expect(union).toMatch(/overtime pay/);
    expect(union).not.toMatch(/dredging/);
    expect(board).toMatch(/dredging budget/);
    expect(board).not.toMatch(/overtime/);
    const json = JSON.stringify(message.blocks);
    // Quotations first, credited to their speaker, attributed as search results are.
    expect(json).toContain("— the Ferrymen's Union, in _<https://example.org/");
    expect(json).toContain('— the Harbour Board, in _<https://example.org/');
    expect(json).toContain('grouped by date and content');
  });

  it('offers the other event the words match, and shows it when pressed', async () => {
    const message = await command('compare harbour board ferry union talks');
    const other = buttons(message).find((button) => button.action_id === compareActionIds.event);
    expect(other?.text.text).toMatch(/sign a pay deal/);
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button: other!, responseUrl }));
    const shown = (await standIn.waitForResponse(responseUrl)).body as SentMessage;
    expect(shown.replace_original).toBe(true);
    expect(blockKitViolations(shown)).toEqual([]);
    expect(JSON.stringify(shown.blocks)).toContain('fair deal for the crews');
    expect(JSON.stringify(shown.blocks)).not.toContain('overtime pay');
    // And back: the first event is offered from the second.
    const back = buttons(shown).find((button) => button.action_id === compareActionIds.event);
    expect(back?.text.text).toMatch(/hold talks/);
  });

  it('shares the comparison in the channel, crediting who shared it, and removes the preview', async () => {
    const message = await command('compare harbour board ferry union talks');
    const share = buttons(message).find((button) => button.action_id === compareActionIds.share)!;
    const before = standIn.lastSeq;
    const responseUrl = standIn.responseUrl();
    await readout.delivery.deliver(buttonPress({ button: share, responseUrl }));
    const posted = await standIn.waitForCall('chat.postMessage', () => true, before);
    const shared = posted.args as SentMessage;
    expect(blockKitViolations(shared)).toEqual([]);
    expect(JSON.stringify(shared.blocks)).toContain('Shared by <@');
    expect(JSON.stringify(shared.blocks)).toContain('Only the Harbour Board mentions');
    expect(buttons(shared)).toEqual([]);
    expect((await standIn.waitForResponse(responseUrl)).body).toMatchObject({ delete_original: true });
  });

  it('says when there is nothing to compare, and when no event matches', async () => {
    expect((await command('compare')).text).toMatch(/Nothing to compare/);
    expect((await command('compare zeppelin')).text).toMatch(/No event found for “zeppelin”/);
  });

  it('compares in a thread when mentioned, the other events as text', async () => {
    const ts = nextTs();
    const before = standIn.lastSeq;
    await readout.delivery.deliver(appMention({ text: 'compare harbour board ferry union talks', ts }));
    const posted = await standIn.waitForCall('chat.postMessage', (args) => args.thread_ts === ts, before);
    const message = posted.args as SentMessage;
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.text).toMatch(/2 accounts of a meeting/);
    expect((message.blocks ?? []).some((block) => block.type === 'actions')).toBe(false);
    expect(JSON.stringify(message.blocks)).toContain('sign a pay deal');
  });

  it('still searches for other words beginning with compare', async () => {
    const message = await command('comparez dredging');
    expect(message.text).toMatch(/for “comparez dredging”/);
  });
});
