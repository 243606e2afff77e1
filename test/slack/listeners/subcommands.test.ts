import { describe, expect, it } from 'vitest';
import { readoutSubcommand } from '../../../src/slack/listeners/commands/subcommands.js';

describe('readoutSubcommand', () => {
  it.each([
    ['obama putin', { kind: 'search', text: 'obama putin' }],
    ['', { kind: 'search', text: '' }],
    ['watch ferry strike source:gazette', { kind: 'watch', query: 'ferry strike source:gazette' }],
    ['  WATCH   "peace talks"  ', { kind: 'watch', query: '"peace talks"' }],
    ['watch', { kind: 'watch', query: '' }],
    ['watching', { kind: 'watching' }],
    ['Watching ', { kind: 'watching' }],
    ['watching brief', { kind: 'search', text: 'watching brief' }],
    ['unwatch 2', { kind: 'unwatch', which: '2' }],
    ['unwatch', { kind: 'unwatch', which: '' }],
    ['"watch" repairs', { kind: 'search', text: '"watch" repairs' }],
    ['watchdog report', { kind: 'search', text: 'watchdog report' }],
    ['compare obama putin call', { kind: 'compare', query: 'obama putin call' }],
    ['  Compare  "peace talks" ', { kind: 'compare', query: '"peace talks"' }],
    ['compare', { kind: 'compare', query: '' }],
    ['comparison of budgets', { kind: 'search', text: 'comparison of budgets' }],
    ['"compare" prices', { kind: 'search', text: '"compare" prices' }],
    ['timeline who:putin sanctions', { kind: 'timeline', query: 'who:putin sanctions' }],
    ['  Timeline  putin ', { kind: 'timeline', query: 'putin' }],
    ['timeline', { kind: 'timeline', query: '' }],
    ['timelines of the war', { kind: 'search', text: 'timelines of the war' }],
    ['"timeline" putin', { kind: 'search', text: '"timeline" putin' }],
  ])('reads %j', (text, expected) => {
    expect(readoutSubcommand(text)).toEqual(expected);
  });
});
