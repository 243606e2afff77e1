/**
 * `/readout compare` on the seed articles (read in place from ../shared, never copied): the
 * White House's and the Kremlin's accounts of the Obama–Putin call of Monday, April 18, 2016, and
 * what each names that the other does not, all derived by the general method.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexArchive } from '../../../src/ingest/reindex.js';
import { defaultAliasesFile, projectRoot } from '../../../src/paths.js';
import { type ComparisonResult, compare } from '../../../src/readout.js';
import type { ComparisonAnswer } from '../../../src/search/compare/comparison.js';
import { groupingLine } from '../../../src/search/compare/grouping-line.js';
import type { SearchIndex } from '../../../src/search/search-index.js';
import { tempDatabase } from '../../support/fixtures.js';
import { searchIndexOn } from '../../support/readout.js';

const seeds = path.resolve(projectRoot, '../shared/corpus/seeds');
const haveSeeds = fs.existsSync(seeds);

function compared(result: ComparisonResult): ComparisonAnswer {
  if (result.kind === 'failed') throw new Error(`compare failed (${result.reason}): ${result.detail}`);
  return result;
}

describe.skipIf(!haveSeeds)('compare on the seed articles (../shared/corpus/seeds)', () => {
  let search: SearchIndex;
  let answer: ComparisonAnswer;

  beforeAll(async () => {
    const { db } = tempDatabase();
    await reindexArchive(db, { dirs: [seeds], helperProcess: 'never' });
    search = searchIndexOn(db, { aliasesFile: defaultAliasesFile });
    answer = compared(compare('obama putin phone call syria', {}, { search }));
  });

  it("shows the White House's and the Kremlin's accounts of the call, side by side", () => {
    expect(answer.event?.groupedBy).toBe('speaker');
    expect(answer.event?.accounts.map((account) => account.name)).toEqual(['the White House', 'the Kremlin']);
    for (const account of answer.event!.accounts) {
      expect(account.statements.length).toBeGreaterThan(0);
      // Quotations first, credited to the side.
      expect(account.statements[0]!.quote?.speaker).toMatch(
        account.name === 'the Kremlin' ? /Kremlin/ : /White House|Earnest/i,
      );
    }
  });

  it('groups only the two articles about the call of Monday, April 18, 2016', () => {
    const titles = answer.event!.articles.map((article) => article.title);
    expect(titles).toHaveLength(2);
    expect(titles.join(' ')).not.toMatch(/Trump|Kremlin$|alignment/);
    expect(answer.event!.summary.when).toMatchObject({ day: '2016-04-18', weekday: 'Monday' });
    expect(groupingLine(answer.event!)).toMatch(/^2 accounts of a call on Monday, April 18, 2016/);
    expect(groupingLine(answer.event!)).toMatch(/dates unknown: grouped by content/);
  });

  it('has the Kremlin name Jabhat al-Nusra and the border with Turkey', () => {
    const kremlin = answer.event!.accounts.find((account) => account.name === 'the Kremlin')!;
    expect(kremlin.mentionsOnly).toContain('Jabhat al-Nusra');
    expect(kremlin.mentionsOnly.join(' | ')).toMatch(/border\b.*\bTurkey/);
  });

  it('has the White House name humanitarian access and the pressure on the Syrian regime', () => {
    const whiteHouse = answer.event!.accounts.find((account) => account.name === 'the White House')!;
    expect(whiteHouse.mentionsOnly).toContain('humanitarian access');
    expect(whiteHouse.mentionsOnly).toContain('pressure on the Syrian regime');
    expect(whiteHouse.mentionsOnly.join(' | ')).not.toMatch(/Nusra|Turkey/);
  });

  it('offers the other events the words match: the G20 talks and the Trump call', () => {
    expect(answer.events.length).toBeGreaterThanOrEqual(2);
    const trump = answer.events.find((event) => /Russian and US presidents/.test(event.title));
    expect(trump).toBeDefined();
    const other = compared(compare('obama putin phone call syria', { offset: trump!.index }, { search }));
    expect(other.offset).toBe(trump!.index);
    expect(other.event!.articles.map((article) => article.title)).toEqual([trump!.title]);
  });
});

if (!haveSeeds) {
  describe('compare on the seed articles', () => {
    it.skip(`skipped: the seed corpus is not at ${seeds} (it ships beside the project as ../shared)`, () => {});
  });
}
