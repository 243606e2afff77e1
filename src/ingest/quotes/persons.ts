/**
 * Which person a name means, found lazily: a surname met alone ("Clinton") is looked up where
 * the article writes that word — a plain string search — and the names written there tell the
 * full names that end in it, how often each is written, the sex titles and given names give, and
 * whether the word alone is surely a name. Entities are made once per person or institution.
 */
import type { ArticleWords } from './article-words.js';
import { type NameMention, nameAround } from './mentions.js';
import type { Gender, NameKnowledge } from './name-knowledge.js';

export interface Entity {
  kind: 'person' | 'institution';
  /** The fullest name the article gives. */
  name: string;
  words: string[];
  gender: Gender | null;
  roles: Set<string>;
  nations: Set<string>;
}

/** A place as one number that sorts in article order. */
export function placeKey(paragraph: number, offset: number): number {
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

export class PersonIndex {
  private readonly summaries = new Map<string, NameSummary>();
  private readonly entityByKey = new Map<string, Entity>();

  constructor(
    private readonly paragraphs: readonly string[],
    private readonly knowledge: NameKnowledge,
    private readonly words: ArticleWords,
  ) {}

  /** What the article writes wherever it writes a word with a capital, summed up once. */
  private summary(word: string): NameSummary {
    let found = this.summaries.get(word);
    if (found) return found;
    found = { full: [], sureAlone: false, singleGender: null, alone: [], asFirstName: new Map() };
    const byFirst = new Map<string, FullName>();
    for (const { paragraph, offset } of this.words.places(word)) {
      const text = this.paragraphs[paragraph]!;
      if (text[offset] === text[offset]!.toLowerCase()) continue;
      const other = nameAround(text, offset, this.knowledge, this.words);
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

  /** The entity of a key, made once; its name grows to the fullest form met. */
  entity(key: string, mention: NameMention, kind: Entity['kind']): Entity {
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
  personNamed(mention: NameMention, key: number): Entity | null {
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

  /** The entity a mention written at a place (a place key) names, or null. */
  entityOf(mention: NameMention, key: number): Entity | null {
    if (mention.kind === 'institution')
      return this.entity(`i:${mention.words.join(' ')}`, mention, 'institution');
    return this.personNamed(mention, key);
  }
}
