/**
 * The plain regex baseline the extractor is measured against: every run of text inside double
 * quotation marks is a quotation, and its speaker is the capitalised name standing next to a
 * speech verb nearest to it in the paragraph. No context, no pronouns, no nesting.
 */
import type { PredictedQuote } from './scoring.js';

const quoted = /"([^"\n]+)"|“([^”\n]+)”/g;

const verbs = 'said|says|told|tells|added|adds|wrote|writes|asked|asks|stressed|noted|explained|according to';
const name = "(?:[A-Z][\\w'’.-]*)(?: [A-Z][\\w'’.-]*)*";
const nameThenVerb = new RegExp(`(${name}) (?:${verbs})\\b`, 'g');
const verbThenName = new RegExp(`\\b(?:${verbs}) (${name})`, 'g');
const notNames = new Set(['He', 'She', 'They', 'It', 'We', 'I', 'You', 'The', 'This', 'That', 'But', 'And']);

interface NameAt {
  name: string;
  at: number;
}

function namesNextToVerbs(text: string): NameAt[] {
  const found: NameAt[] = [];
  for (const pattern of [nameThenVerb, verbThenName]) {
    for (const match of text.matchAll(pattern)) {
      const candidate = match[1]!;
      if (notNames.has(candidate)) continue;
      found.push({ name: candidate, at: match.index + match[0].indexOf(candidate) });
    }
  }
  return found;
}

/**
 * The baseline's quotations of one paragraph.
 *
 * @example baselineQuotations('"We won," Smith said.') // [{ start: 1, end: 8, speaker: 'Smith' }]
 */
export function baselineQuotations(text: string): PredictedQuote[] {
  const names = namesNextToVerbs(text);
  const quotes: PredictedQuote[] = [];
  for (const match of text.matchAll(quoted)) {
    const inner = match.slice(1).find((group) => group !== undefined) ?? '';
    const start = match.index + match[0].indexOf(inner);
    const end = start + inner.length;
    let best: NameAt | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of names) {
      if (candidate.at >= start && candidate.at < end) continue;
      const distance = candidate.at < start ? start - candidate.at : candidate.at - end;
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    quotes.push({ start, end, speaker: best?.name ?? null });
  }
  return quotes;
}
