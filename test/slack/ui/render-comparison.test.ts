import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Account, ComparisonAnswer } from '../../../src/search/compare/comparison.js';
import { blockKitViolations } from '../../../src/slack/ui/limits.js';
import { compareActionIds, renderComparison } from '../../../src/slack/ui/render-comparison.js';
import { interpretedQuery, searchHit } from './answer-fixtures.js';

function account(name: string, statements: number, mentionsOnly: string[] = []): Account {
  return {
    name,
    statements: Array.from({ length: statements }, (_, i) =>
      searchHit(i + 1, { quote: { text: 'met', speaker: name, cue: 'said', start: 0, end: 5 } }),
    ),
    mentionsOnly,
    quotations: statements,
  };
}

function comparison(accounts: Account[], events = 1): ComparisonAnswer {
  const summaries = Array.from({ length: events }, (_, index) => ({
    index,
    title: `Event ${index} headline`,
    articles: 2,
    outlets: [],
    when: { day: '2016-04-18', weekday: 'Monday', basis: 'mentioned' as const },
    kind: 'call',
  }));
  return {
    kind: 'comparison',
    query: interpretedQuery({ text: 'obama putin call' }),
    offset: 0,
    events: summaries,
    event: {
      summary: summaries[0]!,
      groupedBy: 'speaker',
      groupedOn: 'content',
      accounts,
      alsoQuoted: ['the U.S. military'],
      articles: [],
    },
  };
}

const texts = (blocks: types.KnownBlock[]) => JSON.stringify(blocks);

describe('renderComparison', () => {
  it('puts what each side alone mentions side by side, in one column each', () => {
    const message = renderComparison(
      comparison([
        account('the White House', 2, ['humanitarian access']),
        account('the Kremlin', 2, ['Jabhat al-Nusra']),
      ]),
    );
    const fields = message.blocks.find(
      (block): block is types.SectionBlock => block.type === 'section' && !!block.fields,
    )?.fields;
    expect(fields?.map((field) => field.text)).toEqual([
      '*Only the White House mentions*\n• humanitarian access',
      '*Only the Kremlin mentions*\n• Jabhat al-Nusra',
    ]);
    expect(message.text).toMatch(/2 accounts of a call on Monday, April 18, 2016/);
    expect(texts(message.blocks)).toContain(
      '— the Kremlin, in _<https://example.org/story-1|Headline number 1>_',
    );
    expect(texts(message.blocks)).toContain('Also quoted: the U.S. military');
  });

  it('offers each other event as a button and keeps the shown one out', () => {
    const message = renderComparison(comparison([account('A', 1), account('B', 1)], 3));
    const buttons = message.blocks
      .filter((block): block is types.ActionsBlock => block.type === 'actions')
      .flatMap((block) => block.elements as types.Button[]);
    const events = buttons.filter((button) => button.action_id === compareActionIds.event);
    expect(events.map((button) => button.text.text)).toEqual([
      'Event 1 headline (2 articles)',
      'Event 2 headline (2 articles)',
    ]);
    expect(JSON.parse(events[0]!.value!)).toEqual({ q: 'obama putin call', o: 1 });
  });

  it('offers Share in channel first, and credits who shared a shared comparison', () => {
    const preview = renderComparison(comparison([account('A', 1), account('B', 1)]));
    const first = preview.blocks.find((block): block is types.ActionsBlock => block.type === 'actions')!
      .elements[0] as types.Button;
    expect(first.action_id).toBe(compareActionIds.share);
    expect(JSON.parse(first.value!)).toEqual({ q: 'obama putin call', o: 0 });
    const shared = renderComparison(comparison([account('A', 1), account('B', 1)]), {
      kind: 'shared',
      sharedBy: 'U42',
    });
    expect(texts(shared.blocks)).toContain('Shared by <@U42> with /readout compare');
    expect(shared.blocks.some((block) => block.type === 'actions')).toBe(false);
  });

  it('lists the other events as text, without buttons, where nobody can press them', () => {
    const message = renderComparison(comparison([account('A', 1), account('B', 1)], 2), { kind: 'thread' });
    expect(message.blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(texts(message.blocks)).toContain('Event 1 headline');
  });

  it('keeps within Block Kit limits however many statements and mentions there are', () => {
    const long = 'x'.repeat(5000);
    const accounts = [
      account(long, 30, Array(40).fill(long)),
      account('B', 30, Array(40).fill(long)),
      account('C', 30),
    ];
    const message = renderComparison(comparison(accounts, 8));
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('escapes names and mentions', () => {
    const message = renderComparison(comparison([account('<!channel>', 1, ['<@U1> & co']), account('B', 1)]));
    expect(texts(message.blocks)).not.toContain('<!channel>');
    expect(texts(message.blocks)).not.toContain('<@U1>');
  });

  it('says when nothing matched, when there is nothing to compare, and when it failed', () => {
    const none: ComparisonAnswer = {
      kind: 'comparison',
      query: interpretedQuery({ text: 'zeppelin' }),
      offset: 0,
      events: [],
    };
    expect(renderComparison(none).text).toMatch(/No event found for “zeppelin”/);
    expect(renderComparison({ ...none, kind: 'nothing_to_compare' }).text).toMatch(/Nothing to compare/);
    expect(
      renderComparison({ kind: 'failed', reason: 'too_slow', text: 'x', detail: 'secret detail' }).text,
    ).not.toContain('secret');
  });
});
