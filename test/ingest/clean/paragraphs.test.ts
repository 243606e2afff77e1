import { describe, expect, it } from 'vitest';
import { cleanParagraphs, splitTextParagraphs } from '../../../src/ingest/clean/paragraphs.js';

describe('splitTextParagraphs', () => {
  it('makes each line of a scraped block its own paragraph', () => {
    const text =
      'FILE - A caption of the photograph that is long enough to be over a hundred characters in all, really.\nSecond line.';
    expect(splitTextParagraphs(text)).toEqual([
      'FILE - A caption of the photograph that is long enough to be over a hundred characters in all, really.',
      'Second line.',
    ]);
  });

  it('splits blocks at blank lines, even lines holding only spaces', () => {
    expect(splitTextParagraphs('One paragraph.\n  \t\nAnother paragraph.\n\n\n')).toEqual([
      'One paragraph.',
      'Another paragraph.',
    ]);
  });

  it('joins prose hard-wrapped at a fixed width', () => {
    const text = [
      'President Obama spoke today by phone with President Vladimir',
      'Putin to express their concern over the status of ceasefire in',
      'Syria, the White House said.',
    ].join('\n');
    expect(splitTextParagraphs(text)).toEqual([
      'President Obama spoke today by phone with President Vladimir Putin to express their concern over the status of ceasefire in Syria, the White House said.',
    ]);
  });

  it('joins a word broken at a hyphen without a space', () => {
    const text =
      'Obama and Putin also discussed the conflict in Ukraine, where Russian-\nbacked separatists have been fighting.';
    expect(splitTextParagraphs(text)).toEqual([
      'Obama and Putin also discussed the conflict in Ukraine, where Russian-backed separatists have been fighting.',
    ]);
  });

  it('does not join a short headline to the line after it', () => {
    expect(
      splitTextParagraphs(
        'Obama and Putin talk Syria\nThe two leaders spoke on Monday about the war in Syria.',
      ),
    ).toEqual(['Obama and Putin talk Syria', 'The two leaders spoke on Monday about the war in Syria.']);
  });

  it('keeps short sentences on separate lines apart', () => {
    expect(
      splitTextParagraphs('Putin spoke first at the long meeting.\nObama answered him after that.'),
    ).toEqual(['Putin spoke first at the long meeting.', 'Obama answered him after that.']);
  });
});

describe('cleanParagraphs', () => {
  it('keeps a caption repeated consecutively once', () => {
    const caption = 'FILE - Residents inspect damages after an airstrike in Aleppo, Syria, April 11, 2016.';
    expect(cleanParagraphs(['Text before.', caption, caption, 'Text after.'])).toEqual([
      'Text before.',
      caption,
      'Text after.',
    ]);
  });

  it('keeps a paragraph repeated later in the article once', () => {
    expect(cleanParagraphs(['A first paragraph.', 'Another one.', 'A  first paragraph.'])).toEqual([
      'A first paragraph.',
      'Another one.',
    ]);
  });

  it('drops chrome between paragraphs and the headline repeated', () => {
    expect(
      cleanParagraphs(
        ['Obama and Putin talk Syria', 'Text.', 'Advertisement', 'More text.'],
        'Obama and Putin talk Syria',
      ),
    ).toEqual(['Text.', 'More text.']);
  });

  // What the text and markdown loaders hand over (splitTextParagraphs, plainParagraphs, readBlocks).
  it('cleans paragraphs already normalised as it cleans them raw, without normalising them again', () => {
    const raw = [
      '  Obama\u00a0and Putin talk Syria ',
      'Text.',
      'Advertisement',
      'A\u200b first  one.',
      'A first one.',
    ];
    const normalized = splitTextParagraphs(raw.join('\n\n'));
    expect(normalized).not.toEqual(raw);
    const title = 'Obama and Putin talk Syria';
    expect(cleanParagraphs(normalized, title, true)).toEqual(cleanParagraphs(raw, title));
    expect(cleanParagraphs(normalized, title, true)).toEqual(['Text.', 'A first one.']);
  });

  it('keeps subheads and standfirsts of four words or more without a final period', () => {
    expect(cleanParagraphs(['Trump says he had "great call" with Putin', 'Text.'])).toEqual([
      'Trump says he had "great call" with Putin',
      'Text.',
    ]);
  });
});
