/**
 * npm run quotes:errors -- [--gold FILE] [--examples N] [--group NAME]
 *
 * Error analysis for the quotation extractor: runs it over a gold JSONL file (default PolNeAR dev)
 * and prints the matched quotations whose speaker is wrong (project rule, see scoring.ts), grouped
 * by likely cause — most frequent first, with N examples each (default 3; all of one group with
 * --group). It prints gold text to the terminal only: keep its output out of the project.
 */
import { parseArgs } from 'node:util';
import { extractQuotations, type Quotation } from '../../src/ingest/quotes/index.js';
import { defaultGoldFile } from './gold.js';
import { readArticles } from './jsonl.js';
import { type GoldQuote, isUnnameable, matchSpans, speakerIsRight, speakerTokens } from './scoring.js';

interface GoldRecord extends GoldQuote {
  tags?: string[];
}

interface WrongSpeaker {
  gold: GoldRecord;
  mine: Quotation;
  /** The paragraph, and the one before it. */
  text: string;
  previous: string;
  /** The article's text before the quotation, from three paragraphs back. */
  context: string;
}

const pronoun = /^(?:he|she|it|they|i|we|you)$/i;

/** The likely cause of one wrong speaker. */
function causeOf(error: WrongSpeaker): string {
  const { gold, mine, text, previous } = error;
  const tags = new Set(gold.tags ?? []);
  const written = mine.speakerAsWritten?.trim() ?? null;
  const goldWords = [...speakerTokens(gold.speaker), ...speakerTokens(gold.speaker_resolved)];
  const goldInText = goldWords.some((word) => text.toLowerCase().includes(word));
  const goldBefore = goldWords.some((word) => previous.toLowerCase().includes(word));
  if (isUnnameable(gold)) return 'gold: unresolved pronoun, we named someone';
  if (gold.speaker && /^(?:said|says|told|according)\b/i.test(gold.speaker)) return 'gold: not a speaker';
  // A pronoun "resolved" to words of the quotation itself, or to nothing named before it.
  if (gold.speaker_resolved && pronoun.test(gold.speaker?.trim() ?? '')) {
    const resolvedWords = speakerTokens(gold.speaker_resolved);
    const quoted = text.slice(gold.start, gold.end).toLowerCase();
    if (resolvedWords.length > 0 && resolvedWords.every((word) => quoted.includes(word)))
      return 'gold: pronoun resolved to a name inside the quotation';
    if (!resolvedWords.some((word) => error.context.toLowerCase().includes(word)))
      return 'gold: pronoun resolved to a name not written before the quotation';
  }
  if (/^\p{Lu}[\p{Lu}.'’\- ]+:/u.test(text.slice(gold.start, gold.start + 40)) && written)
    return 'transcript label';
  const where = tags.has('speaker-outside-paragraph')
    ? 'speaker in another paragraph'
    : tags.has('speaker-far')
      ? 'speaker far in paragraph'
      : 'speaker near';
  const part = tags.has('partial') ? 'partial' : 'whole';
  if (mine.speaker === null) {
    if (written && pronoun.test(written)) return `null: pronoun "${written.toLowerCase()}" unresolved`;
    if (written) return 'null: phrase resolved to nothing';
    return `null: no attribution found (${where}, ${part}${goldInText ? '' : goldBefore ? ', gold in previous paragraph' : ', gold not in paragraph'})`;
  }
  if (written && pronoun.test(written))
    return `wrong: pronoun "${written.toLowerCase()}" resolved to wrong person`;
  if (
    written &&
    mine.speaker === written.replace(/^(?:The|A|An) /, (w) => w.toLowerCase()) &&
    /^\p{Ll}/u.test(mine.speaker)
  )
    return 'wrong: description kept as written';
  if (mine.cue === null && mine.partial) return 'wrong: partial quote given to clause subject';
  if (!written) return 'wrong: inherited from another quotation';
  if (written && !goldInText) return `wrong: named in sentence, gold elsewhere (${where})`;
  return `wrong: wrong phrase in sentence (${where}, ${part}${mine.cue ? '' : ', no cue'})`;
}

function show(error: WrongSpeaker): string {
  const { gold, mine, text } = error;
  const around = `${text.slice(Math.max(0, gold.start - 160), gold.start)}[[${text.slice(gold.start, gold.end)}]]${text.slice(gold.end, gold.end + 160)}`;
  return [
    `    gold ${JSON.stringify(gold.speaker)}${gold.speaker_resolved ? ` → ${JSON.stringify(gold.speaker_resolved)}` : ''} [${(gold.tags ?? []).join(' ')}]`,
    `    mine ${JSON.stringify(mine.speaker)} (as written ${JSON.stringify(mine.speakerAsWritten)}, cue ${JSON.stringify(mine.cue)}${mine.partial ? ', partial' : ''})`,
    `    prev …${error.previous.slice(-160).replace(/\n/g, ' ')}`,
    `    text ${around.replace(/\n/g, ' ')}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      gold: { type: 'string', default: defaultGoldFile },
      examples: { type: 'string', default: '3' },
      group: { type: 'string' },
    },
  });
  const groups = new Map<string, WrongSpeaker[]>();
  let matched = 0;
  for await (const article of readArticles(values.gold)) {
    const lines = article.filter((line) => line.ok);
    const mine = lines.map(() => [] as Quotation[]);
    for (const quote of extractQuotations(lines.map((line) => line.text))) mine[quote.paragraph]!.push(quote);
    lines.forEach((line, index) => {
      const gold = (line.record.quotes ?? []) as GoldRecord[];
      for (const [g, p] of matchSpans(gold, mine[index]!)) {
        matched += 1;
        if (speakerIsRight(p.speaker, g)) continue;
        const context = [
          ...lines.slice(Math.max(0, index - 3), index).map((other) => other.text),
          line.text.slice(0, g.start),
        ].join('\n');
        const error = { gold: g, mine: p, text: line.text, previous: lines[index - 1]?.text ?? '', context };
        const cause = causeOf(error);
        groups.set(cause, [...(groups.get(cause) ?? []), error]);
      }
    });
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length);
  const wrong = sorted.reduce((sum, [, errors]) => sum + errors.length, 0);
  console.log(`${wrong} wrong speakers among ${matched} matched quotations (project rule)\n`);
  const examples = Number.parseInt(values.examples, 10);
  for (const [cause, errors] of sorted) {
    if (values.group && !cause.includes(values.group)) continue;
    console.log(`${String(errors.length).padStart(4)}  ${cause}`);
    const shown = values.group ? errors : errors.slice(0, examples);
    for (const error of shown) console.log(show(error));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
