import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../../../src/slack/ui/limits.js';
import {
  alertPlace,
  renderCannotPost,
  renderUnwatched,
  renderUnwatchUnknown,
  renderWatchList,
  renderWatchRefused,
  renderWatchSaved,
} from '../../../src/slack/ui/render-watch.js';
import type { SavedSearch } from '../../../src/state/state-store.js';

const search = (id: number, query = 'ferry strike', channelId = 'C0DESK'): SavedSearch => ({
  id,
  channelId,
  query,
  createdBy: 'U0SAVER',
  createdAt: '2026-11-30T10:00:00Z',
  checkedRun: 1,
  toldNotInChannel: false,
});

describe('alertPlace', () => {
  it.each([
    ['C0DESK', '<#C0DESK>'],
    ['G0PRIVATE', '<#G0PRIVATE>'],
    ['U0SAVER', 'your direct messages with Readout'],
  ])('names %s as %s', (id, place) => {
    expect(alertPlace(id)).toBe(place);
  });
});

describe('renderWatchSaved', () => {
  it.each([
    [{ matchesToday: true, notMember: false }, [], ['Nothing in the archive', '/invite']],
    [{ matchesToday: false, notMember: false }, ['Nothing in the archive matches it today'], ['/invite']],
    [
      { matchesToday: true, notMember: true },
      ['invite me with `/invite @Readout`'],
      ['Nothing in the archive'],
    ],
  ])('for %j says %j and not %j', (flags, says, never) => {
    const { text } = renderWatchSaved({ search: search(1), count: 3, max: 20, ...flags });
    expect(text).toContain('matching “ferry strike” in <#C0DESK>');
    expect(text).toContain('3 of 20 saved searches');
    for (const line of says) expect(text).toContain(line);
    for (const line of never) expect(text).not.toContain(line);
  });
});

describe('renderWatchRefused', () => {
  it.each([
    [{ reason: 'no_words', query: 'source:tass' } as const, 'Nothing to watch for in “source:tass”'],
    [{ reason: 'no_words', query: '' } as const, 'Tell me what to watch for'],
    [{ reason: 'limit', max: 20 } as const, 'already has 20 saved searches'],
    [{ reason: 'archived' } as const, 'archived'],
    [{ reason: 'cannot_see' } as const, '/invite @Readout'],
    [{ reason: 'unavailable' } as const, 'tell an admin'],
  ])('for %j says %s', (refusal, says) => {
    expect(renderWatchRefused(refusal).text).toContain(says);
  });
});

describe('renderWatchList', () => {
  it('numbers the searches as unwatch takes them, each with a Stop watching button', () => {
    const message = renderWatchList('C0DESK', [search(4), search(9, '<!channel> & co')]);
    expect(message.text).toContain('1. “ferry strike” · saved by <@U0SAVER>');
    expect(message.text).toContain('2. “&lt;!channel&gt; &amp; co”');
    expect(JSON.stringify(message.blocks)).toContain('"value":"9"');
    expect(blockKitViolations(message)).toEqual([]);
  });

  it('says how to save one when there is none', () => {
    expect(renderWatchList('C0DESK', []).text).toContain('No searches are saved for <#C0DESK>');
  });

  it('keeps 20 searches of long queries within Block Kit limits', () => {
    const many = Array.from({ length: 20 }, (_, i) => search(i, 'word '.repeat(200)));
    expect(blockKitViolations(renderWatchList('C0DESK', many))).toEqual([]);
  });
});

describe('renderUnwatched and renderUnwatchUnknown', () => {
  it.each([
    ['U0SAVER', 'Stopped watching “ferry strike” in <#C0DESK>.'],
    ['U0OTHER', 'Stopped watching “ferry strike” (saved by <@U0SAVER>) in <#C0DESK>.'],
  ])('tells %s %s', (by, text) => {
    expect(renderUnwatched(search(1), by).text).toBe(text);
  });

  it.each([
    [2, '7', 'no saved search 7 here (the numbers go from 1 to 2)'],
    [0, 'x', 'none are saved here'],
    [0, undefined, 'stopped already'],
  ])('with %d saved, for %j says %s', (count, asked, says) => {
    expect(renderUnwatchUnknown(count, asked).text).toContain(says);
  });
});

describe('renderCannotPost', () => {
  it('tells the saver what to do, once', () => {
    const { text } = renderCannotPost(search(1));
    expect(text).toContain('I cannot post in <#C0DESK>');
    expect(text).toContain('/invite @Readout');
    expect(text).toContain('will not tell you again');
  });
});
