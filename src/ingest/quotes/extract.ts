/**
 * extractQuotations: the direct quotations of one article and who said them.
 *
 * Quotation marks are paired first (quote-marks.ts). Each quotation's own sentence is read for a
 * speech cue and the words naming its speaker: after it (attribution-after.ts — including "…?”
 * Trump said." where the question mark does not end the sentence), else before it
 * (attribution.ts), taking the outer of nested reports ("X said that Y called it “…”" is X's,
 * "according to X, Y said “…”" X's). A quotation with none takes the speaker of the quotation it
 * continues — the rest of its sentence, the sentence before it in its paragraph, the paragraph
 * before, the paragraph it runs on from. Names, pronouns, descriptions and documents are then
 * resolved (resolve.ts) against what the article says, read lazily (discourse.ts, persons.ts):
 * only the sentences a pronoun looks back through, only the places a surname is written. Short
 * quoted words with no cue anywhere near are scare quotes or titles, not quotations.
 */
import { agreesInNumber } from './agreement.js';
import {
  type Attribution,
  attributionAfter,
  attributionBefore,
  clauseSubject,
  labelInside,
} from './attribution.js';
import { ArticleModel } from './discourse.js';
import { type Draft, inheritSpeakers } from './inherit-speakers.js';
import { compromiseKnowledge, type NameKnowledge } from './name-knowledge.js';
import { placeKey } from './persons.js';
import { findQuotedSpans, type QuotedSpan } from './quote-marks.js';
import { SpeakerResolver } from './resolve.js';
import { sentenceAt } from './tokens.js';
import type { Quotation } from './types.js';

export interface ExtractOptions {
  /** What is known about name words; compromise's lexicon unless told otherwise. */
  knowledge?: NameKnowledge;
}

