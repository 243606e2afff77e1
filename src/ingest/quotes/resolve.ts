/**
 * Turning the words that name a speaker into the speaker: a name to the fullest name the article
 * gives ("Obama" → "Barack Obama"), a pronoun to its antecedent, a description to the one person
 * the article gives that role ("the Russian leader" → "Vladimir Putin"), a document or "it" to the
 * institution that issued the statement. What names nobody stays as written ("a senior official");
 * what cannot be told is null.
 */
import { type ArticleModel, nameReach, type Place } from './discourse.js';
import {
  determiners,
  documentNouns,
  institutionNouns,
  institutionWords,
  nations,
  roleNouns,
  titles,
} from './lexicon.js';
import { findNames, type NameMention } from './mentions.js';
import { tokenize } from './tokens.js';

interface IssuerEvent {
  key: number;
  name: string;
}

const issuerPattern =
  /\b(?:(statement|report|readout|release|communiqu[eé]|press service|press office|website|spokes(?:man|woman|person)) (?:of|from|for) |[Aa]ccording to |[Ii]n (?:its|a) (?:statement|report|readout)[^,]{0,40}, )(?:the )?((?:\p{Lu}[\p{L}'’-]*(?: |$))+(?:(?:house|press service|press office|ministry|department)\b)?)/gu;

/** A name that is the subject of a speech verb: someone, whoever the lexicon says. */
const spokenName: NameMention = {
  start: 0,
  end: 0,
  kind: 'person',
  name: '',
  words: [],
  gender: null,
  roles: [],
  nations: [],
  sure: true,
  opener: false,
  modifier: false,
};

function keyOf(place: Place): number {
  return place.paragraph * 1e8 + place.offset;
}

/** "The Kremlin press service" at a sentence start reads "the Kremlin press service". */
function asWritten(text: string): string {
  return text.replace(/^(The|A|An) /, (word) => word.toLowerCase()).trim();
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

export class SpeakerResolver {
  /** Statements and reports the article says an institution issued, read at the first need. */
  private events: IssuerEvent[] | null = null;
  private eventIndex = 0;
  /** The institution that last issued a statement or was last quoted, as the quotations go. */
  private latest: IssuerEvent | null = null;
  /** Where the quotations being resolved have got to. */
  private key = 0;

  constructor(private readonly model: ArticleModel) {}

  private readEvents(): IssuerEvent[] {
    const events: IssuerEvent[] = [];
    this.model.paragraphs.forEach((text, paragraph) => {
      if (!/[Ss]tatement|[Rr]eport|[Rr]eadout|[Ss]ervice|[Aa]ccording|[Rr]elease|[Ss]pokes/.test(text))
        return;
      for (const match of text.matchAll(issuerPattern)) {
        const name = match[2]!.trim();
        if (!name || nations.has(name.toLowerCase())) continue;
        const service = match[1] === 'press service' || match[1] === 'press office' ? ` ${match[1]}` : '';
        events.push({ key: paragraph * 1e8 + match.index, name: `the ${name}${service}` });
      }
    });
    return events;
  }

  /** The issuer at the place reached: the latest statement's issuer or institution quoted. */
  private currentIssuer(): IssuerEvent | null {
    this.events ??= this.readEvents();
    while (this.eventIndex < this.events.length && this.events[this.eventIndex]!.key < this.key) {
      const event = this.events[this.eventIndex++]!;
      if (!this.latest || this.latest.key < event.key) this.latest = event;
    }
    return this.latest;
  }

  /**
   * The issuer "it" means at a place: the latest, if named within a pronoun's reach of it (a
   * statement quoted pages back is not what a later "it" stands for).
   */
  private issuerNear(place: Place): string | null {
    const issuer = this.currentIssuer();
    if (!issuer) return null;
    const named = { paragraph: Math.floor(issuer.key / 1e8), offset: issuer.key % 1e8 };
    return this.model.sentencesBack(named, place) <= nameReach ? issuer.name : null;
  }

  /** Moves up to a place (quotations are resolved in order). */
  private advance(place: Place): void {
    this.key = Math.max(this.key, keyOf(place));
  }

  /** Records an institution quoted at a place: later "it said" and "the statement" mean it. */
  noteIssuer(name: string, place: Place): void {
    this.advance(place);
    this.currentIssuer();
    this.latest = { key: keyOf(place), name };
  }

  /**
   * The speaker named by `phrase`, written at `place`; `institution` tells whether it is one.
   * `spoken`: the phrase is the subject of a speech cue, not merely of the clause a quotation is in.
   *
   * @example resolver.resolve('he', { paragraph: 3, offset: 40 }) // { speaker: 'Barack Obama', institution: false }
   */
  resolve(phrase: string, place: Place, spoken = true): { speaker: string | null; institution: boolean } {
    this.advance(place);
    const tokens = tokenize(phrase).filter((token) => token.word);
    const words = tokens.map((token) => token.lower);
    if (words.length === 0) return { speaker: null, institution: false };
    // "Russia insisted", "Moscow said": a country or a capital that speaks is its government.
    const bare = words[0] === 'the' ? words.slice(1) : words;
    if (
      spoken &&
      tokens.every((token) => token.capital || token.lower === 'the') &&
      this.model.knowledge.isPlace(bare.join(' '))
    )
      return { speaker: asWritten(phrase), institution: true };
    // "Jordan said": a country's name alone that speaks is the person the article names so, or
    // the country as written.
    if (spoken && tokens.length === 1 && tokens[0]!.capital && nations.has(words[0]!)) {
      const written = tokens[0]!.text;
      return this.named({ ...spokenName, name: written, words }, written, place);
    }
    if (words.length === 1 && /^(?:he|she)$/.test(words[0]!)) {
      const entity = this.model.antecedent(words[0] === 'he' ? 'm' : 'f', place);
      return { speaker: entity?.name ?? null, institution: false };
    }
    if (words.length === 1 && words[0] === 'it')
      return { speaker: this.issuerNear(place), institution: true };
    if (words.length === 1 && /^(?:they|we|i|you)$/.test(words[0]!))
      return { speaker: null, institution: false };
    const of = words.indexOf('of');
    const head = of > 0 ? words[of - 1]! : words.at(-1)!;
    // "the statement", "the report of the White House".
    if (documentNouns.has(head) && determiners.has(words[0]!)) {
      if (of > 0) return this.resolve(phrase.slice(tokens[of + 1]!.start), place);
      // "a Times article", "a Homeland Security memo": the document names who issued it.
      if (tokens.some((token) => token.capital && !determiners.has(token.lower)))
        return { speaker: asWritten(phrase), institution: true };
      // "The report" is the issuer's report, not another document the article quoted ("the study").
      const issuer = this.currentIssuer()?.name;
      const issuerIsDocument =
        issuer !== undefined && documentNouns.has(issuer.split(' ').at(-1)!.toLowerCase());
      return { speaker: issuer && !issuerIsDocument ? issuer : asWritten(phrase), institution: true };
    }
    const capitalised = tokens.some(
      (token) =>
        token.capital &&
        !titles.has(token.lower) &&
        !nations.has(token.lower) &&
        !determiners.has(token.lower),
    );
    // "one Democratic source on the panel", "the former secretary of state": descriptions.
    // "current Democratic presidential nominee": a role written in lower case after its modifiers.
    const roleLast = !tokens.at(-1)!.capital && of < 0 && (roleNouns.has(head) || titles.has(head));
    const described =
      roleLast ||
      (determiners.has(words[0]!) && !tokens.at(-1)!.capital && (of < 0 || !tokens[of + 1]?.capital));
    if (!capitalised || described) return this.describe(phrase, words, head);
    const names = findNames(phrase, this.model.knowledge, this.model.lowerWords).filter(
      (mention) => !mention.opener || phrase.trim() === mention.name,
    );
    const name = names.at(-1);
    // "Senate Leader Jane Doe" is a person; "the Senate press office" an institution.
    const personLast = name?.kind === 'person' && name.end >= phrase.trimEnd().length - 2;
    if (!personLast && words.some((word) => institutionWords.has(word) || institutionNouns.has(word))) {
      return { speaker: this.institutionName(phrase, words), institution: true };
    }
    if (!name) {
      const bare = tokens.filter((token) => !titles.has(token.lower) && !determiners.has(token.lower));
      if (bare.length === 0) return this.describe(phrase, words, head);
      // "Talk compared to…" opening a headline: an ordinary word, capitalised only there, names
      // nobody ("Brand said" after a quotation, or a plural group, "Mexicans said", does).
      const word = bare[0]!.lower;
      const before = this.model.paragraphs[place.paragraph]!.slice(
        Math.max(0, place.offset - 4),
        place.offset,
      );
      const opening = /(?:^|[.!?;:]["”’]?\s+)$/u.test(before);
      if (bare.length === 1 && opening && !word.endsWith('s') && this.model.knowledge.isCommonWord(word))
        return { speaker: null, institution: false };
      const written = phrase.slice(bare[0]!.start, bare.at(-1)!.end);
      return this.named(
        { ...spokenName, name: written, words: bare.map((token) => token.lower) },
        written,
        place,
      );
    }
    if (name.kind === 'institution')
      return { speaker: this.institutionName(phrase, words), institution: true };
    return this.named({ ...name, sure: true, opener: false }, name.name, place);
  }

  private named(
    mention: NameMention,
    written: string,
    place: Place,
  ): { speaker: string; institution: boolean } {
    const entity = this.model.entityNamed(mention, place);
    const name = entity?.name ?? written;
    // A transcript's "WALLACE:" is Wallace.
    const shouted = /^[\p{Lu}\s.'’-]+$/u.test(name) && /\p{Lu}{2}/u.test(name);
    return {
      speaker: shouted ? name.split(/\s+/).map(titleCase).join(' ') : name,
      institution: entity?.kind === 'institution',
    };
  }

  /** "the press service of the Kremlin" → "the Kremlin press service"; "the press service" → the last issuer's. */
  private institutionName(phrase: string, words: readonly string[]): string {
    const inverted = /^(?:the )?(press service|press office|spokesperson) of (?:the )?(.+)$/i.exec(phrase);
    if (inverted) return `the ${inverted[2]} ${inverted[1]!.toLowerCase()}`;
    const capitalised = tokenize(phrase).some((token) => token.capital && !determiners.has(token.lower));
    // "the press service" is the Kremlin press service only when that is the issuer's name.
    const issuer = this.currentIssuer();
    if (!capitalised && issuer?.name.toLowerCase().endsWith(words.at(-1)!)) {
      return issuer.name;
    }
    return asWritten(phrase);
  }

  /** A description: the one person the article gives that role, else as written. */
  private describe(
    phrase: string,
    words: readonly string[],
    head: string,
  ): { speaker: string | null; institution: boolean } {
    if (institutionNouns.has(head) || institutionNouns.has(words.slice(-2).join(' '))) {
      return { speaker: this.institutionName(phrase, words), institution: true };
    }
    const definite = words[0] === 'the' || words[0] === 'this' || words[0] === 'that';
    const role = roleNouns.has(head) || titles.has(head) ? titles.get(head) || head : null;
    if (definite && role) {
      const wanted = words
        .map((word) => nations.get(word))
        .filter((nation): nation is string => nation !== undefined);
      const entity = this.model.described(role, wanted);
      if (entity) return { speaker: entity.name, institution: false };
    }
    if (!role && !determiners.has(words[0]!)) return { speaker: null, institution: false };
    return { speaker: asWritten(phrase), institution: false };
  }
}
