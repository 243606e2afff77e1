import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PreparedFile, type PrepareJob, prepareFile } from '../../src/ingest/prepare-file.js';
import { tempDir } from '../support/fixtures.js';

/** A JSONL export of three articles; `changed` rewrites the second one's body. */
function writeExport(changed = false): PrepareJob {
  const file = path.join(tempDir(), 'export.jsonl');
  const article = (id: string, body: string) =>
    JSON.stringify({ id, title: `Harbour story ${id}`, body, source: 'The Courier' });
  fs.writeFileSync(
    file,
    [
      article('one', 'The ferry sailed at dawn. "We were ready," said Ann Lee.'),
      article('two', changed ? 'The pilots struck at noon.' : 'The pilots waited for the tide.'),
      article('three', 'The harbour master closed the quay.'),
    ].join('\n'),
  );
  const { size, mtimeMs } = fs.statSync(file);
  return { file, size, mtimeMs };
}

function articlesOf(prepared: PreparedFile) {
  if (prepared.kind !== 'articles') throw new Error(`expected articles, got ${prepared.kind}`);
  return prepared;
}

/** Item → article hash of a file's articles as a first run indexes them. */
function indexedHashes(job: PrepareJob): Record<string, string> {
  const first = articlesOf(prepareFile(job));
  return Object.fromEntries(first.articles.map((article) => [article.draft.item, article.contentHash]));
}

describe('prepareFile with the articles the index already has', () => {
  it.each([
    ['none known: every article prepared', () => undefined, false, ['one', 'two', 'three'], []],
    ['all known as they are: none prepared', (known) => known, false, [], ['one', 'two', 'three']],
    ['one changed: that one prepared', (known) => known, true, ['two'], ['one', 'three']],
    [
      'one known no more (gone from the file): nothing of it',
      (known) => ({ ...known, four: 'f'.repeat(40) }),
      false,
      [],
      ['one', 'two', 'three'],
    ],
    [
      'a hash of another version: prepared again',
      (known) => ({ ...known, one: 'e'.repeat(40) }),
      false,
      ['one'],
      ['two', 'three'],
    ],
  ] as Array<
    [
      string,
      (known: Record<string, string>) => Record<string, string> | undefined,
      boolean,
      string[],
      string[],
    ]
  >)('%s', (_case, knownFrom, changed, prepared, kept) => {
    const known = knownFrom(indexedHashes(writeExport()));
    const result = articlesOf(prepareFile({ ...writeExport(changed), knownArticles: known }));
    expect(result.articles.map((article) => article.draft.item)).toEqual(prepared);
    expect(result.kept).toEqual(kept);
    // What is prepared is prepared in full: passages, fingerprints, quotations.
    for (const article of result.articles) expect(article.passages.length).toBeGreaterThan(0);
  });

  it("prepares every article again when the folder's defaults change what they say", () => {
    const job = writeExport();
    const known = indexedHashes(job);
    const withDefaults = articlesOf(
      prepareFile({ ...job, knownArticles: known, defaults: { url: 'https://courier.example/' } }),
    );
    // A multi-article export's file path is no article's address: the url default does not apply.
    expect(withDefaults.kept).toEqual(['one', 'two', 'three']);
    const file = path.join(tempDir(), 'story.json');
    fs.writeFileSync(file, JSON.stringify({ title: 'Harbour story', body: 'The ferry sailed.' }));
    const { size, mtimeMs } = fs.statSync(file);
    const single = { file, size, mtimeMs };
    const sourced = articlesOf(
      prepareFile({ ...single, knownArticles: indexedHashes(single), defaults: { source: 'The Courier' } }),
    );
    expect(sourced.kept).toEqual([]);
    expect(sourced.articles[0]!.draft.source).toBe('The Courier');
  });
});
