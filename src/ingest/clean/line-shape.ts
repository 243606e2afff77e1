/**
 * The shape of a line of scraped text, as the cleaning rules read it: its words, whether it ends a
 * sentence, whether it is a bare URL.
 */

const terminalPunctuation = /[.!?…]$/u;
/** Closing quotes and brackets that may follow a sentence's final punctuation. */
export const closingMarks = /[”’"'»)\]]+$/u;

export function words(line: string): string[] {
  return line.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word));
}

/** Whether a line ends a sentence: '.', '!', '?' or '…', possibly inside closing quotes. */
export function endsSentence(line: string): boolean {
  return terminalPunctuation.test(line.replace(closingMarks, ''));
}

export function isUrlLine(line: string): boolean {
  return /^(?:https?:\/\/|www\.)\S+$/iu.test(line);
}
