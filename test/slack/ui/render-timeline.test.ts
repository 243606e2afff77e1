import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { TimelineAnswer, TimelineEntry } from '../../../src/search/timeline/timeline-answer.js';
import { decodeButtonState } from '../../../src/slack/ui/button-state.js';
import { blockKitLimits, blockKitViolations } from '../../../src/slack/ui/limits.js';
import { renderHelp } from '../../../src/slack/ui/render-help.js';
import { renderHome } from '../../../src/slack/ui/render-home.js';
import {
  entryDateLine,
  renderTimeline,
  summaryLines,
  timelineActionIds,
} from '../../../src/slack/ui/render-timeline.js';
import { sampleArchiveUsageExamples } from '../../../src/terminal/console-usage.js';
import { interpretedQuery, searchHit } from './answer-fixtures.js';

function entry(rank: number, overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    hit: searchHit(rank),
    placement: 'dated',
    date: '2016-09-01',
    yearFromArticle: false,
    period: '2016',
    firstMention: false,
    ...overrides,
  };
}

function timeline(overrides: Partial<TimelineAnswer> = {}): TimelineAnswer {
  return {
    kind: 'timeline',
    query: interpretedQuery({ text: 'putin', terms: ['putin'] }),
    granularity: 'year',
    periods: [
      { period: '2014', label: '2014', entries: 1 },
      { period: '2016', label: '2016', entries: 2 },
    ],
    outlets: [
      { source: 'Sample Wire', entries: 3 },
      { source: null, entries: 1 },
    ],
    total: 4,
    apart: 1,
    first: { date: '2014-03-05', certain: true },
    entries: [
      entry(1, { date: '2014-03-05', period: '2014', firstMention: true }),
      entry(2),
      entry(3),
      entry(4, { placement: 'undated', date: null, period: null }),
    ],
    offset: 0,
    limit: 8,
    ...overrides,
  };
}

const sections = (blocks: types.KnownBlock[]) =>
  blocks.filter((b): b is types.SectionBlock => b.type === 'section').map((b) => b.text!.text);
const buttons = (blocks: types.KnownBlock[]) =>
  blocks
    .filter((b): b is types.ActionsBlock => b.type === 'actions')
    .flatMap((b) => b.elements as types.Button[]);

