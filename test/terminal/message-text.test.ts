import { describe, expect, it } from 'vitest';
import { messageToText, mrkdwnToText } from '../../src/terminal/message-text.js';

const plain = { color: false };

describe('mrkdwnToText', () => {
  it.each([
    ['>*Obama* met *Putin*', '  │ *Obama* met *Putin*'],
    ['<https://example.org/x|The headline> · Wire', 'The headline (https://example.org/x) · Wire'],
    ['<https://example.org/a?b=1&amp;c=2|A &amp; B>', 'A & B (https://example.org/a?b=1&c=2)'],
    ['Shared by <@U0CONSOLE>', 'Shared by @U0CONSOLE'],
    ['only in <#C0NEWS>', 'only in #C0NEWS'],
    ['&lt;!channel&gt; &amp; &lt;@U123&gt;', '<!channel> & <@U123>'],
    ['a * b * c', 'a * b * c'],
  ])('shows %j as %j', (mrkdwn, expected) => {
    expect(mrkdwnToText(mrkdwn, plain)).toBe(expected);
  });

  it('uses ANSI bold on a colour terminal', () => {
    expect(mrkdwnToText('*Putin*', { color: true })).toBe('\u001b[1mPutin\u001b[22m');
  });
});

describe('messageToText', () => {
  it('shows sections, indented context and buttons in order', () => {
    const text = messageToText(
      {
        text: 'fallback',
        blocks: [
          { type: 'section', text: { type: 'mrkdwn', text: '*Readout* · passage 1' } },
          { type: 'section', text: { type: 'mrkdwn', text: '>quote' } },
          { type: 'context', elements: [{ type: 'mrkdwn', text: 'Headline · Wire' }] },
          {
            type: 'actions',
            elements: [
              { type: 'button', text: { type: 'plain_text', text: 'More results' }, action_id: 'm' },
              { type: 'button', text: { type: 'plain_text', text: 'Dismiss' }, action_id: 'd' },
            ],
          },
        ],
      },
      plain,
    );
    expect(text).toBe('*Readout* · passage 1\n  │ quote\n    Headline · Wire\n[ More results ]  [ Dismiss ]');
  });

  it('shows the fallback text of a message without blocks', () => {
    expect(messageToText({ text: 'just &amp; text' }, plain)).toBe('just & text');
  });

  describe('at a terminal width', () => {
    const quote = 'The lighthouse keeper climbed the tower at dawn to check the lamp';
    const message = {
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text: `>${quote}` } },
        {
          type: 'context',
          elements: [{ type: 'mrkdwn', text: 'Lighthouse keepers of the coast · Coastal Gazette' }],
        },
      ],
    };

    it.each<[string, number | undefined, string]>([
      [
        'keeps each line whole without a width',
        undefined,
        `  │ ${quote}\n    Lighthouse keepers of the coast · Coastal Gazette`,
      ],
      [
        'wraps a quote under its bar and context under its indent',
        40,
        [
          '  │ The lighthouse keeper climbed the',
          '  │ tower at dawn to check the lamp',
          '    Lighthouse keepers of the coast ·',
          '    Coastal Gazette',
        ].join('\n'),
      ],
    ])('%s', (_name, width, expected) => {
      expect(messageToText(message, { color: false, width })).toBe(expected);
    });

    it('wraps the fallback text of a message without blocks', () => {
      expect(
        messageToText({ text: 'one two three four five six seven eight' }, { color: false, width: 24 }),
      ).toBe('one two three four five\nsix seven eight');
    });
  });
});
