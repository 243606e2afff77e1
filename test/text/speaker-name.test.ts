import { describe, expect, it } from 'vitest';
import { speakerKey, speakerMatches } from '../../src/text/speaker-name.js';

describe('speakerKey', () => {
  it.each([
    ['Putin', 'putin'],
    ['Vladimir Putin', 'putin'],
    ['President Putin', 'putin'],
    ['Mr. Putin', 'putin'],
    ['Russian President Vladimir Putin', 'putin'],
    ['MR. PUTIN', 'putin'],
    ['Putin’s', 'putin'],
    ['White House Press Secretary Josh Earnest', 'earnest'],
    ['Martin Luther King Jr.', 'king'],
    ['José Álvarez', 'alvarez'],
    ['Mary-Jane Holt-Byrne', 'holt-byrne'],
  ])('keys the person %j by surname: %j', (name, key) => {
    expect(speakerKey(name)).toBe(key);
  });

  it.each([
    ['the White House', 'white house'],
    ['White House', 'white house'],
    ['The Kremlin press service', 'kremlin press service'],
    ['the Kremlin', 'kremlin'],
    ['Reuters', 'reuters'],
    ['a senior official', 'senior official'],
  ])('keys the institution or description %j by its whole name: %j', (name, key) => {
    expect(speakerKey(name)).toBe(key);
  });

  it('gives an empty key for no words', () => {
    expect(speakerKey('  ’ ')).toBe('');
  });
});

describe('speakerMatches', () => {
  it.each([
    ['putin', 'Vladimir Putin', true],
    ['Putin', 'putin', true],
    ['vladimir putin', 'Russian President Vladimir Putin', true],
    ['obama', 'Barack Obama', true],
    ['OBAMA', 'Mr. Obama', true],
    ['white house', 'the White House', true],
    ['"white house"', 'the White House press service', true],
    ['kremlin', 'the Kremlin press service', true],
    ['alvarez', 'José Álvarez', true],
    ['putin', 'Barack Obama', false],
    ['white house', 'the Kremlin press service', false],
    ['vladimir', 'Vladimir Putin', false],
    ['', 'Vladimir Putin', false],
    ['house', 'Josh Earnest', false],
  ])('who:%s against %j is %s', (query, speaker, expected) => {
    expect(speakerMatches(query, speaker)).toBe(expected);
  });
});
