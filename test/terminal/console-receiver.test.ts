import { describe, expect, it } from 'vitest';
import { actionIds } from '../../src/slack/ui/render-answer.js';
import { compareActionIds } from '../../src/slack/ui/render-comparison.js';
import { parseConsoleLine } from '../../src/terminal/console-receiver.js';

describe('parseConsoleLine', () => {
  it.each([
    ['/readout obama putin syria', { kind: 'command', text: 'obama putin syria' }],
    ['  /READOUT  help ', { kind: 'command', text: 'help' }],
    ['/readout', { kind: 'command', text: '' }],
    ['@readout obama putin', { kind: 'mention', text: 'obama putin' }],
    ['@Readout', { kind: 'mention', text: '' }],
    ['@readoutx obama', { kind: 'command', text: '@readoutx obama' }],
    ['more', { kind: 'press', actionId: actionIds.more, label: 'More results' }],
    ['Share', { kind: 'press', actionId: actionIds.share, label: 'Share in channel' }],
    ['dismiss', { kind: 'press', actionId: actionIds.dismiss, label: 'Dismiss' }],
    ['event 2', { kind: 'press', actionId: compareActionIds.event, label: 'event 2', nth: 1 }],
    ['compare obama putin', { kind: 'command', text: 'compare obama putin' }],
    ['more putin', { kind: 'command', text: 'more putin' }],
    ['home', { kind: 'home' }],
    ['good', { kind: 'press', actionId: actionIds.helpful, label: '👍' }],
    ['bad', { kind: 'press', actionId: actionIds.unhelpful, label: '👎' }],
    ['reindex', { kind: 'reindex' }],
    ['shortcut Who covered the strike?', { kind: 'shortcut', text: 'Who covered the strike?' }],
    ['shortcut', { kind: 'shortcut', text: '' }],
    ['submit', { kind: 'submit', text: '' }],
    ['submit ferry strike', { kind: 'submit', text: 'ferry strike' }],
    ['watch ferry strike', { kind: 'command', text: 'watch ferry strike' }],
    ['watching', { kind: 'command', text: 'watching' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    ['/giphy cats', { kind: 'unknown_command', command: '/giphy' }],
    ['   ', { kind: 'empty' }],
    ['"peace talks" -trump', { kind: 'command', text: '"peace talks" -trump' }],
  ])('reads %j', (line, expected) => {
    expect(parseConsoleLine(line)).toEqual(expected);
  });
});
