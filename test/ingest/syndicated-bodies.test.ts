import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/ingest/prepare-file.js';
import { type PreparedBody, SyndicatedBodies } from '../../src/ingest/syndicated-bodies.js';

/** Runs `bodies` (`variant:body`, or a body alone) through a SyndicatedBodies; returns which were prepared. */
function prepared(bodies: string[], memo = new SyndicatedBodies()): string[] {
  const calls: string[] = [];
  for (const entry of bodies) {
    const [variant, body] = entry.includes(':') ? entry.split(':') : ['quotations', entry];
    memo.passagesOf(body!, variant!, (): PreparedBody => {
      calls.push(entry);
      return { passages: [{ body: body!, fingerprint: body! }], lead: 0 };
    });
  }
  return calls;
}

describe('SyndicatedBodies', () => {
  it.each([
    ['a body seen once', ['wire'], ['wire']],
    ['a body seen twice: both prepared (the second is kept)', ['wire', 'wire'], ['wire', 'wire']],
    ['the copies after the second: taken as kept', ['wire', 'wire', 'wire', 'wire'], ['wire', 'wire']],
    ['two stories interleaved', ['a', 'b', 'a', 'b', 'a', 'b'], ['a', 'b', 'a', 'b']],
    [
      'with and without quotations: two bodies',
      ['q:a', 'n:a', 'q:a', 'n:a', 'q:a', 'n:a'],
      ['q:a', 'n:a', 'q:a', 'n:a'],
    ],
  ])('%s', (_case, bodies, expected) => {
    expect(prepared(bodies)).toEqual(expected);
  });

  it('gives every copy after the second the passages kept, unchanged', () => {
    const memo = new SyndicatedBodies();
    const results = [1, 2, 3, 4].map((n) =>
      memo.passagesOf('wire', 'quotations', () => ({
        passages: [{ body: `run ${n}`, fingerprint: 'f' }],
        lead: 0,
      })),
    );
    expect(results.map((result) => result.passages[0]!.body)).toEqual(['run 1', 'run 2', 'run 2', 'run 2']);
  });

  it('drops the oldest kept passages past its bound, and never keeps a body larger than it', () => {
    // Room for one six-letter body: keeping "bbbbbb" drops "aaaaaa", which is prepared again.
    const dropped = ['aaaaaa', 'aaaaaa', 'bbbbbb', 'bbbbbb', 'aaaaaa'];
    expect(prepared(dropped, new SyndicatedBodies(10))).toEqual(dropped);
    expect(
      prepared(['aaaaaa', 'aaaaaa', 'bbbbbb', 'bbbbbb', 'bbbbbb'], new SyndicatedBodies(10)),
    ).toHaveLength(4);
    const tight = new SyndicatedBodies(3);
    expect(prepared(['long', 'long', 'long'], tight)).toEqual(['long', 'long', 'long']);
  });

  it('forgets the oldest half of the bodies seen once past its bound', () => {
    // With room for two: seeing "c" forgets "a", so "a" counts as new again.
    const bodies = ['a', 'b', 'c', 'a', 'a', 'a'];
    expect(prepared(bodies, new SyndicatedBodies(100, 2))).toEqual(bodies.slice(0, 5));
  });
});

describe('prepareArticle on syndicated copies', () => {
  const body = [
    '"The ferry will not sail until the strike ends," said Ann Falk, the harbour master.',
    'Pilots walked out on Monday.',
    'She said talks would resume.',
  ].join('\n\n');
  const copy = (outlet: string, title: string) => ({ item: '', title, body, source: outlet });

  it('gives every copy the passages, fingerprints and quotations of the first, under its own headline', () => {
    const first = prepareArticle(copy('Harbour Ledger', 'Ferry strike'));
    const copies = [
      prepareArticle(copy('Coastal Gazette', 'Ferry strike goes on')),
      prepareArticle(copy('Pier Post', 'Strike')),
      prepareArticle(copy('Tide Times', 'Ferries stay in port')),
    ];
    expect(first.passages[0]!.quotations?.[0]).toMatchObject({ speaker: 'Ann Falk' });
    for (const each of copies) {
      expect(each.passages).toEqual(first.passages);
      expect(each.lead).toBe(first.lead);
    }
    expect(copies.map((each) => [each.draft.title, each.draft.source])).toEqual([
      ['Ferry strike goes on', 'Coastal Gazette'],
      ['Strike', 'Pier Post'],
      ['Ferries stay in port', 'Tide Times'],
    ]);
    expect(new Set([first, ...copies].map((each) => each.contentHash)).size).toBe(4);
    // Without quotations the body is another: prepared anew, with none.
    expect(prepareArticle(copy('Pier Post', 'Strike'), false).passages[0]!.quotations).toBeUndefined();
  });
});
