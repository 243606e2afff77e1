import { describe, expect, it } from 'vitest';
import { leadSentence, renderUnfurl } from '../../../src/slack/ui/render-unfurl.js';

const article = {
  id: 1,
  title: 'Ferry strike ends',
  source: 'Quay Post',
  author: 'Ann Lee',
  published: '2024-05-01',
  url: 'https://news.example.org/ferry',
  file: 'ferry.md',
  lead: 'The ferry strike ended on Monday. Crews returned to work.',
};

describe('leadSentence', () => {
  it.each([
    ['The ferry strike ended on Monday. Crews returned.', 'The ferry strike ended on Monday.'],
    ['No full stop here', 'No full stop here'],
    ['', ''],
  ])('takes %j as %j', (lead, sentence) => {
    expect(leadSentence(lead)).toBe(sentence);
  });

  it('cuts a very long first sentence', () => {
    expect(leadSentence(`${'word '.repeat(200)}end.`).length).toBeLessThanOrEqual(400);
  });
});

describe('renderUnfurl', () => {
  it('shows the linked headline, the lead sentence, outlet, date and author', () => {
    const json = JSON.stringify(renderUnfurl(article));
    expect(json).toContain('*<https://news.example.org/ferry|Ferry strike ends>*');
    expect(json).toContain('>The ferry strike ended on Monday.');
    expect(json).not.toContain('Crews returned');
    expect(json).toContain('Quay Post · 1 May 2024 · by Ann Lee');
  });

  it('escapes archive text and leaves unknown fields out', () => {
    const json = JSON.stringify(
      renderUnfurl({
        ...article,
        title: '<!here> row',
        source: null,
        author: null,
        published: null,
        lead: '<@U1> said',
      }),
    );
    expect(json).toContain('&lt;!here&gt; row');
    expect(json).toContain('&lt;@U1&gt; said');
    expect(json).not.toContain('by ');
  });
});