/** Quotations of this many words or fewer with no speech cue are scare quotes or titles. */
const scareQuoteWords = 4;
const anyQuoteMark = /["“”„«»'‘’]/;

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

const smallWords = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'to',
  'for',
  'at',
  'by',
  'is',
  'it',
]);
const titleBefore =
  /(?:['’]s|\b(?:on|episode of|book|books|titled|anthem|song|album|program|programme|show|series|column),?)\s*$/iu;
const titleAfter =
  /^[\s,.]*(?:program|programme|show|forum|radio|series|podcast|album|song|event|segment)\b/iu;

/**
 * Whether quoted words name a show, a book or a song rather than quote anyone: a few words in
 * title case written where a title stands (after "on", a possessive or "titled", before "show" or
 * "program"): "on Fox News’s “Fox and Friends.”", "his “Keepin' It Real” radio program".
 */
function isTitle(text: string, span: QuotedSpan): boolean {
  const words = text
    .slice(span.start, span.end)
    .replace(/[.,!?;:]+$/u, '')
    .split(/\s+/u)
    .filter(Boolean);
  if (words.length < 2 || words.length > 7) return false;
  const titleCase = words.every(
    (word, k) => /^[\p{Lu}\d(]/u.test(word) || (k > 0 && smallWords.has(word.toLowerCase())),
  );
  if (!titleCase) return false;
  return (
    titleBefore.test(text.slice(Math.max(0, span.open - 24), span.open)) ||
    titleAfter.test(text.slice(span.close, span.close + 24))
  );
}

/** Whether nothing but spaces, commas and a cue separates two quotations: one sentence. */
function sameSentence(text: string, before: QuotedSpan, after: QuotedSpan): boolean {
  const between = text.slice(before.close, after.open);
  if (/[.!?…]["”’)]*\s/.test(between)) return false;
  // “…it.”  Check out the trailer: the full stop inside the marks ended the sentence.
  const endsSentence = /[.!?…]$/.test(text.slice(before.start, before.end));
  if (endsSentence && /^\s+["“‘(]?\p{Lu}/u.test(between)) return false;
  return !(between.trim() === '' && /[.!?…]$/.test(text.slice(before.start, before.end)));
}

/**
 * The outermost of nested attributions before a quotation: "Trump said that Clinton once called
 * it “the gold standard”" is Trump's attribution; "According to the Post, Lund said “…”" the Post's.
 */
function outermost(text: string, from: number, found: Attribution | null): Attribution | null {
  let outer = found;
  for (let hops = 0; outer?.speaker && hops < 3; hops++) {
    const further = attributionBefore(text, from, outer.speaker.start);
    if (!further?.speaker) break;
    // Only a report of a report, "X said that Y…", "X pointed to reports that Y…", or "according
    // to X": not "When X noted that…, Y boasted".
    const between = text.slice(further.speaker.end, outer.speaker.start);
    // "X said that Y …", or "X said Y …" with the "that" left out.
    const embedded =
      /\b(?:that|what)\s*$/.test(between) ||
      /^(?:that|what)\s/i.test(outer.speaker.text) ||
      (further.cue !== null &&
        between.trimEnd().toLowerCase().endsWith(` ${further.cue}`) &&
        !/[.;:!?"“”,]/.test(between));
    if (further.cue !== 'according to' && !embedded) break;
    outer = further;
  }
  return outer;
}

/** Finds the attribution of a quotation in its own sentence. */
function ownAttribution(
  text: string,
  span: QuotedSpan,
  previous: QuotedSpan | undefined,
  next: QuotedSpan | undefined,
  starts: readonly number[],
): Attribution | null {
  const label = labelInside(text, span.start, span.end);
  if (label) return label;
  if (!span.continues) {
    // The sentence the closing mark is in: a full stop inside the marks may end it…
    const sentence = sentenceAt(starts, span.close - 1);
    const sentenceEnd = starts[sentence + 1] ?? text.length;
    const limit = next?.open ?? text.length;
    const after = attributionAfter(text, span.close, Math.min(sentenceEnd, limit));
    if (after) return after;
    // …but not a question or exclamation mark before an attribution that closes the sentence:
    // "“Who would have believed it?” Trump said." (unlike "…escapades.” The agency said it…").
    if (
      sentenceEnd <= span.close + 2 &&
      sentenceEnd < limit &&
      /[?!…—–-]$/.test(text.slice(span.start, span.end))
    ) {
      const closing = attributionAfter(
        text,
        span.close,
        Math.min(starts[sentence + 2] ?? text.length, limit),
        true,
      );
      if (closing) return closing;
    }
  }
  const sentenceStart = starts[sentenceAt(starts, span.open)]!;
  const from = Math.max(sentenceStart, previous?.paragraph === span.paragraph ? previous.close : 0);
  if (span.continued) return null;
  const before = outermost(text, from, attributionBefore(text, from, span.open));
  if (before?.speaker || from === span.open || !/\p{L}/u.test(text.slice(from, span.open))) return before;
  if (before) return before;
  // Quoted words inside a clause with no speech verb: the clause's subject says them.
  return clauseSubject(text, sentenceStart, span.open);
}

function isPartial(text: string, span: QuotedSpan, starts: readonly number[]): boolean {
  const sentenceStart = starts[sentenceAt(starts, span.open)]!;
  const before = text.slice(sentenceStart, span.open).trim();
  const opensSentence = before === '' || /[:,—–]$/.test(before);
  return !(opensSentence && /^[\p{Lu}\p{N}'‘"“]/u.test(text.slice(span.start, span.end)));
}

/**
 * The direct quotations of an article, given its paragraphs in order, with their speakers.
 *
 * @example extractQuotations(['"We will win," Jane Doe said.'])[0].speaker // 'Jane Doe'
 */
export function extractQuotations(paragraphs: readonly string[], options: ExtractOptions = {}): Quotation[] {
  if (!paragraphs.some((text) => anyQuoteMark.test(text))) return [];
  const spans = findQuotedSpans(paragraphs);
  if (spans.length === 0) return [];
  const knowledge = options.knowledge ?? compromiseKnowledge();
  const model = new ArticleModel(paragraphs, spans, knowledge);
  const resolver = new SpeakerResolver(model);
  const starts = (paragraph: number) => model.sentenceStartsOf(paragraph);

  const notSubjects = new Set<number>();
  const drafts: Draft[] = spans.map((span, index) => {
    const text = paragraphs[span.paragraph]!;
    const previous = spans[index - 1]?.paragraph === span.paragraph ? spans[index - 1] : undefined;
    const next = spans[index + 1]?.paragraph === span.paragraph ? spans[index + 1] : undefined;
    const found = ownAttribution(text, span, previous, next, starts(span.paragraph));
    // "Preys on old grudges and calls rivals “…” and “…”": a plural word before a singular verb
    // is not its subject, nor the subject of the clause the next quotation is in.
    const at = (offset: number) => placeKey(span.paragraph, offset);
    const disagrees =
      found?.speaker &&
      (notSubjects.has(at(found.speaker.start)) || !agreesInNumber(found.speaker.text, found.cue, knowledge));
    if (disagrees) notSubjects.add(at(found.speaker!.start));
    const own = disagrees ? { ...found, speaker: null } : found;
    let speaker: string | null = null;
    if (own?.speaker) {
      const place = { paragraph: span.paragraph, offset: own.speaker.start };
      const resolved = resolver.resolve(own.speaker.text, place, own.side !== 'clause');
      speaker = resolved.speaker;
      if (resolved.institution && speaker) resolver.noteIssuer(speaker, place);
    } else if (own?.cue && /statement|report|readout/.test(own.cue)) {
      // "…,” said in a statement.": the issuer's, who is quoted here and so carried on.
      const place = { paragraph: span.paragraph, offset: span.close };
      speaker = resolver.resolve('it', place).speaker;
      if (speaker) resolver.noteIssuer(speaker, place);
    }
    return {
      span,
      own,
      speaker,
      asWritten: own?.speaker?.text ?? null,
      cue: own?.cue ?? null,
      partial: isPartial(text, span, starts(span.paragraph)),
      sameSentenceAsPrevious: previous !== undefined && sameSentence(text, previous, span),
    };
  });

  inheritSpeakers(drafts, paragraphs, starts, resolver);

  const quotations: Quotation[] = [];
  drafts.forEach((draft, index) => {
    const { span } = draft;
    const cued = (other: Draft | undefined) => other?.own != null && other.own.side !== 'clause';
    const sentenceHasCue =
      cued(draft) ||
      (draft.sameSentenceAsPrevious && cued(drafts[index - 1])) ||
      (drafts[index + 1]?.sameSentenceAsPrevious === true && cued(drafts[index + 1]));
    const paragraphText = paragraphs[span.paragraph]!;
    const text = paragraphText.slice(span.start, span.end);
    if (!/\p{L}/u.test(text) || isTitle(paragraphText, span)) return;
    if (
      !sentenceHasCue &&
      !span.continues &&
      !span.continued &&
      wordCount(text) <= scareQuoteWords &&
      draft.partial
    )
      return;
    const quotation: Quotation = {
      paragraph: span.paragraph,
      start: span.start,
      end: span.end,
      text,
      speaker: draft.speaker,
      speakerAsWritten: draft.asWritten,
      cue: draft.cue,
      partial: draft.partial,
    };
    if (span.continues) quotation.continues = true;
    quotations.push(quotation);
  });
  return quotations;
}
