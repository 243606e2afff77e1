/**
 * The extractor on the real scraped seed articles in ../shared/corpus/seeds (read in place, never
 * copied into the project). Skipped when the corpus is not beside the project.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotations, type Quotation } from '../../../src/ingest/quotes/index.js';
import { projectRoot } from '../../../src/paths.js';

const seedsDir = resolve(projectRoot, '..', 'shared', 'corpus', 'seeds');
const present = existsSync(seedsDir);

function quotationsOf(prefix: string): Quotation[] {
  const name = readdirSync(seedsDir).find((file) => file.startsWith(`${prefix}_`));
  if (!name) throw new Error(`no seed ${prefix}_*.txt in ${seedsDir}`);
  const paragraphs = readFileSync(join(seedsDir, name), 'utf8').split(/\n\s*\n/);
  return extractQuotations(paragraphs);
}

function containing(quotes: Quotation[], words: string): Quotation {
  const found = quotes.filter((quote) => quote.text.includes(words));
  expect(found, `one quotation containing "${words}"`).toHaveLength(1);
  return found[0]!;
}

describe.skipIf(!present)(
  present
    ? 'quotations in the seed articles'
    : `quotations in the seed articles (skipped: ${seedsDir} is absent)`,
  () => {
    it('gives Obama his "will not lift sanctions" quotation', () => {
      expect(containing(quotationsOf('002'), 'will not lift sanctions').speaker).toMatch(
        /^(?:Barack )?Obama$/,
      );
    });

    it('gives "The current state is abnormal" to Vladimir Putin through "the Russian leader"', () => {
      const quote = quotationsOf('002').find((candidate) =>
        candidate.text.startsWith('The current state is abnormal'),
      );
      expect(quote?.speaker).toBe('Vladimir Putin');
      expect(quote?.speakerAsWritten).toBe('the Russian leader');
    });

    it('gives the Kremlin press service what "the report" and "it" said', () => {
      const quotes = quotationsOf('003');
      expect(containing(quotes, 'Putin stressed readiness').speaker).toMatch(/Kremlin press service/);
      expect(containing(quotes, 'encouraging reaction').speaker).toMatch(/Kremlin press service/);
    });

    it('gives the White House press service what "the statement" reads and continues', () => {
      const quotes = quotationsOf('003');
      expect(containing(quotes, 'affirmed their support').speaker).toMatch(/White House press service/);
      expect(containing(quotes, 'Both presidents also stressed').speaker).toMatch(
        /White House press service/,
      );
      expect(containing(quotes, 'fighting terrorism together').speaker).toMatch(/White House press service/);
    });

    it('gives the White House what its statement says', () => {
      const quotes = quotationsOf('000');
      expect(containing(quotes, 'President Obama spoke today').speaker).toMatch(/White house/i);
      expect(containing(quotes, 'progress on these issues').speaker).toMatch(/White house/i);
    });
  },
);
