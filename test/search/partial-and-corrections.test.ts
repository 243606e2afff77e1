/**
 * The failure classes of issue 13 on a small invented archive: words dropped in silence, a lone
 * full match shown alone, corrections that mislead, and forms of a word.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { reindexArchive } from '../../src/ingest/reindex.js';
import type { ReadoutAnswer } from '../../src/search/answer.js';
import type { SearchIndex } from '../../src/search/search-index.js';
import { tempDatabase, tempDir, writeFiles } from '../support/fixtures.js';
import { ask as askIndex, searchIndexOn } from '../support/readout.js';

const politics = (n: number) => ({
  [`politics-${n}.json`]: JSON.stringify({
    title: `Minister speaks on policy ${n}`,
    body: `Tony Blair said on Monday that the policy on schools number ${n} would go ahead as planned.`,
  }),
});

const archive: Record<string, string> = {
  ...Object.assign({}, ...Array.from({ length: 12 }, (_, n) => politics(n))),
  'arsenal.json': JSON.stringify({
    title: 'Arsenal boss signs a new deal',
    body: 'Arsene Wenger has signed a new contract with Arsenal until 2008.',
  }),
  'arsenal-2.json': JSON.stringify({
    title: 'Wenger praises young squad',
    body: 'Wenger said his young squad had matured over the winter.',
  }),
  'exchange.json': JSON.stringify({
    title: 'Exchange chief meets bidders',
    body: 'Werner Seifert, chief of the exchange, met the bidders on Thursday.',
  }),
  'scam.json': JSON.stringify({
    title: 'Phone scam warning',
    body: 'Thieves set up premium rate numbers and dialled them day and night.',
  }),
  'access.json': JSON.stringify({
    title: 'Parents seek access',
    body: 'Divorced parents seeking access to their children say the courts fail them.',
  }),
  'victory.json': JSON.stringify({
    title: 'Markets cheer the result',
    body: "Shares rose after Bush's victory in the election.",
  }),
  'visit.json': JSON.stringify({
    title: 'President lands in Europe',
    body: 'President Bush arrived in Brussels for talks with European leaders.',
  }),
  'harbour.json': JSON.stringify({
    title: 'Harbour count',
    body: 'Five boats left the harbour at dawn, the harbour master said. The harbour master counted the boats again at noon.',
  }),
  'colour.json': JSON.stringify({
    title: 'Colour returns to the high street',
    body: 'Shops painted their fronts in bright colour for the festival.',
  }),
  'blair-wenger.json': JSON.stringify({
    title: 'Prime minister at the match',
    body: 'Tony Blair watched the match at Highbury, where Arsene Wenger greeted him before kick-off.',
  }),
  'quillhaven.json': JSON.stringify({
    title: 'Ferry service resumes',
    body: 'The Quillhaven ferry service resumed on Tuesday after the storm.',
  }),
};

let index: SearchIndex;
const ask = (text: string, options = {}): ReadoutAnswer => askIndex(index, text, options);
const files = (answer: ReadoutAnswer) => answer.hits.map((hit) => path.basename(hit.article.file, '.json'));

/** Asks, recording the MATCH of every ranking the search made for the answer. */
function askCountingRankings(text: string, options = {}): { answer: ReadoutAnswer; ranked: string[] } {
  const { reader } = index;
  const rankDocuments = reader.rankDocuments;
  const ranked: string[] = [];
  reader.rankDocuments = (...args) => {
    ranked.push(args[0]);
    return rankDocuments.apply(reader, args);
  };
  try {
    return { answer: ask(text, options), ranked };
  } finally {
    reader.rankDocuments = rankDocuments;
  }
}

beforeAll(async () => {
  const dir = tempDir();
  writeFiles(dir, archive);
  const { db } = tempDatabase();
  const summary = await reindexArchive(db, { dirs: [dir] });
  expect(summary.skipped).toEqual([]);
  index = searchIndexOn(db);
});

