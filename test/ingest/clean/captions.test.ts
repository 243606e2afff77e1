import { describe, expect, it } from 'vitest';
import { isPhotoCaption } from '../../../src/ingest/clean/captions.js';

describe('isPhotoCaption', () => {
  it.each([
    [
      'a caption ending in a dateline',
      'Civil defense members look for survivors after an airstrike in Aleppo, Syria, April 16, 2016.',
      true,
    ],
    ['a FILE caption', 'FILE - Residents inspect damages after an airstrike in Aleppo.', true],
    ['a FILE PHOTO caption', 'FILE PHOTO: A general view of the port.', true],
    [
      'a caption with a position mark',
      'Russian President Vladimir Putin (L) meets his counterpart on the sidelines of the summit.',
      true,
    ],
    ['a caption with a photo credit', 'The mayor opens the new hall. (AP Photo/Jane Roe)', true],
    ['a credit line after a colon', 'Crowds on the quay at dawn. Photo: Northline Wire', true],
    [
      'a caption merged with a paragraph of text',
      'Putin (L) and Obama at the summit.\nObama described the talk as candid.',
      false,
    ],
    ['two captions merged', 'Putin (L) and Obama at the summit.\nFILE - The summit hall in Hangzhou.', true],
    [
      'an ordinary sentence with a date inside',
      'On April 16, 2016, the talks resumed in Geneva after a long pause.',
      false,
    ],
    ['an ordinary paragraph', 'Obama said he and Putin discussed the cease-fire in Syria.', false],
    [
      'a sentence that ends in a year in words',
      'The summit was held in Hangzhou on September 5, and talks went on.',
      false,
    ],
    [
      'a long paragraph ending in a date',
      `${'The talks went on for a long time. '.repeat(15)}It ended on April 16, 2016.`,
      false,
    ],
  ])('reads %s as %s', (_case, passage, expected) => {
    expect(isPhotoCaption(passage)).toBe(expected);
  });
});
