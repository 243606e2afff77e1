/**
 * Who an article talks about: the persons and institutions it names, linked across mentions
 * ("Vladimir Putin" … "Putin" … "Mr. Putin"), where each is mentioned, and (when a description
 * must be resolved) the roles and nationalities it gives them.
 *
 * Everything is found lazily, because most of an article is never asked about: names are read
 * only in the sentences a pronoun looks back through; a surname met alone is looked up where
 * the article writes that word (a plain string search) to find the full name and sex; the whole
 * article is read for roles only when a description ("the Russian leader") needs resolving.
 */
import { ArticleWords } from './article-words.js';
import { prepositions } from './lexicon.js';
import { findNames, type NameMention } from './mentions.js';
import type { Gender, NameKnowledge } from './name-knowledge.js';
import { type Entity, PersonIndex, placeKey } from './persons.js';
import { insideSpan, type QuotedSpan } from './quote-marks.js';
import { rolesCompatible, wordsGiving } from './roles.js';
import { sentenceAt, sentenceStarts } from './tokens.js';

export type { Entity } from './persons.js';

export interface PlacedMention {
  /** Who is named; null for a pronoun. */
  entity: Entity | null;
  /** The name as written, for a name. */
  name?: NameMention;
  /** The sex of a subject pronoun ("he", "she"), whose own antecedent is its referent. */
  pronoun: Gender | null;
  /** The sex of a person the article describes but does not name ("the woman"). */
  unnamed: Gender | null;
  paragraph: number;
  start: number;
  end: number;
  inQuote: boolean;
  /** Modifies a noun ("Trump campaign"): never a pronoun's antecedent. */
  modifier: boolean;
  /** Follows a preposition ("loyalists to Joe Biden"): an antecedent only when no subject is. */
  object: boolean;
}

/** A place in the article: paragraph and offset. */
export interface Place {
  paragraph: number;
  offset: number;
}

/**
 * Paragraphs, and sentences, looked back through for a pronoun's antecedent: its own paragraph
 * and the one before. Further back it is a guess — on PolNeAR dev a person found two or more
 * paragraphs back agreed with the annotators' resolution in 6 of 16 cases — and the speaker is
 * left null.
 */
const pronounReach = 1;
const sentenceReach = 12;
/**
 * Sentences a pronoun reaches back for a name on its own: its sentence and the two before. Further
 * back only a chain carries the person on, a pronoun in every sentence or the one after it
 * ("Voss opened the port. He said… He added… “…,” he said."). A name further back with sentences
 * between that do not refer to anyone so is a guess: on PolNeAR dev, 4 of the 17 names found so
 * agreed with the annotators' resolution.
 */
export const nameReach = 2;
/** Pronouns followed back to pronouns before them, at most. */
const chainDepth = 1;

