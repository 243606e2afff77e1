import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpeakerKeys } from '../../src/search/speaker-keys.js';
import { speakerKey, speakerMatches } from '../../src/text/speaker-name.js';

const archive = [
  'Vladimir Putin',
  'Barack Obama',
  'the White House',
  'the White House press service',
  'the Kremlin press service',
  'the Kremlin',
  'a senior official',
  'a senior aide',
  'José Álvarez',
  'Josh Earnest',
  'Martin Luther King Jr.',
].map(speakerKey);
const speakers = new SpeakerKeys(new Map(archive.map((key, n) => [key, n + 1])));

describe('SpeakerKeys.matching', () => {
  it.each([
    ['putin', ['putin']],
    ['Vladimir Putin', ['putin']],
    ['white house', ['white house', 'white house press service']],
    ['kremlin', ['kremlin press service', 'kremlin']],
    ['official', ['senior official']],
    ['the senior official', ['senior official']],
    ['alvarez', ['alvarez']],
    ['Álvarez', ['alvarez']],
    ['king', ['king']],
    ['vladimir', []],
    ['house', ['white house', 'white house press service']],
    ['', []],
    ['the', []],
    ['nobody here', []],
  ])('who:%s finds %j', (name, keys) => {
    expect(speakers.matching(name)).toEqual(keys);
  });

  it('finds what testing every key finds, for any name and any keys', () => {
    const words = [
      'the',
      'a',
      'white',
      'house',
      'press',
      'service',
      'putin',
      'vladimir',
      'senior',
      'official',
      'jr',
      'aide',
      'Kremlin',
      "O'Neil's",
    ];
    const name = fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.array(fc.oneof(name, name.map(speakerKey)), { maxLength: 12 }), name, (names, asked) => {
        const keys = [...new Set(names)];
        const index = new SpeakerKeys(new Map(keys.map((key) => [key, 1])));
        expect(index.matching(asked)).toEqual(keys.filter((key) => speakerMatches(asked, key)));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps each key with its count of quotations', () => {
    expect(speakers.quotations.get('putin')).toBe(1);
    expect(speakers.quotations.get('king')).toBe(archive.length);
  });
});
