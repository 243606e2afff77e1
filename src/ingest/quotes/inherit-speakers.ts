/**
 * Speakers carried over: a quotation with no attribution of its own takes the speaker of the one it
 * continues — the rest of its sentence, the sentence before it in its paragraph, the paragraph
 * before, or the paragraph it runs on from.
 */
import { type Attribution, attributionBefore } from './attribution.js';
import type { QuotedSpan } from './quote-marks.js';
import type { SpeakerResolver } from './resolve.js';
import { sentenceAt } from './tokens.js';

/** A quotation on its way to the result, with what its own sentence said of its speaker. */
export interface Draft {
  span: QuotedSpan;
  own: Attribution | null;
  speaker: string | null;
  asWritten: string | null;
  cue: string | null;
  partial: boolean;
  /** Shares a sentence with the quotation before it. */
  sameSentenceAsPrevious: boolean;
}

/** Gives quotations with no attribution of their own the speaker of the one they continue. */
export function inheritSpeakers(
  drafts: Draft[],
  paragraphs: readonly string[],
  startsOf: (paragraph: number) => readonly number[],
  resolver: SpeakerResolver,
): void {
  const copy = (to: Draft, from: Draft) => {
    to.speaker = from.speaker;
    to.asWritten = from.asWritten;
    to.cue = from.cue;
  };
  // A quotation running over paragraphs has one speaker, wherever its cue stands.
  for (let index = 0; index < drafts.length; index++) {
    let end = index;
    while (drafts[end]!.span.continues && drafts[end + 1]?.span.continued) end++;
    if (end === index) continue;
    const chain = drafts.slice(index, end + 1);
    const first = chain.find((draft) => draft.speaker !== null) ?? chain.find((draft) => draft.own !== null);
    // A transcript's label ("PENCE: …") speaks on until the next label; before any, the first cue.
    let source = first;
    for (const draft of chain) {
      if (draft.own && (draft.speaker !== null || draft.own.speaker)) source = draft;
      else if (!draft.own && source) copy(draft, source);
    }
    index = end;
  }
  drafts.forEach((draft, index) => {
    const previous = drafts[index - 1];
    // "… engage in “more listening” and “more learning”": a clause subject gives way to the speaker
    // of the quotation before it in the same sentence.
    const clauseOnly = draft.own?.side === 'clause';
    if (
      clauseOnly &&
      draft.sameSentenceAsPrevious &&
      previous?.own &&
      previous.own.side !== 'clause' &&
      previous.speaker
    ) {
      copy(draft, previous);
      return;
    }
    if (draft.speaker || draft.own?.speaker) return;
    const next = drafts[index + 1];
    const sameParagraph = (other: Draft | undefined) =>
      other !== undefined && other.span.paragraph === draft.span.paragraph;
    if (draft.sameSentenceAsPrevious && previous?.cue !== undefined && (previous.own || previous.speaker))
      copy(draft, previous);
    else if (next?.sameSentenceAsPrevious && next.own) copy(draft, next);
    else if (sameParagraph(previous) && previous!.speaker) copy(draft, previous!);
    else if (!draft.partial && sameParagraph(next) && next!.own?.side === 'after' && next!.speaker)
      copy(draft, next!);
    else if (!draft.partial && !sameParagraph(previous)) {
      const { paragraph, open } = draft.span;
      const starts = startsOf(paragraph);
      const sentence = sentenceAt(starts, open);
      if (/\p{L}/u.test(paragraphs[paragraph]!.slice(starts[sentence], open))) return;
      if (sentence > 0) {
        // "…, Schiff said. “…”": a sentence of the paragraph that names who speaks on.
        inheritFromText(
          draft,
          paragraphs[paragraph]!,
          paragraph,
          starts[sentence - 1]!,
          starts[sentence]!,
          resolver,
        );
      } else if (paragraph > 0) {
        // A paragraph that opens with a quotation goes on with the speaker of the paragraph before.
        const before = previous?.span.paragraph === paragraph - 1 ? previous : undefined;
        const text = paragraphs[paragraph - 1]!;
        if (before?.speaker) copy(draft, before);
        else
          inheritFromText(
            draft,
            text,
            paragraph - 1,
            startsOf(paragraph - 1).at(-1) ?? 0,
            text.length,
            resolver,
          );
      }
    }
  });
}

/** "… Ms Doe said:" or "Ms Doe said the plan would fail." in the sentence before a quotation. */
function inheritFromText(
  draft: Draft,
  text: string,
  paragraph: number,
  from: number,
  to: number,
  resolver: SpeakerResolver,
): void {
  const attribution = attributionBefore(text, from, to);
  if (!attribution?.speaker || attribution.side !== 'before' || !attribution.cue) return;
  const resolved = resolver.resolve(attribution.speaker.text, {
    paragraph,
    offset: attribution.speaker.start,
  });
  draft.speaker = resolved.speaker;
  draft.asWritten = attribution.speaker.text;
  draft.cue = attribution.cue;
}
