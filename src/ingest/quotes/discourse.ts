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
import { ArticleWords } from './article-words';
import { roleNouns, rolesCompatible, titles } from './lexicon';
import { findNames, type NameMention, nameAround, type WordCheck } from './mentions';
import type { Gender, NameKnowledge } from './name-knowledge';
import type { QuotedSpan } from './quote-marks';
import { sentenceAt, sentenceStarts } from './tokens';

export interface Entity {
  kind: 'person' | 'institution';
  /** The fullest name the article gives. */
  name: string;
  words: string[];
  gender: Gender | null;
  roles: Set<string>;
  nations: Set<string>;
}

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
// biome-ignore format: a word list
const prepositions = [
  'to', 'of', 'with', 'for', 'by', 'about', 'against', 'from', 'at', 'on', 'in', 'than', 'toward', 'towards',
  'like', 'including', 'over', 'under', 'between', 'among', 'after', 'before', 'into', 'upon', 'via', 'versus',
  'behind', 'beside', 'near', 'alongside',
];
/** A preposition, then capitalised words (titles, first names) up to the name. */
const prepositionBefore = new RegExp(
  String.raw`\b(?:${prepositions.join('|')})\s+(?:\p{Lu}[\p{L}.'’-]*\s+)*$`,
  'u',
);

function placeKey(paragraph: number, offset: number): number {
  return paragraph * 1e8 + offset;
}

/** A person the article names in full: first name, where, the fullest form, the sex it gives. */
interface FullName {
  given: string;
  /** Place keys, in order. */
  keys: number[];
  fullest: NameMention;
  gender: Gender | null;
}

/** What the article writes wherever it writes one capitalised word. */
interface NameSummary {
  /** The persons named in full with it as surname. */
  full: FullName[];
  /** Somewhere it stands alone as a name someone is sure of. */
  sureAlone: boolean;
  /** The sex a title gives it alone ("Mrs. Clinton"). */
  singleGender: Gender | null;
  /** Where it stands alone as a name, with the sex a title gives it there. */
  alone: Array<{ key: number; gender: Gender | null }>;
  /** The persons named in full with it as first name, by surname. */
  asFirstName: Map<string, NameMention>;
}