const subjectPronoun = /\b(?:[Hh]e|[Ss]he)\b(?!['’])/g;
const femaleNouns = new Set([
  'woman',
  'mother',
  'wife',
  'girl',
  'daughter',
  'lady',
  'sister',
  'widow',
  'grandmother',
]);
const unnamedPerson =
  /\b(?:[Tt]he|[Aa]|[Tt]his|[Tt]hat)\s+(?:[\p{Ll}-]+\s+){0,2}?(woman|man|mother|father|wife|husband|girl|boy|daughter|son|lady|sister|brother|widow|grandmother|grandfather)\b(?!\s+(?:who|whom|whose)\b)/gu;
/** A preposition, then capitalised words (titles, first names) up to the name. */
const prepositionBefore = new RegExp(
  String.raw`\b(?:${[...prepositions].join('|')})\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$`,
  'u',
);

export class ArticleModel {
  /** Where the article writes a word; words it writes in lower case somewhere. */
  readonly lowerWords: ArticleWords;
  private readonly persons: PersonIndex;
  private readonly starts: Array<number[] | undefined> = [];
  private readonly spansByParagraph = new Map<number, QuotedSpan[]>();
  private readonly mentionsBySentence = new Map<number, PlacedMention[]>();
  /** The persons named in a sentence, with roles: read only for descriptions. */
  private readonly rolesBySentence = new Map<number, Entity[]>();

  constructor(
    readonly paragraphs: readonly string[],
    spans: readonly QuotedSpan[],
    readonly knowledge: NameKnowledge,
  ) {
    for (const span of spans) {
      const list = this.spansByParagraph.get(span.paragraph);
      if (list) list.push(span);
      else this.spansByParagraph.set(span.paragraph, [span]);
    }
    const words = new ArticleWords(paragraphs);
    this.lowerWords = words;
    this.persons = new PersonIndex(paragraphs, knowledge, words);
  }

  /** Sentence starts of a paragraph, computed once. */
  sentenceStartsOf(paragraph: number): number[] {
    let found = this.starts[paragraph];
    if (!found) {
      found = sentenceStarts(this.paragraphs[paragraph]!);
      this.starts[paragraph] = found;
    }
    return found;
  }

  /**
   * How many sentences back `earlier` is from `later`: 0 in the same sentence; Infinity more than
   * a paragraph back (the reach of a pronoun).
   */
  sentencesBack(earlier: Place, later: Place): number {
    const gap = later.paragraph - earlier.paragraph;
    if (gap < 0 || gap > pronounReach) return Number.POSITIVE_INFINITY;
    const to = {
      paragraph: later.paragraph,
      sentence: sentenceAt(this.sentenceStartsOf(later.paragraph), later.offset),
    };
    let { paragraph } = earlier;
    let sentence = sentenceAt(this.sentenceStartsOf(paragraph), earlier.offset);
    const quoted = this.quotationClosingAt(later);
    let counted = 0;
    // The sentences of the quotation attributed at `later` count for nothing (see
    // insideQuotation); the walk is bounded all the same.
    for (let steps = 0; paragraph < to.paragraph || sentence < to.sentence; steps++) {
      if (steps > sentenceReach * 4) return Number.POSITIVE_INFINITY;
      sentence += 1;
      if (sentence >= this.sentenceStartsOf(paragraph).length) {
        paragraph += 1;
        sentence = 0;
      }
      if (!this.insideQuotation(quoted, paragraph, sentence)) counted += 1;
    }
    return counted;
  }

  /** The names in one sentence of a paragraph, linked to entities, found once. */
  private mentionsIn(paragraph: number, sentence: number): PlacedMention[] {
    const cacheKey = placeKey(paragraph, sentence);
    let placed = this.mentionsBySentence.get(cacheKey);
    if (placed) return placed;
    placed = [];
    const text = this.paragraphs[paragraph]!;
    const starts = this.sentenceStartsOf(paragraph);
    const from = starts[sentence]!;
    const to = starts[sentence + 1] ?? text.length;
    const spans = this.spansByParagraph.get(paragraph) ?? [];
    for (const mention of findNames(text, this.knowledge, this.lowerWords, from, to)) {
      const entity = this.persons.entityOf(mention, placeKey(paragraph, mention.start));
      if (!entity) continue;
      placed.push({
        entity,
        name: mention,
        pronoun: null,
        unnamed: null,
        paragraph,
        start: mention.start,
        end: mention.end,
        inQuote: insideSpan(spans, mention.start),
        modifier: mention.modifier,
        object: prepositionBefore.test(text.slice(Math.max(from, mention.start - 60), mention.start)),
      });
    }
    // Read in the sentence alone, so a paragraph of a thousand sentences is read once in all.
    const sentenceText = text.slice(from, to);
    for (const match of sentenceText.matchAll(subjectPronoun)) {
      const start = from + match.index;
      if (insideSpan(spans, start)) continue;
      placed.push({
        entity: null,
        pronoun: match[0].toLowerCase() === 'he' ? 'm' : 'f',
        unnamed: null,
        paragraph,
        start,
        end: start + match[0].length,
        inQuote: false,
        modifier: false,
        object: false,
      });
    }
    // "The woman": someone the article does not name, whom a later "she" may mean.
    for (const match of sentenceText.matchAll(unnamedPerson)) {
      const start = from + match.index;
      if (insideSpan(spans, start)) continue;
      placed.push({
        entity: null,
        pronoun: null,
        unnamed: femaleNouns.has(match[1]!.toLowerCase()) ? 'f' : 'm',
        paragraph,
        start,
        end: start + match[0].length,
        inQuote: false,
        modifier: false,
        object: prepositionBefore.test(text.slice(Math.max(from, start - 60), start)),
      });
    }
    placed.sort((a, b) => a.start - b.start);
    this.mentionsBySentence.set(cacheKey, placed);
    return placed;
  }

  /**
   * The person or institution a name written at a place refers to: the person the article names
   * in full with that surname (or those words), else the institution of that name.
   */
  entityNamed(mention: NameMention, at: Place): Entity | null {
    return this.persons.entityOf(mention, placeKey(at.paragraph, at.offset));
  }

  /**
   * The person a mention names, if of a sex compatible with `gender`: "Cruz" for "he" is the
   * Cruz the article names who is a man, when it names his wife Heidi Cruz too.
   */
  private personOfSex(mention: PlacedMention, gender: Gender): Entity | null {
    const entity = mention.entity;
    if (entity?.kind !== 'person') return null;
    if ((entity.gender ?? gender) === gender) return entity;
    if (!mention.name || mention.name.words.length > 1) return null;
    const other = this.persons.personNamed(
      { ...mention.name, gender },
      placeKey(mention.paragraph, mention.start),
    );
    return other && (other.gender ?? gender) === gender ? other : null;
  }

  /**
   * The person a pronoun at a place refers to: sentence by sentence back from it, the first person
   * (left to right, as a subject comes first) of a compatible sex, not counting names inside
   * quotations; null when none is near (see `nameReach`).
   */
  antecedent(gender: Gender, at: Place): Entity | null {
    let paragraph = at.paragraph;
    let sentence = sentenceAt(this.sentenceStartsOf(paragraph), at.offset);
    // Only mentions before this offset count in the sentence being read.
    let limit = at.offset;
    let hops = 0;
    let floor = at.paragraph - pronounReach;
    let hopParagraph = at.paragraph;
    // Sentences back (those of the quotation the pronoun attributes are none), to the last
    // pronoun of the chain, and the widest gap between two links.
    const quoted = this.quotationClosingAt(at);
    let distance = 0;
    let linked = 0;
    let widestGap = 0;
    // Bounded both ways, so a paragraph of a thousand sentences costs no more per pronoun; a
    // pronoun met on the way back only moves the reading point, it does not widen the window.
    for (let looked = 0; looked <= sentenceReach; ) {
      const candidates = this.mentionsIn(paragraph, sentence).filter(
        (mention) =>
          !mention.inQuote &&
          !mention.modifier &&
          mention.start < limit &&
          (mention.pronoun === gender ||
            mention.unnamed === gender ||
            this.personOfSex(mention, gender) !== null),
      );
      // Subjects before objects: "Fowler said loyalists to Joe Biden would fight. He added…" is Fowler.
      const chosen = candidates.find((mention) => !mention.object) ?? candidates[0];
      if (chosen?.entity) {
        widestGap = Math.max(widestGap, distance - linked);
        return distance <= nameReach || widestGap <= 1 ? this.personOfSex(chosen, gender) : null;
      }
      // "The woman… she said": someone the article does not name.
      if (chosen?.unnamed) return null;
      // "He" before it means whom that "he" means: "Miller spoke. He could not say why Ivanka Trump…"
      if (chosen) {
        // Hops within a paragraph are free; across paragraphs, few ("He … He … he said" is one person).
        if (paragraph !== hopParagraph && ++hops > chainDepth) return null;
        hopParagraph = paragraph;
        widestGap = Math.max(widestGap, distance - linked);
        linked = distance;
        limit = chosen.start;
        // The reach runs from the pronoun met: "he" in each paragraph carries the person on.
        floor = Math.min(floor, paragraph - pronounReach);
        continue;
      }
      looked += 1;
      limit = Number.POSITIVE_INFINITY;
      sentence -= 1;
      if (sentence < 0) {
        paragraph -= 1;
        if (paragraph < 0 || paragraph < floor) break;
        sentence = this.sentenceStartsOf(paragraph).length - 1;
      }
      if (!this.insideQuotation(quoted, paragraph, sentence)) distance += 1;
    }
    return null;
  }

  /** The quotation a pronoun or cue at a place attributes: the one closing right before it. */
  private quotationClosingAt(at: Place): QuotedSpan | undefined {
    const spans = this.spansByParagraph.get(at.paragraph) ?? [];
    // The last one closing at or before the place (spans are in order): one look, however many.
    let found: QuotedSpan | undefined;
    for (let low = 0, high = spans.length - 1; low <= high; ) {
      const middle = (low + high) >> 1;
      if (spans[middle]!.close <= at.offset) {
        found = spans[middle];
        low = middle + 1;
      } else high = middle - 1;
    }
    if (!found || at.offset - found.close > 8) return undefined;
    const between = this.paragraphs[at.paragraph]!.slice(found.close, at.offset);
    return /^[\s,;:—–-]*$/u.test(between) ? found : undefined;
  }

  /**
   * Whether a sentence lies wholly inside the quotation a pronoun attributes: its words put no
   * distance between the pronoun and the narrative it refers back to ("Voss spoke. “A. B. C,” he
   * said."); other quotations' sentences do.
   */
  private insideQuotation(span: QuotedSpan | undefined, paragraph: number, sentence: number): boolean {
    if (span?.paragraph !== paragraph) return false;
    const text = this.paragraphs[paragraph]!;
    const starts = this.sentenceStartsOf(paragraph);
    const from = starts[sentence]!;
    const to = from + text.slice(from, starts[sentence + 1] ?? text.length).trimEnd().length;
    return span.open <= from && to <= span.close;
  }

  /**
   * The persons named in the sentences where the article writes one of `words`, with the roles
   * and nationalities it gives them there; each sentence read once.
   */
  private personsWithRoles(words: Iterable<string>): Set<Entity> {
    const persons = new Set<Entity>();
    for (const word of words) {
      for (const { paragraph, offset } of this.lowerWords.places(word)) {
        const starts = this.sentenceStartsOf(paragraph);
        const sentence = sentenceAt(starts, offset);
        const key = placeKey(paragraph, sentence);
        let found = this.rolesBySentence.get(key);
        if (!found) {
          found = [];
          const text = this.paragraphs[paragraph]!;
          const to = starts[sentence + 1] ?? text.length;
          for (const mention of findNames(
            text,
            this.knowledge,
            this.lowerWords,
            starts[sentence],
            to,
            true,
          )) {
            if (mention.kind !== 'person') continue;
            const entity = this.persons.personNamed(mention, placeKey(paragraph, mention.start));
            if (!entity) continue;
            for (const role of mention.roles) entity.roles.add(role);
            for (const nation of mention.nations) entity.nations.add(nation);
            found.push(entity);
          }
          this.rolesBySentence.set(key, found);
        }
        for (const entity of found) persons.add(entity);
      }
    }
    return persons;
  }

  /**
   * The one person the article gives a role (and nationality) compatible with a description
   * ("the Russian leader" → the person named as Russian president); null when none or several.
   */
  described(role: string, nationsWanted: readonly string[]): Entity | null {
    const matches = [...this.personsWithRoles(wordsGiving(role))].filter(
      (entity) =>
        [...entity.roles].some((known) => rolesCompatible(role, known)) &&
        nationsWanted.every((nation) => entity.nations.has(nation)),
    );
    return matches.length === 1 ? matches[0]! : null;
  }
}