describe('partial matches', () => {
  it('keeps a word most articles use (a name) in the fallback, and labels what each passage lacks', () => {
    const answer = ask('blair contract zyxwvut');
    expect(answer.query.partial).toEqual({
      allOf: ['blair', 'contract', 'zyxwvut'],
      unmatched: ['zyxwvut'],
      complete: 0,
      quoted: [],
    });
    const lacks = answer.hits.map((hit) => hit.missing);
    expect(lacks).toContainEqual(['blair', 'zyxwvut']);
    expect(lacks).toContainEqual(['contract', 'zyxwvut']);
    for (const hit of answer.hits) expect(hit.missing).toContain('zyxwvut');
  });

  it('follows a lone full match with the best partial matches, labelled', () => {
    const answer = ask('blair wenger', { limit: 5 });
    expect(answer.hits[0]!.missing).toBeUndefined();
    expect(files(answer)[0]).toBe('blair-wenger');
    expect(answer.hits.slice(1).every((hit) => hit.missing !== undefined)).toBe(true);
    expect(answer.query.partial).toMatchObject({ complete: 1, unmatched: [] });
  });

  // FTS5 finds a listed row that lacks part of an AND or a phrase by reading on to the next row
  // that has it all (milliseconds at a million passages), so each row is marked with a MATCH it has.
  it('marks the words each hit has, highlighting a partial match with its own words only', () => {
    const { reader } = index;
    const calls: Array<{ match: string; documents: number[]; bodies: string[] }> = [];
    const highlights = reader.highlights.bind(reader);
    reader.highlights = (match: string, documents: number[]) => {
      const rows = highlights(match, documents);
      calls.push({
        match,
        documents,
        bodies: rows.map((row) => row.body.replaceAll('\u0002', '').replaceAll('\u0003', '')),
      });
      return rows;
    };
    try {
      const answer = ask('blair wenger', { limit: 5 });
      const marked = (hit: ReadoutAnswer['hits'][number]) =>
        new Set(hit.excerpt.marks.map(([start, end]) => hit.excerpt.text.slice(start, end).toLowerCase()));
      expect(marked(answer.hits[0]!)).toEqual(new Set(['blair', 'wenger']));
      const partial = answer.hits.slice(1);
      expect(partial.length).toBeGreaterThan(0);
      for (const hit of partial) {
        const has = ['blair', 'wenger'].filter((word) => !hit.missing!.includes(word));
        expect(marked(hit)).toEqual(new Set(has));
        const call = calls.find((c) => c.bodies.some((body) => body.includes(hit.excerpt.text)));
        expect(call).toBeDefined();
        for (const word of hit.missing!) expect(call!.match).not.toContain(word);
      }
      // Every document given matched the MATCH it was highlighted with.
      for (const call of calls) expect(call.bodies).toHaveLength(call.documents.length);
    } finally {
      reader.highlights = highlights;
    }
  });

  // Quotes say the words matter as typed: the other words alone never stand in for a quoted phrase.
  const politicsFiles = Array.from({ length: 12 }, (_, n) => `politics-${n}`);
  it.each([
    {
      text: '"tony blair" wenger',
      partials: politicsFiles,
      quoted: ['"tony blair"'],
    },
    { text: '"arsene wenger" blair', partials: ['arsenal'], quoted: ['"arsene wenger"'] },
    {
      text: '"tony blair" "arsene wenger"',
      partials: ['arsenal', ...politicsFiles],
      quoted: ['"tony blair"', '"arsene wenger"'],
    },
  ])('keeps a quoted phrase in every partial match: $text', ({ text, partials, quoted }) => {
    const answer = ask(text, { limit: 20 });
    expect(files(answer)[0]).toBe('blair-wenger');
    expect(answer.query.partial).toMatchObject({ complete: 1, quoted });
    expect(files(answer).slice(1).sort()).toEqual([...partials].sort());
  });

  // One full match fills a page of one; whether a next page exists is asked, not ranked.
  it.each([
    ['a next page of passages with some of the words', 'new contract arsenal wenger', 'arsenal', 1, false],
    ['a next page of passages with the quoted phrase', '"tony blair" wenger', 'blair-wenger', 1, false],
    [
      'no next page when no other passage has the quoted phrase',
      '"new contract" arsenal wenger',
      'arsenal',
      undefined,
      true,
    ],
  ])('offers %s', (_case, text, first, nextOffset, noOther) => {
    const answer = ask(text, { limit: 1 });
    expect(files(answer)).toEqual([first]);
    expect(answer.nextOffset).toBe(nextOffset);
    expect(answer.query.notes.some((note) => note.startsWith('no other passage'))).toBe(noOther);
  });

  it('says so when no other passage has the quoted phrase, ranking none without it', () => {
    const { answer, ranked } = askCountingRankings('"watched the match" wenger');
    expect(files(answer)).toEqual(['blair-wenger']);
    expect(answer.query.partial).toBeUndefined();
    expect(answer.query.notes).toContain('no other passage has "watched the match"');
    // Every word, then the phrase without Wenger (nothing); never Wenger alone.
    expect(ranked).toHaveLength(2);
  });

  it('ranks a passage with a rare word above one with two common words', () => {
    const answer = ask('blair schools quillhaven');
    expect(files(answer)[0]).toBe('quillhaven');
    expect(answer.hits[0]!.missing).toEqual(['blair', 'schools']);
  });

  it('shows every partial match once across pages', () => {
    const seen = new Set<number>();
    let offset: number | undefined = 0;
    while (offset !== undefined) {
      const page = ask('blair wenger', { limit: 3, offset });
      for (const hit of page.hits) {
        expect(seen.has(hit.passageId)).toBe(false);
        seen.add(hit.passageId);
      }
      offset = page.nextOffset;
    }
    // 12 politics passages and 2 Wenger-only ones besides the full match.
    expect(seen.size).toBe(15);
  });

  // The full match and the two Wenger-only passages fill a page of 3; the Blair-only ones could
  // only start page 2, so whether one exists is asked, and they are not ranked for page 1.
  it.each([
    ['a next page when other partial matches pass', 'blair wenger', 3],
    ['no next page when the others are all excluded', 'blair wenger -schools', undefined],
  ])('shows %s, ranking no set of words for it', (_case, text, nextOffset) => {
    const { answer, ranked } = askCountingRankings(text, { limit: 3 });
    expect(files(answer)).toEqual(['blair-wenger', 'arsenal-2', 'arsenal']);
    expect(answer.nextOffset).toBe(nextOffset);
    // Every word, then Wenger without Blair; never Blair without Wenger.
    expect(ranked).toHaveLength(2);
  });

  it('ranks one of two words leaving out the complete matches, not excluding the other word', () => {
    const { reader } = index;
    const rankDocuments = reader.rankDocuments;
    const calls: Array<{ match: string; leaveOut?: number[] }> = [];
    reader.rankDocuments = (match, k, filter, leaveOut) => {
      calls.push({ match, leaveOut });
      return rankDocuments.call(reader, match, k, filter, leaveOut);
    };
    try {
      const answer = ask('blair wenger', { limit: 3 });
      expect(files(answer)).toEqual(['blair-wenger', 'arsenal-2', 'arsenal']);
      // The one complete match, by its document: what the ranking of Wenger alone leaves out.
      const complete = rankDocuments.call(reader, '"blair" AND "wenger"', 10).map((doc) => doc.documentId);
      expect(complete).toHaveLength(1);
      expect(calls).toEqual([
        { match: '"blair" AND "wenger"', leaveOut: undefined },
        { match: expect.not.stringContaining('blair'), leaveOut: complete },
      ]);
    } finally {
      reader.rankDocuments = rankDocuments;
    }
  });
});

