/**
 * Relevance on a real archive: the BBC News articles of ../shared/corpus/bbc, indexed as an admin
 * would, searched as a reporter would (bbc-relevance-queries.ts), plus every short headline
 * searched as written. Skipped, with the reason, when the corpus is absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexArchive } from '../../src/ingest/reindex.js';
import { defaultAliasesFile, projectRoot } from '../../src/paths.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { tempDatabase } from '../support/fixtures.js';
import { ask, searchIndexOn } from '../support/readout.js';
import { bbcRelevanceCases } from './bbc-relevance-queries.js';

const bbcDir = path.resolve(projectRoot, '..', 'shared', 'corpus', 'bbc');
const present = fs.existsSync(bbcDir);

/** Articles whose headline is three words or fewer (score lines, "Chelsea sack Mutu"). */
function shortHeadlines(): Array<{ file: string; headline: string }> {
  return fs
    .readdirSync(bbcDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((section) =>
      fs.readdirSync(path.join(bbcDir, section.name)).map((name) => path.join(section.name, name)),
    )
    .map((file) => ({
      file,
      headline: fs.readFileSync(path.join(bbcDir, file), 'utf8').split('\n')[0]!.trim(),
    }))
    .filter(({ headline }) => headline.split(/\s+/).length <= 3);
}

describe.skipIf(!present)(
  present ? 'relevance on the BBC archive' : `relevance on the BBC archive (skipped: ${bbcDir} is absent)`,
  () => {
    let search: SearchIndex;
    const top3 = (query: string) =>
      ask(search, query, { limit: 3 }).hits.map((hit) => ({
        file: path.relative(bbcDir, hit.article.file),
        excerpt: hit.excerpt.text,
      }));

    beforeAll(async () => {
      const { db } = tempDatabase();
      const summary = await reindexArchive(db, { dirs: [bbcDir] });
      expect(summary.articles).toBeGreaterThanOrEqual(2225);
      search = searchIndexOn(db, { aliasesFile: defaultAliasesFile });
    });

    it.each(bbcRelevanceCases.map((c) => [c.query, c] as const))(
      'answers %j in the top 3, with the answer in the excerpt',
      (_query, { query, files, answer }) => {
        const hits = top3(query);
        const answering = hits.find(
          (hit) =>
            files.includes(hit.file) &&
            answer.every((word) => hit.excerpt.toLowerCase().includes(word.toLowerCase())),
        );
        expect(answering, JSON.stringify(hits, null, 1)).toBeDefined();
      },
    );

    it('finds every article with a short headline by its headline, in the top 3', () => {
      const cases = shortHeadlines();
      expect(cases.length).toBeGreaterThanOrEqual(46);
      const missed = cases.filter(({ file, headline }) => !top3(headline).some((hit) => hit.file === file));
      expect(missed).toEqual([]);
    });
  },
);

if (!present) {
  describe('relevance on the BBC archive', () => {
    it.skip(`skipped: the BBC corpus is not at ${bbcDir} (it ships beside the project as ../shared)`, () => {});
  });
}
