/**
 * Who an article talks about: the persons and institutions it names, linked across mentions
 * ("Vladimir Putin" … "Putin" … "Mr. Putin"), with the roles and nationalities it gives them, and
 * where each is mentioned. Pronouns and descriptions are resolved against it.
 */
import { rolesCompatible } from './lexicon.js';
import { findNames, type NameMention } from './mentions.js';
import type { Gender, NameKnowledge } from './name-knowledge.js';
import type { QuotedSpan } from './quote-marks.js';
import { sentenceAt, sentenceStarts } from './tokens.js';

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
  entity: Entity;
  paragraph: number;
  start: number;
  end: number;
  /** Sentence number across the article. */
  sentence: number;
  inQuote: boolean;
  /** Modifies a noun ("Trump campaign"): never a pronoun's antecedent. */
  modifier: boolean;
}

/** A place in the article: paragraph and offset. */
export interface Place {
  paragraph: number;
  offset: number;
}

/** Paragraphs, and sentences, looked back through for a pronoun's antecedent. */
const pronounReach = 3;
const sentenceReach = 12;

function placeKey(paragraph: number, offset: number): number {
  return paragraph * 1e8 + offset;
}

export class ArticleModel {
  readonly entities: Entity[] = [];
  /** Words the article writes in lower case somewhere. */
  readonly lowerWords = new Set<string>();
  /** Mentions by sentence number. */
  private readonly bySentence = new Map<number, PlacedMention[]>();
  private readonly sentenceBase: number[] = [];
  private readonly starts: number[][] = [];
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byName = new Map<string, Entity>();
  private readonly byFirst = new Map<string, Set<Entity>>();
  /** Last mention of each entity, as a place key, while linking in order. */
  private readonly lastSeen = new Map<Entity, number>();