describe('corrections', () => {
  it('counts a swap of two letters as one edit and prefers the commoner word', () => {
    const answer = ask('Wegner');
    expect(answer.query.corrections).toEqual([{ from: 'wegner', to: 'wenger' }]);
    expect(files(answer)).toContain('arsenal');
  });

  it('finds a real word through its plural instead of correcting it into another word', () => {
    const answer = ask('thief');
    expect(answer.query.corrections).toEqual([]);
    expect(files(answer)).toEqual(['scam']);
  });

  it('reports a real word the archive lacks as absent rather than rewriting it', () => {
    const alone = ask('fire');
    expect(alone.query.corrections).toEqual([]);
    expect(alone.hits).toEqual([]);
    const withOther = ask('fire harbour');
    expect(withOther.query.corrections).toEqual([]);
    expect(withOther.query.partial?.unmatched).toEqual(['fire']);
  });

  it('still corrects a spelling of another dialect', () => {
    expect(ask('color').query.corrections).toEqual([{ from: 'color', to: 'colour' }]);
  });
});

describe('forms of a word', () => {
  it('finds irregular plurals: child finds children', () => {
    expect(files(ask('child'))).toEqual(['access']);
  });

  it("finds every Bush for Bush's, not only the possessive", () => {
    expect(files(ask("Bush's")).sort()).toEqual(['victory', 'visit']);
  });
});
