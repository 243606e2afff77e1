import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bm25Factor } from '../../src/index/bm25.js';
import {
  byFactor,
  decodeEntries,
  entryFields,
  keptInOrder,
  packFingerprint,
  unpackFingerprint,
} from '../../src/index/champion-entries.js';

describe('packFingerprint / unpackFingerprint', () => {
  it.each([
    ['0000000000000000', [0, 0]],
    ['ffffffffffffffff', [-1, -1]], // packs like "ask the index"; unpacks to undefined, as before
    ['00000001ffffffff', [1, -1]],
    ['7fffffff80000000', [0x7fffffff, -0x80000000]],
    ['0123456789abcdef', [0x01234567, 0x89abcdef | 0]],
  ] as const)('packs %s as %j', (fingerprint, packed) => {
    expect(packFingerprint(fingerprint)).toEqual(packed);
  });

  it.each([
    ['too short', '0123456789abcde'],
    ['too long', '0123456789abcdef0'],
    ['uppercase', '0123456789ABCDEF'],
    ['not hex', '0123456789abcdeg'],
    ['a sign', '-123456789abcdef'],
    ['empty', ''],
  ])('gives [-1, -1] for a fingerprint of another shape: %s', (_case, fingerprint) => {
    expect(packFingerprint(fingerprint)).toEqual([-1, -1]);
  });

  it('unpacks what it packs, and agrees with parseInt on every 16-digit fingerprint', () => {
    const hexDigits = fc.constantFrom(...'0123456789abcdef'.split(''));
    fc.assert(
      fc.property(fc.array(hexDigits, { minLength: 16, maxLength: 16 }), (digits) => {
        const fingerprint = digits.join('');
        const [high, low] = packFingerprint(fingerprint);
        expect(high).toBe(Number.parseInt(fingerprint.slice(0, 8), 16) | 0);
        expect(low).toBe(Number.parseInt(fingerprint.slice(8), 16) | 0);
        const unpacked = unpackFingerprint(high, low);
        expect(unpacked).toBe(high === -1 && low === -1 ? undefined : fingerprint);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Stored entries from [id, weighted frequency, length] triples, the other fields zero. */
function storedEntries(documents: Array<[number, number, number]>): Int32Array {
  const entries = new Int32Array(documents.length * entryFields);
  documents.forEach(([id, frequency, length], n) => {
    entries.set([id, frequency, length], n * entryFields);
  });
  return entries;
}

describe('keptInOrder', () => {
  // At an average length of 100, [1, 2, 10] beats [2, 5, 500]; at 10,000 the longer one wins.
  const crossing: Array<[number, number, number]> = [
    [7, 1, 10],
    [3, 5, 500],
  ];
  it.each([
    ['no entries', [], 100, 0, 0],
    [
      'in order, every one above the bound',
      [
        [1, 9, 50],
        [2, 4, 50],
        [3, 1, 50],
      ],
      100,
      0.5,
      3,
    ],
    [
      'in order, the last two at or below the bound',
      [
        [1, 9, 50],
        [2, 4, 50],
        [3, 1, 50],
      ],
      100,
      bm25Factor(4, 50, 100),
      1,
    ],
    ['in order, none above the bound', [[1, 9, 50]], 100, 5, 0],
    [
      'equal factors in id order',
      [
        [4, 2, 80],
        [9, 2, 80],
      ],
      100,
      0,
      2,
    ],
    [
      'equal factors out of id order',
      [
        [9, 2, 80],
        [4, 2, 80],
      ],
      100,
      0,
      undefined,
    ],
    ['the order they were stored in, still', crossing, 100, 0, 2],
    ['reordered by the new average length', crossing, 10_000, 0, undefined],
  ] as Array<[string, Array<[number, number, number]>, number, number, number | undefined]>)(
    '%s',
    (_case, documents, avgdl, bound, kept) => {
      expect(keptInOrder(storedEntries(documents), avgdl, bound)).toBe(kept);
    },
  );

  it('agrees with unpacking, sorting and cutting at the bound', () => {
    const entry = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 400 }));
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 12 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 20, max: 400 }),
        fc.double({ min: 0, max: 2.2, noNaN: true }),
        (documents, storedFor, avgdl, bound) => {
          // Stored best first for one average length, read for another.
          const stored = documents
            .map(([frequency, length], id) => ({
              id,
              frequency,
              length,
              factor: bm25Factor(frequency, length, storedFor),
            }))
            .sort(byFactor);
          const entries = storedEntries(stored.map((d) => [d.id, d.frequency, d.length]));
          const resorted = decodeEntries(entries, avgdl).sort(byFactor);
          const kept = keptInOrder(entries, avgdl, bound);
          const sameOrder = resorted.every((d, n) => d.id === stored[n]!.id);
          expect(kept === undefined).toBe(!sameOrder);
          if (kept !== undefined) expect(kept).toBe(resorted.filter((d) => d.factor > bound).length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
