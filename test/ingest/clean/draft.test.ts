import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../../src/ingest/clean/draft.js';

describe('composeDraft', () => {
  it('infers source and date from a wire dateline when metadata lacks them', () => {
    const draft = composeDraft({ title: 'Presidents discuss Syria' }, [
      'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
    ]);
    expect(draft).toEqual({
      item: '',
      title: 'Presidents discuss Syria',
      body: 'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
      source: 'TASS',
      published: '--11-21',
    });
  });

  it('prefers metadata over the dateline', () => {
    const draft = composeDraft({ title: 'T', source: 'Example News', published: '2017-11-21' }, [
      'MOSCOW, November 21. /TASS/. Putin and Trump spoke.',
    ]);
    expect(draft).toMatchObject({ source: 'Example News', published: '2017-11-21' });
  });

  it('separates paragraphs with a blank line', () => {
    expect(composeDraft({ title: 'T' }, ['One sentence.', 'Two sentences.'])?.body).toBe(
      'One sentence.\n\nTwo sentences.',
    );
  });

  it('gives nothing when no text is left after cleaning', () => {
    expect(
      composeDraft({ title: 'Obama and Putin talk Syria' }, ['Share', 'Obama and Putin talk Syria']),
    ).toBeUndefined();
  });
});