/** Whether an offset lies inside one of a paragraph's quoted spans (in order, not overlapping). */
function insideSpan(spans: readonly QuotedSpan[], offset: number): boolean {
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

/** The last key at or before `key` in sorted `keys`, or -1. */
function latestBefore(keys: readonly number[], key: number): number {
  let low = 0;
  let high = keys.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (keys[middle]! <= key) {
      found = keys[middle]!;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

const givingRoles = new Map<string, string[]>();

/** The words that give a role compatible with `role` (titles, role nouns, heads of compound roles). */
function wordsGiving(role: string): string[] {
  let words = givingRoles.get(role);
  if (!words) {
    const found = new Set<string>();
    for (const [word, given] of titles) if (given && rolesCompatible(role, given)) found.add(word);
    for (const word of roleNouns) if (rolesCompatible(role, word)) found.add(word);
    // Compound roles are made of a head word: 'press secretary', 'prime minister', 'vice president'.
    for (const compound of [
      'press secretary',
      'secretary of state',
      'prime minister',
      'foreign minister',
      'vice president',
    ])
      if (rolesCompatible(role, compound))
        found.add(compound.split(' ').at(compound.includes(' of ') ? 0 : -1)!);
    words = [...found];
    givingRoles.set(role, words);
  }
  return words;
}

export class ArticleModel {
  /** Words the article writes in lower case somewhere, checked word by word. */
  readonly lowerWords: WordCheck;
  private readonly words: ArticleWords;
  private readonly summaries = new Map<string, NameSummary>();
  private readonly starts: Array<number[] | undefined> = [];
  private readonly spansByParagraph = new Map<number, QuotedSpan[]>();
  private readonly mentionsBySentence = new Map<number, PlacedMention[]>();
  private readonly entityByKey = new Map<string, Entity>();
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
    this.words = new ArticleWords(paragraphs);
    this.lowerWords = this.words;
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

  /** What the article writes wherever it writes a word with a capital, summed up once. */
  private summary(word: string): NameSummary {
    let found = this.summaries.get(word);
    if (found) return found;
    found = { full: [], sureAlone: false, singleGender: null, alone: [], asFirstName: new Map() };
    const byFirst = new Map<string, FullName>();
    for (const { paragraph, offset } of this.words.places(word)) {
      const text = this.paragraphs[paragraph]!;
      if (text[offset] === text[offset]!.toLowerCase()) continue;
      const other = nameAround(text, offset, this.knowledge, this.lowerWords);
      if (other?.kind !== 'person') continue;
      const key = placeKey(paragraph, offset);
      if (other.words.length >= 2 && other.words[0] === word && other.words.at(-1) !== word)
        found.asFirstName.set(other.words.at(-1)!, other);
      if (other.words.at(-1) !== word) continue;
      if (other.words.length < 2) {
        found.sureAlone ||= other.sure && !other.opener;
        found.singleGender ??= other.gender;
        found.alone.push({ key, gender: other.gender });
        continue;
      }
      const known = byFirst.get(other.words[0]!);
      if (!known) {
        const full = { given: other.words[0]!, keys: [key], fullest: other, gender: other.gender };
        byFirst.set(full.given, full);
        found.full.push(full);
      } else {
        known.keys.push(key);
        known.gender ??= other.gender;
        if (other.words.length > known.fullest.words.length) known.fullest = other;
      }
    }
    this.summaries.set(word, found);
    return found;
  }

  private entity(key: string, mention: NameMention, kind: Entity['kind']): Entity {
    let entity = this.entityByKey.get(key);
    if (!entity) {
      entity = {
        kind,
        name: mention.name,
        words: mention.words,
        gender: null,
        roles: new Set(),
        nations: new Set(),
      };
      this.entityByKey.set(key, entity);
      if (kind === 'person') entity.gender = this.genderOf(mention.words);
    } else if (mention.words.length > entity.words.length) {
      entity.name = mention.name;
      entity.words = mention.words;
    }
    return entity;
  }

  /** The sex the article gives a person: a title or a given name anywhere it names them. */
  private genderOf(words: readonly string[]): Gender | null {
    const summary = this.summary(words.at(-1)!);
    const given = words.length >= 2 ? words[0] : undefined;
    // "Mrs. Voss" tells Ilse Voss's sex only when she is the one Voss named in full.
    const only = summary.full.length === 1 ? summary.full[0] : undefined;
    if (given === undefined) return summary.singleGender ?? only?.gender ?? null;
    const full = summary.full.find((candidate) => candidate.given === given);
    return full?.gender ?? (full === only ? summary.singleGender : null);
  }

  /**
   * The person a name of one or more words written at a place refers to: a person the article
   * names in full with that surname (see below), or with that first name when only one person
   * has it; null for a lone word nobody is sure is a name.
   */
  private personNamed(mention: NameMention, key: number): Entity | null {
    const words = mention.words;
    const surname = words.at(-1)!;
    const given = words.length >= 2 ? words[0] : undefined;
    const summary = this.summary(surname);
    // Further on, "Clinton" alone is the Clinton the article names most often: in full, by first
    // name alone ("Hillary"), or by a title of that sex ("Mrs. Clinton"), counting the one named
    // first once more; when as often, the one named last before it.
    const candidates = summary.full.filter(
      (candidate) =>
        (given === undefined || candidate.given === given) &&
        !(mention.gender && candidate.gender && candidate.gender !== mention.gender),
    );
    let best: FullName | undefined;
    let bestScore = -1;
    let bestLatest = -1;
    // Named in full earlier in the same paragraph: that one ("Jeh Johnson says… Johnson added").
    const paragraphStart = placeKey(Math.floor(key / 1e8), 0);
    for (const candidate of candidates) {
      const latest = latestBefore(candidate.keys, key);
      if (latest >= paragraphStart && latest > bestLatest) {
        best = candidate;
        bestLatest = latest;
      }
    }
    if (best) return this.entity(`p:${best.given} ${surname}`, best.fullest, 'person');
    for (const candidate of candidates) {
      const sameSex = candidates.filter((other) => other.gender === candidate.gender).length === 1;
      const titled = summary.alone.filter(
        (alone) => alone.gender && sameSex && alone.gender === candidate.gender,
      );
      // The person named first is the one the article is about: one mention more.
      const first = candidates.every((other) => other.keys[0]! >= candidate.keys[0]!) ? 1 : 0;
      const score =
        candidate.keys.length + this.summary(candidate.given).alone.length + titled.length + first;
      const latest = latestBefore(candidate.keys, key);
      if (
        !best ||
        score > bestScore ||
        (score === bestScore &&
          (latest > bestLatest || (latest === bestLatest && candidate.keys[0]! < best.keys[0]!)))
      ) {
        best = candidate;
        bestScore = score;
        bestLatest = latest;
      }
    }
    if (best) return this.entity(`p:${best.given} ${surname}`, best.fullest, 'person');
    if (given !== undefined) return this.entity(`p:${given} ${surname}`, mention, 'person');
    // "Hillary" alone: the one person named in full with that first name.
    if (summary.asFirstName.size === 1) {
      const [only] = summary.asFirstName.values();
      return this.entity(`p:${surname} ${only!.words.at(-1)}`, only!, 'person');
    }
    return summary.sureAlone || (mention.sure && !mention.opener)
      ? this.entity(`p:${surname}`, mention, 'person')
      : null;
  }

  /** The entity a mention written at a place names, or null. */
  private entityOf(mention: NameMention, key: number): Entity | null {
    if (mention.kind === 'institution')
      return this.entity(`i:${mention.words.join(' ')}`, mention, 'institution');
    return this.personNamed(mention, key);
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
      const entity = this.entityOf(mention, placeKey(paragraph, mention.start));
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
    return this.entityOf(mention, placeKey(at.paragraph, at.offset));
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
    const other = this.personNamed({ ...mention.name, gender }, placeKey(mention.paragraph, mention.start));
    return other && (other.gender ?? gender) === gender ? other : null;
  }

  /**
   * The person a pronoun at a place refers to: sentence by sentence back from it, the first person
   * (left to right, as a subject comes first) of a compatible sex, not counting names inside
   * quotations; null when none is near.
   */
  antecedent(gender: Gender, at: Place): Entity | null {
    let paragraph = at.paragraph;
    let sentence = sentenceAt(this.sentenceStartsOf(paragraph), at.offset);
    // Only mentions before this offset count in the sentence being read.
    let limit = at.offset;
    let hops = 0;
    let floor = at.paragraph - pronounReach;
    let hopParagraph = at.paragraph;
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
      if (chosen?.entity) return this.personOfSex(chosen, gender);
      // "The woman… she said": someone the article does not name.
      if (chosen?.unnamed) return null;
      // "He" before it means whom that "he" means: "Miller spoke. He could not say why Ivanka Trump…"
      if (chosen) {
        // Hops within a paragraph are free; across paragraphs, few ("He … He … he said" is one person).
        if (paragraph !== hopParagraph && ++hops > chainDepth) return null;
        hopParagraph = paragraph;
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
    }
    return null;
  }

  /**
   * The persons named in the sentences where the article writes one of `words`, with the roles
   * and nationalities it gives them there; each sentence read once.
   */
  private personsWithRoles(words: Iterable<string>): Set<Entity> {
    const persons = new Set<Entity>();
    for (const word of words) {
      for (const { paragraph, offset } of this.words.places(word)) {
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
            const entity = this.personNamed(mention, placeKey(paragraph, mention.start));
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
