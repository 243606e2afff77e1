import { describe, expect, it } from 'vitest';
import { displayName } from '../../../src/ingest/quotes/display-name.js';

describe('displayName', () => {
  it.each([
    ['Barack Obama', 'Barack Obama'],
    ['Union president Teodora Brask', 'Teodora Brask'],
    ['Russian President Vladimir Putin', 'Vladimir Putin'],
    ['White House Press Secretary Josh Earnest', 'Josh Earnest'],
    ['Mediator Alexander Volkov', 'Alexander Volkov'],
    ['Vice-chancellor Owen Pryce', 'Owen Pryce'],
    ['Councillor Abel Strand', 'Abel Strand'],
    ['Harbourmaster Petra Quill', 'Petra Quill'],
    ['Marine Le Pen', 'Marine Le Pen'],
    ['Mr. Obama', 'Obama'],
    ['the Kremlin press service', 'the Kremlin press service'],
    ["the union's", 'the union'],
    ['CNN Turk', 'CNN Turk'],
    ['President', 'President'],
  ])('shows %j as %j', (speaker, shown) => {
    expect(displayName(speaker)).toBe(shown);
  });
});