describe('renderTimeline', () => {
  it('heads each period once, with its count, and the undated entries apart', () => {
    const message = renderTimeline(timeline());
    expect(sections(message.blocks).filter((text) => !text.startsWith('>'))).toEqual([
      '*Readout timeline* · entries 1–4 of 4 for “putin”, oldest first',
      '*2014* · 1 article',
      '*2016* · 2 articles',
      '*Date unknown* · 1 article not placed on the timeline (no date, or no year)',
    ]);
    expect(message.text).toBe(
      'Readout timeline for “putin”: 4 articles, 2014 – 2016; first mention 5 Mar 2014.',
    );
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('gives each entry its date instead of the attribution’s', () => {
    const json = JSON.stringify(renderTimeline(timeline()).blocks);
    expect(json).toContain(
      '*5 Mar 2014* · *first mention* · <https://example.org/story-1|Headline number 1> · Sample Wire · by Jane Doe',
    );
    expect(json).not.toContain('1 Sep 2016 · by');
  });

  it('keeps to Block Kit limits with a full page of long entries, moving the rest to the next page', () => {
    const long = 'word '.repeat(2000);
    const entries = Array.from({ length: 20 }, (_, i) =>
      entry(i + 1, {
        period: String(2000 + i),
        date: `${2000 + i}-01-01`,
        hit: searchHit(i + 1, {
          excerpt: { text: long, marks: [[0, 4]] },
          article: { ...searchHit(1).article, title: long, source: long, author: long },
        }),
      }),
    );
    const periods = entries.map((e) => ({ period: e.period!, label: e.period!, entries: 1 }));
    const message = renderTimeline(
      timeline({ entries, periods, total: 40, apart: 0, limit: 20, nextOffset: 20 }),
    );
    expect(blockKitViolations(message)).toEqual([]);
    expect(message.blocks.length).toBeLessThanOrEqual(blockKitLimits.blocks);
    const later = buttons(message.blocks).find((b) => b.action_id === timelineActionIds.later)!;
    const shown = sections(message.blocks).filter((text) => text.startsWith('>')).length;
    expect(shown).toBeLessThan(20);
    expect(decodeButtonState(later.value)).toEqual({ q: 'putin', o: shown });
  });

  it('offers Earlier from a later page, and marks a period carried over from it', () => {
    const message = renderTimeline(
      timeline({
        offset: 2,
        previousOffset: 0,
        entries: [entry(3), entry(4, { placement: 'undated', date: null, period: null })],
      }),
    );
    expect(sections(message.blocks)).toContain('*2016* (continued) · 2 articles');
    const [share, earlier] = buttons(message.blocks);
    expect(share!.action_id).toBe(timelineActionIds.share);
    expect(decodeButtonState(share!.value)).toEqual({ q: 'putin', o: 2 });
    expect(earlier!.action_id).toBe(timelineActionIds.earlier);
    expect(decodeButtonState(earlier!.value)).toEqual({ q: 'putin', o: 0 });
  });

  it('has no buttons in a thread, and says how to page privately when there is more', () => {
    const message = renderTimeline(timeline({ nextOffset: 4, total: 9 }), undefined, { kind: 'thread' });
    expect(buttons(message.blocks)).toEqual([]);
    expect(JSON.stringify(message.blocks)).toContain(
      '`/readout timeline putin` pages through them privately',
    );
    const whole = renderTimeline(timeline(), undefined, { kind: 'thread' });
    expect(JSON.stringify(whole.blocks)).not.toContain('pages through them');
  });

  it('credits whoever shared it, with no buttons', () => {
    const message = renderTimeline(timeline({ nextOffset: 4 }), undefined, {
      kind: 'shared',
      sharedBy: 'U0SHARER',
    });
    expect(buttons(message.blocks)).toEqual([]);
    expect(message.text).toMatch(/^Readout timeline \(shared by <@U0SHARER>\) for “putin”/);
    expect(JSON.stringify(message.blocks)).toContain('Shared by <@U0SHARER> with /readout timeline');
  });

  it('escapes outlet names and query text', () => {
    const message = renderTimeline(
      timeline({
        query: interpretedQuery({ text: '<!channel> putin' }),
        outlets: [{ source: '<!here> & Co', entries: 4 }],
      }),
    );
    // Button values carry the query as typed; everything shown is escaped.
    const json = JSON.stringify([message.text, message.blocks.filter((block) => block.type !== 'actions')]);
    expect(json).not.toContain('<!channel>');
    expect(json).not.toContain('<!here>');
    expect(json).toContain('&lt;!here&gt; &amp; Co (4)');
  });

  it('renders a failure as the search’s notice, and no matches with a suggestion', () => {
    expect(
      renderTimeline({ kind: 'failed', reason: 'too_slow', text: 'x', detail: 'secret detail' }).text,
    ).toMatch(/took too long/);
    const none = renderTimeline(
      timeline({ entries: [], total: 0, apart: 0, periods: [], outlets: [], first: undefined }),
    );
    expect(none.text).toBe('Readout: No passages found for “putin”, so there is no timeline.');
    expect(JSON.stringify(none.blocks)).toContain('Try another spelling');
  });
});

describe('summaryLines', () => {
  it('says how many, over which span, per period and outlet, and the first mention', () => {
    expect(summaryLines(timeline())).toEqual([
      '4 articles, 2014 – 2016 (1 without a known date, listed last).',
      'By year: 2014 (1) · 2016 (2)',
      'By outlet: Sample Wire (3) · outlet unknown (1)',
      'First mention: 5 Mar 2014.',
    ]);
  });

  it('does not claim a first mention its dates cannot vouch for, nor when matches were cut', () => {
    const open = summaryLines(timeline({ first: { date: '2014', certain: false } }));
    expect(open.at(-1)).toMatch(/^Earliest: 2014 \(only that much of its date is known/);
    const cut = summaryLines(timeline({ first: undefined, truncated: { read: 20000 } }));
    expect(cut.at(-1)).toMatch(/More than 20,000 passages match: .* no first mention is marked/);
  });
});

describe('entryDateLine', () => {
  it.each<[Partial<TimelineEntry>, string]>([
    [{ date: '2016-04-18' }, '*18 Apr 2016*'],
    [{ date: '2016-04-18', firstMention: true }, '*18 Apr 2016* · *first mention*'],
    [{ date: '2017-11-21', yearFromArticle: true }, '*21 Nov 2017* · _year from the article’s text_'],
    [{ date: '--11-21', placement: 'year_unknown', period: null }, '*21 Nov* · _year unknown_'],
    [{ date: null, placement: 'undated', period: null }, '_date unknown_'],
  ])('dates %j as %s', (overrides, expected) => {
    expect(entryDateLine(entry(1, overrides))).toBe(expected);
  });
});

describe('help and the App Home', () => {
  it('show the timeline with an example, the console’s on the sample archive', () => {
    const help = JSON.stringify(renderHelp('command').blocks);
    expect(help).toContain(
      '`/readout timeline who:putin sanctions` lists the matches in date order, oldest first',
    );
    const home = JSON.stringify(renderHome(null, null, sampleArchiveUsageExamples).blocks);
    expect(home).toContain('`/readout timeline cranes` lists the matches in date order');
  });
});
