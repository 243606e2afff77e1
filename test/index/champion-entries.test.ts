import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packFingerprint, unpackFingerprint } from '../../src/index/champion-entries.js';

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
