/** What the quotation extractor returns for each direct quotation of an article. */
export interface Quotation {
  /** Index of the paragraph the quotation's words are in. */
  paragraph: number;
  /** UTF-16 offsets of the quotation's words, without its marks, in that paragraph; end exclusive. */
  start: number;
  end: number;
  /** `paragraphs[paragraph].slice(start, end)`. */
  text: string;
  /**
   * The fullest name of the speaker the article gives ("Barack Obama", "the Kremlin press service"),
   * a description kept as written when it names nobody ("a senior official"), or null when it
   * cannot be told. Never a pronoun, never a guess.
   */
  speaker: string | null;
  /** The words that name the speaker in the text ("he", "the Russian leader", "Obama"). */
  speakerAsWritten: string | null;
  /** The speech cue: "said", "told", "according to", "said in a statement", "reads the statement"… */
  cue: string | null;
  /** A few quoted words inside a sentence, rather than whole quoted sentences. */
  partial: boolean;
  /** The quotation runs on into the next paragraph (no closing mark; the next one opens again). */
  continues?: boolean;
}
