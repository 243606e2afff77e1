import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { NewArticle } from '../../../src/search/new-articles.js';
import { decodeButtonState } from '../../../src/slack/ui/button-state.js';
import { blockKitViolations } from '../../../src/slack/ui/limits.js';
import { alertActionIds, listItems, renderAlert, renderList } from '../../../src/slack/ui/render-alert.js';
import { hostileText } from '../fixture-archive.js';
import { searchHit } from './answer-fixtures.js';

const articles = (n: number, alsoIn: string[] = []): NewArticle[] =>
  Array.from({ length: n }, (_, i) => ({ hit: searchHit(i + 1), keys: [`k${i}`], alsoIn }));

const buttons = (blocks: types.KnownBlock[]) =>
  blocks.flatMap((block) => (block.type === 'actions' ? (block.elements as types.Button[]) : []));

const alert = (n: number, overrides = {}) =>
  renderAlert({
    savedSearchId: 7,
    query: 'obama putin',
    savedBy: 'U0SAVER',
    articles: articles(n),
    more: false,
    afterRun: 3,
    throughRun: 4,
    ...overrides,
  });

describe('renderAlert', () => {
  it.each([
    [1, '1 new article', 1, undefined],
    [5, '5 new articles', 5, undefined],
    [7, '7 new articles', 5, 'and 2 more'],
  ])('for %d articles says %s, quotes %d, and offers %s', (n, count, quoted, more) => {
    const message = alert(n);
    expect(message.text).toContain(`${count} for “obama putin”`);
    expect(message.blocks.filter((b) => b.type === 'section' && b.text?.text.startsWith('>'))).toHaveLength(
      quoted,
    );
    expect(buttons(message.blocks).find((b) => b.action_id === alertActionIds.list)?.text.text).toBe(more);
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('says "+" when there were more than it counted', () => {
    const message = alert(9, { more: true });
    expect(message.text).toContain('9+ new articles');
    expect(buttons(message.blocks)[0]!.text.text).toBe('and 4+ more');
  });

  it('carries the query and the runs in "and N more", and the search in Stop watching', () => {
    const [more, stop] = buttons(alert(6).blocks);
    expect(decodeButtonState(more!.value)).toEqual({ q: 'obama putin', o: 0, a: 3, t: 4 });
    expect(stop).toMatchObject({ action_id: alertActionIds.unwatch, value: '7' });
  });

  it('names every outlet of a syndicated story and escapes them', () => {
    const message = renderAlert({
      savedSearchId: 1,
      query: hostileText,
      savedBy: 'U0SAVER',
      articles: articles(1, ['Wire & <Co>']),
      more: false,
      afterRun: 0,
      throughRun: 1,
    });
    const json = JSON.stringify(message);
    expect(json).toContain('also in: Wire &amp; &lt;Co&gt;');
    expect(json).not.toContain('<!channel>');
  });
});

describe('renderList', () => {
  it('lists every article, one block each, within a modal’s 100 blocks', () => {
    const view = renderList('obama putin', articles(150));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(view.blocks.filter((b) => b.type === 'section')).toHaveLength(listItems + 1);
    expect(JSON.stringify(view.blocks.at(-1))).toContain('and 60 more');
  });

  it('shows a failure instead of a list', () => {
    const view = renderList('x', [], 'Sorry, something went wrong.');
    expect(view.blocks).toHaveLength(1);
    expect(JSON.stringify(view)).toContain('Sorry, something went wrong.');
  });
});
