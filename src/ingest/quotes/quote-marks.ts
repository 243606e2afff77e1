/**
 * Finding quoted spans: pairs of quotation marks in the paragraphs of one article, in one pass.
 *
 * Double marks (" “ ” „ « » and the typewriter '') are the quotation marks; single marks (' ‘ ’)
 * are quotation marks only outside double ones (inside, they quote within the quotation and belong
 * to its words). A straight mark opens or closes by what stands either side of it; a mark that is
 * an apostrophe (don't, Putin's, the '90s) or an inch or foot sign (6'2", a 12" pipe) is none.
 * Pairs nest up to a small depth; an opener never closed is dropped — unless the paragraph ends
 * with it and the next paragraph opens again, the newspaper convention for a quotation that runs
 * on. Work is linear in the text: one scan, a bounded stack.
 */

import { workCounter } from './tokens.js';

type Family = 'double' | 'single';
type Role = 'open' | 'close' | 'either' | 'inch';

interface Mark {
  at: number;
  length: number;
  family: Family;
  role: Role;
  /** The character that closes a quotation this mark opens, when fixed („ closes with “). */
  closer?: string;
}

/** A pair of marks, or an opener left open at the end of its paragraph. */
export interface QuotedSpan {
  paragraph: number;
  /** Offset of the opening mark and of the end of the closing mark (paragraph end when open). */
  open: number;
  close: number;
  /** The quoted words, trimmed of spaces. */
  start: number;
  end: number;
  family: Family;
  /** Runs on into the next paragraph. */
  continues: boolean;
  /** Continues a quotation from the previous paragraph. */
  continued: boolean;
}

const maximumDepth = 3;
const elisions = /^(?:\d0s|\d\ds|em|til|cause|bout|n|tis|twas|s)\b/i;

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