  constructor(
    readonly paragraphs: readonly string[],
    spans: readonly QuotedSpan[],
    readonly knowledge: NameKnowledge,
  ) {
    const found: Array<{ paragraph: number; mention: NameMention }> = [];
    for (const text of paragraphs)
      for (const [word] of text.matchAll(/(?<![\p{L}'’])\p{Ll}[\p{L}'’-]*/gu)) this.lowerWords.add(word);
    let base = 0;
    paragraphs.forEach((text, paragraph) => {
      const starts = sentenceStarts(text);
      this.starts.push(starts);
      this.sentenceBase.push(base);
      base += starts.length;
      for (const mention of findNames(text, knowledge, this.lowerWords)) found.push({ paragraph, mention });
    });
    // Full names first, so a surname met before the full name ("Putin says…") still links.
    for (const { mention } of found) {
      if (mention.kind === 'person' && mention.words.length >= 2) this.entityFor(mention, false);
    }
    let spanIndex = 0;
    for (const { paragraph, mention } of found) {
      while (
        spanIndex < spans.length &&
        placeKey(spans[spanIndex]!.paragraph, spans[spanIndex]!.close) <= placeKey(paragraph, mention.start)
      )
        spanIndex++;
      const span = spans[spanIndex];
      const inQuote = span !== undefined && span.paragraph === paragraph && span.open < mention.start;
      const entity = this.entityFor(mention, true);
      if (!entity) continue;
      const sentence = this.sentenceOf(paragraph, mention.start);
      const placed: PlacedMention = {
        entity,
        paragraph,
        start: mention.start,
        end: mention.end,
        sentence,
        inQuote,
        modifier: mention.modifier,
      };
      const list = this.bySentence.get(sentence);
      if (list) list.push(placed);
      else this.bySentence.set(sentence, [placed]);
      this.lastSeen.set(entity, placeKey(paragraph, mention.start));
    }
  }

  /** Sentence number across the article of a place. */
  sentenceOf(paragraph: number, offset: number): number {
    return this.sentenceBase[paragraph]! + sentenceAt(this.starts[paragraph]!, offset);
  }

  /** The entity a mention names, made or merged; null for a lone opener nobody else names. */
  private entityFor(mention: NameMention, linkSingles: boolean): Entity | null {
    if (mention.kind === 'institution') {
      const key = mention.words.join(' ');
      let entity = this.byName.get(key);
      if (!entity) {
        entity = {
          kind: 'institution',
          name: mention.name,
          words: mention.words,
          gender: null,
          roles: new Set(),
          nations: new Set(),
        };
        this.byName.set(key, entity);
        this.entities.push(entity);
      }
      return entity;
    }
    const surname = mention.words.at(-1)!;
    const known = this.bySurname.get(surname) ?? [];
    let entity: Entity | undefined;
    if (mention.words.length >= 2) {
      entity = known.find(
        (candidate) => candidate.words.length === 1 || candidate.words[0] === mention.words[0],
      );
    } else if (linkSingles) {
      entity = this.mostRecent(known) ?? this.byFirstName(surname);
      if (!entity && (!mention.sure || mention.opener)) return null;
    }
    if (!entity) {
      entity = {
        kind: 'person',
        name: mention.name,
        words: mention.words,
        gender: null,
        roles: new Set(),
        nations: new Set(),
      };
      this.entities.push(entity);
      this.bySurname.set(surname, [...known, entity]);
    }
    if (mention.words.length > entity.words.length) {
      entity.name = mention.name;
      entity.words = mention.words;
    }
    if (entity.words.length >= 2) {
      const first = this.byFirst.get(entity.words[0]!) ?? new Set();
      this.byFirst.set(entity.words[0]!, first.add(entity));
    }
    entity.gender ??= mention.gender;
    for (const role of mention.roles) entity.roles.add(role);
    for (const nation of mention.nations) entity.nations.add(nation);
    return entity;
  }

  private mostRecent(candidates: readonly Entity[]): Entity | undefined {
    let best: Entity | undefined;
    let bestKey = -1;
    for (const candidate of candidates) {
      const key = this.lastSeen.get(candidate) ?? 0;
      if (best === undefined || key > bestKey) {
        best = candidate;
        bestKey = key;
      }
    }
    return best;
  }

  /** A person named in full whose first name is this word, when only one is ("Hillary"). */
  private byFirstName(word: string): Entity | undefined {
    const matches = this.byFirst.get(word);
    return matches?.size === 1 ? [...matches][0] : undefined;
  }

  /**
   * The person or institution a name written at a place refers to: the most recent one the article
   * names with that surname, or with those words.
   */
  entityNamed(words: readonly string[]): Entity | null {
    const known = this.bySurname.get(words.at(-1) ?? '') ?? [];
    const matching =
      words.length >= 2
        ? known.filter((entity) => entity.words[0] === words[0] || entity.words.length === 1)
        : known;
    return (
      this.mostRecent(matching) ??
      this.byName.get(words.join(' ')) ??
      (words.length === 1 ? (this.byFirstName(words[0]!) ?? null) : null)
    );
  }

  /**
   * The person a pronoun at a place refers to: sentence by sentence back from it, the first person
   * (left to right, as a subject comes first) of a compatible sex, not counting names inside
   * quotations; null when none is near.
   */
  antecedent(gender: Gender, at: Place): Entity | null {
    const here = this.sentenceOf(at.paragraph, at.offset);
    // Bounded both ways, so a paragraph of a thousand sentences costs no more per pronoun.
    const floor = Math.max(
      this.sentenceBase[Math.max(0, at.paragraph - pronounReach)]!,
      here - sentenceReach,
    );
    for (let sentence = here; sentence >= floor; sentence--) {
      const mentions = this.bySentence.get(sentence) ?? [];
      for (const mention of mentions) {
        if (mention.inQuote || mention.modifier || mention.entity.kind !== 'person') continue;
        if (sentence === here && mention.paragraph === at.paragraph && mention.start >= at.offset) continue;
        const sex = mention.entity.gender;
        if (sex === null || sex === gender) return mention.entity;
      }
    }
    return null;
  }

  /**
   * The one person the article gives a role (and nationality) compatible with a description
   * ("the Russian leader" → the person named as Russian president); null when none or several.
   */
  described(role: string, nationsWanted: readonly string[]): Entity | null {
    const matches = this.entities.filter(
      (entity) =>
        entity.kind === 'person' &&
        [...entity.roles].some((known) => rolesCompatible(role, known)) &&
        nationsWanted.every((nation) => entity.nations.has(nation)),
    );
    return matches.length === 1 ? matches[0]! : null;
  }

  /** Whether a place lies before another. */
  static before(a: Place, b: Place): boolean {
    return placeKey(a.paragraph, a.offset) < placeKey(b.paragraph, b.offset);
  }
}
