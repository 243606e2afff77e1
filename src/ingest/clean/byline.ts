/**
 * Bylines ('By Jane Roe | Reuters') and lines that only give a date ('Published: 5 Sept 2016
 * 10:32 BST'): read for the attribution, and never mistaken for article text.
 */

import { endsSentence, words } from './line-shape.js';
import { monthPattern, normalizePublished, readWrittenDate } from './published.js';

/** 'By Jane Roe', 'By Jane Roe and John Doe | Reuters': the author's name, when the line is a byline. */
export function readByline(line: string): string | undefined {
  const match = /^[Bb][Yy]:?\s+(\p{Lu}[^|•·,;]*?)(?:\s*(?:[|•·,;]|\s[-–—]\s).*)?$/u.exec(line);
  if (!match || words(line).length > 12 || endsSentence(line)) return undefined;
  return match[1]!.trim();
}

const weekdayOrTimeWords = new RegExp(
  `(?<!\\p{L})(?:${monthPattern}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|date|time|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|msk|est|edt|cst|cdt|pst|pdt|et)(?!\\p{L})`,
  'giu',
);

/** A line that only gives a date and time ('Published: 5 Sept 2016 10:32 BST'), or undefined. */
export function readDateLine(line: string): string | undefined {
  const leftover = line
    .replace(weekdayOrTimeWords, ' ')
    .replace(/\d+(?:st|nd|rd|th)?/giu, ' ')
    .replace(/[^\p{L}]+/gu, '');
  if (leftover !== '') return undefined;
  return normalizePublished(line) ?? readWrittenDate(line);
}
