import { describe, expect, it } from 'vitest';
import { isKnownChrome, isSiteChrome } from '../../../src/ingest/clean/site-chrome.js';

describe('isSiteChrome', () => {
  it.each([
    'Accessibility links',
    'Breaking News',
    'All news',
    'Share',
    'Advertisement',
    'ADVERTISEMENT',
    'Skip to main content',
    'Read more »',
    'Continue reading the main story',
    'Home | World | Business | Sport | Opinion',
    'https://example.com/news/obama-putin',
    'By Jane Roe',
    'September 5, 2016',
    'Published: 5 Sept 2016 10:32 BST',
    '© 2016 Example News',
    'Other topics',
    'Not only Syria',
    '1/12',
  ])('treats %j as chrome', (line) => {
    expect(isSiteChrome(line)).toBe(true);
  });

  it.each([
    'ISIS is an acronym for the Islamic State.',
    '“No.”',
    'Why Obama shouldn’t expect much from the G20',
    'Trump says he had "great call" with Putin',
    'By doing so they can begin to relieve some of the isolation.',
    'Putin to visit Washington on September 5',
    "Obama-Putin Hold 'Intense' Talk on Syria",
  ])('keeps %j as text', (line) => {
    expect(isSiteChrome(line)).toBe(false);
  });
});

describe('isKnownChrome', () => {
  it.each([
    'Accessibility links',
    'Share',
    'By Jane Roe',
    'September 5, 2016',
    'Home | World | Business | Sport',
  ])('treats %j as chrome', (line) => {
    expect(isKnownChrome(line)).toBe(true);
  });

  it.each(['Chelsea sack Mutu', 'Newcastle 2-1 Bolton', 'Profile: David Miliband', 'Other topics'])(
    'does not take the short line %j for chrome by its length',
    (line) => {
      expect(isKnownChrome(line)).toBe(false);
    },
  );
});