function isWord(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Characters before an opening mark: a space, a bracket or a dash. */
function opensAfter(char: string | undefined): boolean {
  return isSpace(char) || /[([{—–―\-/:;,“‘„«"']/.test(char!);
}

/** Characters after a closing mark: a space, punctuation or a dash. */
function closesBefore(char: string | undefined): boolean {
  return isSpace(char) || /[.,;:!?)\]}—–―\-…”’»"']/.test(char!);
}

/** The role of a straight double mark from its neighbours. */
function straightDoubleRole(before: string | undefined, after: string | undefined): Role {
  if (before !== undefined && /\d/.test(before) && (isSpace(after) || isWord(after))) return 'inch';
  const canOpen = opensAfter(before) && !isSpace(after);
  const canClose = !isSpace(before) && closesBefore(after);
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  return 'either';
}

/** The role of a single mark (' ‘ ’) from its neighbours, or null when it is an apostrophe. */
function singleRole(char: string, text: string, at: number): Role | null {
  const before = text[at - 1];
  const after = text[at + 1];
  if (isWord(before) && isWord(after)) return null; // don't, Putin's, 6'2
  if (char !== '’' && opensAfter(before) && isWord(after)) {
    return elisions.test(text.slice(at + 1, at + 6)) ? null : 'open';
  }
  if (char === '‘') return isSpace(after) ? null : 'open';
  if (!isSpace(before) && closesBefore(after)) return 'close';
  return null;
}

/** Lexes the quotation marks of one paragraph, in order. */
function lexMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  // Jump from mark to mark: most characters are none.
  const anyMark = /["'“”„«»‘’]/g;
  for (let found = anyMark.exec(text); found; found = anyMark.exec(text)) {
    let at = found.index;
    const char = text[at]!;
    workCounter.units += 1;
    if (char === "'" && text[at + 1] === "'") {
      // A run of straight single marks: the typewriter double '' opens first or closes last.
      let end = at;
      while (text[end] === "'") end++;
      const run = end - at;
      const opening = opensAfter(text[at - 1]) && !isSpace(text[end]);
      const double = { length: 2, family: 'double' as const, role: (opening ? 'open' : 'close') as Role };
      if (opening) marks.push({ at, ...double });
      for (let k = opening ? 2 : 0; k < (opening ? run : run - 2); k++) {
        const role = singleRole("'", text, at + k);
        if (role) marks.push({ at: at + k, length: 1, family: 'single', role });
      }
      if (!opening) marks.push({ at: end - 2, ...double });
      at = end - 1;
      anyMark.lastIndex = end;
      continue;
    }
    switch (char) {
      case '"':
        marks.push({ at, length: 1, family: 'double', role: straightDoubleRole(text[at - 1], text[at + 1]) });
        break;
      case '“':
        marks.push({ at, length: 1, family: 'double', role: 'open', closer: '”' });
        break;
      case '”':
        marks.push({ at, length: 1, family: 'double', role: 'close' });
        break;
      case '„':
        marks.push({ at, length: 1, family: 'double', role: 'open', closer: '“”' });
        break;
      case '«':
        marks.push({ at, length: 1, family: 'double', role: 'open', closer: '»' });
        break;
      case '»':
        marks.push({ at, length: 1, family: 'double', role: 'close' });
        break;
      case "'":
      case '‘':
      case '’': {
        const role = singleRole(char, text, at);
        if (role) marks.push({ at, length: 1, family: 'single', role });
        break;
      }
    }
  }
  return marks;
}

interface Frame {
  mark: Mark;
  /** Spans closed inside this frame, promoted if it is never closed. */
  inner: QuotedSpan[];
}

function spanOf(text: string, paragraph: number, open: Mark, closeAt: number, closeEnd: number): QuotedSpan {
  let start = open.at + open.length;
  let end = closeAt;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return {
    paragraph,
    open: open.at,
    close: closeEnd,
    start,
    end,
    family: open.family,
    continues: false,
    continued: false,
  };
}

/** Whether a mark can close the frame: „ closes with “ or ”, « with », straight with straight. */
function closes(mark: Mark, frame: Frame, text: string): boolean {
  const opener = frame.mark;
  if (opener.closer) return opener.closer.includes(text[mark.at]!);
  return mark.role !== 'open';
}

/** Pairs the marks of one paragraph; returns the closed spans and the frames left open. */
function pairMarks(text: string, paragraph: number): { spans: QuotedSpan[]; open: Frame[] } {
  const spans: QuotedSpan[] = [];
  const stacks: Record<Family, Frame[]> = { double: [], single: [] };
  for (const mark of lexMarks(text)) {
    // Single marks inside a double quotation are part of its words.
    if (mark.family === 'single' && stacks.double.length > 0) continue;
    const stack = stacks[mark.family];
    const top = stack.at(-1);
    let role = mark.role;
    if (role === 'inch') {
      if (!top || isWord(text[mark.at + 1])) continue;
      role = 'close';
    }
    // “ opens, except after „ where it closes (the German „…“).
    if (mark.closer === '”') role = top && text[top.mark.at] === '„' ? 'close' : 'open';
    else if (role === 'either') role = top ? 'close' : 'open';
    const closing = top !== undefined && role !== 'open' && closes(mark, top, text);
    if (closing) {
      stack.pop();
      const span = spanOf(text, paragraph, top.mark, mark.at, mark.at + mark.length);
      const parent = stack.at(-1);
      if (parent) parent.inner.push(span);
      else if (span.end > span.start) spans.push(span);
    } else if (role !== 'close' && stack.length < maximumDepth) {
      stack.push({ mark: { ...mark, role: 'open' }, inner: [] });
    }
  }
  return { spans, open: [...stacks.double, ...stacks.single] };
}

/** Whether a paragraph begins (after spaces) with an opening quotation mark. */
function opensWithQuote(text: string | undefined): boolean {
  if (text === undefined) return false;
  const first = /\S/.exec(text);
  if (!first) return false;
  const mark = lexMarks(text.slice(first.index, first.index + 3))[0];
  return mark !== undefined && mark.at === 0 && mark.role !== 'close';
}

/**
 * The top-level quoted spans of an article's paragraphs, in order: nested quotations stay inside
 * their quotation's words; quotations running over paragraphs come as one span per paragraph.
 *
 * @example findQuotedSpans(['He said "yes."'])[0] // { paragraph: 0, start: 9, end: 13, ... }
 */
export function findQuotedSpans(paragraphs: readonly string[]): QuotedSpan[] {
  const all: QuotedSpan[] = [];
  let runningOn = false;
  paragraphs.forEach((text, paragraph) => {
    const { spans, open } = pairMarks(text, paragraph);
    const continuing = runningOn && opensWithQuote(text);
    runningOn = false;
    // The outermost opener left open runs on when the next paragraph opens again.
    const outer = open.find((frame) => frame.mark.family === 'double') ?? open[0];
    if (outer && opensWithQuote(paragraphs[paragraph + 1])) {
      const span = spanOf(text, paragraph, outer.mark, text.length, text.length);
      if (span.end > span.start) {
        spans.push({ ...span, continues: true });
        runningOn = true;
      }
    } else {
      // Never closed: what was paired inside it stands on its own.
      for (const frame of open) spans.push(...frame.inner);
      spans.sort((a, b) => a.open - b.open);
    }
    if (continuing && spans[0] && spans[0].open === /\S/.exec(text)!.index) spans[0].continued = true;
    all.push(...spans);
  });
  return all;
}

/** Whether an offset lies inside one of a paragraph's quoted spans (in order, not overlapping). */
export function insideSpan(spans: readonly QuotedSpan[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (offset <= span.open) high = middle - 1;
    else if (offset >= span.close) low = middle + 1;
    else return true;
  }
  return false;
}
