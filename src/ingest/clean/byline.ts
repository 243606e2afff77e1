/**
 * Bylines ('By Jane Roe | Reuters') and lines that only give a date ('Published: 5 Sept 2016
 * 10:32 BST'): read for the attribution, and never mistaken for article text.
 */

import { endsSentence, words } from './line-shape.js';
import { monthPattern, normalizePublished, readWrittenDate } from './published.js';

const bylinePattern = /^[Bb][Yy]:?\s+(\p{Lu}[^|•·,;]*?)(?:\s*(?:[|•·,;]|\s[-–—]\s)(.*))?$/u;

/** 'By Jane Roe', 'By Jane Roe and John Doe | Reuters': the author's name, when the line is a byline. */
export function readByline(line: string): string | undefined {
  const match = bylinePattern.exec(line);
  if (!match || words(line).length > 12 || endsSentence(line)) return undefined;
  return match[1]!.trim();
}

/**
 * The date a byline gives after the name ('By Felix Dorne — 16 March 2023' → '2023-03-16'), or
 * undefined. A byline is the reporter's own line in the header, so a day without a year counts.
 */
export function readBylineDate(line: string): string | undefined {
  if (readByline(line) === undefined) return undefined;
  const rest = bylinePattern.exec(line)?.[2];
  return rest ? (normalizePublished(rest.trim()) ?? readWrittenDate(rest)) : undefined;
}

const weekdayOrTimeWords = new RegExp(
  `(?<!\\p{L})(?:${monthPattern}|mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|date|time|am|pm|a\\.m|p\\.m|gmt|utc|bst|cet|cest|msk|est|edt|cst|cdt|pst|pdt|et)(?!\\p{L})`,
  'giu',
);

/**
 * Whether a date line in an article's header is its publication date: it gives a year and a
 * month, or says it is one ('Published: 5 Sept'). A day without a year ('Saturday, 26 February'
 * over a fixture) is an event's date, and a lone four-digit number a kick-off time ('2000 GMT').
 */
export function isPublicationDateLine(line: string, date: string): boolean {
  return /^\d{4}-\d{2}/u.test(date) || /(?<!\p{L})(?:published|updated|posted|date)(?!\p{L})/iu.test(line);
}

/** A line that only gives a date and time ('Published: 5 Sept 2016 10:32 BST'), or undefined. */
export function readDateLine(line: string): string | undefined {
  const leftover = line
    .replace(weekdayOrTimeWords, ' ')
    .replace(/\d+(?:st|nd|rd|th)?/giu, ' ')
    .replace(/[^\p{L}]+/gu, '');
  if (leftover !== '') return undefined;
  return normalizePublished(line) ?? readWrittenDate(line);
}
