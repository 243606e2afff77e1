/**
 * Names in text: runs of capitalised words, split into what comes before the name (titles, roles,
 * nationalities: "Russian President", "White House Press Secretary") and the name itself, and
 * sorted into persons and institutions. Places and sentence openers are no mentions.
 */
import {
  femalePronouns,
  institutionNouns,
  institutionWords,
  nations,
  notNames,
  roleNouns,
  speechVerbs,
  thingNouns,
  titles,
} from './lexicon.js';
import type { Gender, NameKnowledge } from './name-knowledge.js';
import { describeAfter, describeBefore, roleOf } from './roles.js';
import { type Token, tokenize, workCounter } from './tokens.js';

/** Words an article writes in lower case somewhere: capitalised, they open a sentence or a title. */
export interface WordCheck {
  has(word: string): boolean;
}

const noWords: WordCheck = { has: () => false };

export interface NameMention {
  start: number;
  end: number;
  kind: 'person' | 'institution';
  /** The name as written, less titles: "Vladimir Putin", "White House". */
  name: string;
  /** Lower-case words of the name. */
  words: string[];
  gender: Gender | null;
  /** Roles and nationalities the words around the name give; read only when asked for (`withRoles`). */
  roles: string[];
  nations: string[];
  /** Known to be a person: titled, or a known first name or surname, or two words or more. */
  sure: boolean;
  /** A lone capitalised word opening a sentence: a name only if the article names it elsewhere. */
  opener: boolean;
  /** Modifies another noun ("Trump campaign spokesman", "Clinton's van"): not a subject. */
  modifier: boolean;
}

const abbreviated = 'Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Adm|Sgt|Rev|Prof|St|Jr|Sr|Hon|Pres|Messrs';
// A capitalised word; a full stop only after an abbreviation or an initial, so runs stop at sentence ends.
const capital = String.raw`(?:(?:\p{Lu}\.){2,}|(?:${abbreviated})\.|\p{Lu}\.(?= \p{Lu})|\p{Lu}[\p{L}\p{M}'’\-]*)`;
const particle = '(?:de|van|von|bin|al|la|le|da|du|del|di|der|den|ter|el|ibn)';
const runPattern = new RegExp(
  String.raw`${capital}(?:[ \u00a0]+(?:${particle}[ \u00a0]+)?${capital})*`,
  'gu',
);

const maleWords = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'spokesman', 'chairman', 'congressman']);
// biome-ignore format: a word list
const femaleWords = new Set([
  'mrs', 'ms', 'miss', 'dame', 'lady', 'queen', 'princess', 'spokeswoman', 'chairwoman', 'congresswoman',
  'businesswoman', 'actress', 'wife', 'mother', 'daughter', 'sister',
]);
const titleOfPattern =
  /\b(Secretary|Minister|President|Chairman|Director|Head|Leader|Governor|Mayor) of (?:the )?$/u;

function genderOf(words: readonly string[]): Gender | null {
  if (words.some((word) => femaleWords.has(word) || femalePronouns.has(word))) return 'f';
  if (words.some((word) => maleWords.has(word))) return 'm';
  return null;
}

/** The sex of the first known given name before the surname ("Crooked Hillary Clinton" → 'f'). */
function givenNameGender(words: readonly string[], knowledge: NameKnowledge): Gender | null {
  for (let k = 0; k < words.length - 1; k++) {
    const sex = knowledge.firstName(words[k]!);
    if (sex === 'm' || sex === 'f') return sex;
  }
  return null;
}

/**
 * Whether a capitalised word before a name is an ordinary word, not part of the name: known as
 * one ("Crooked Hillary Clinton", "Presidential Debates"), or written in lower case elsewhere in
 * the article and no known given name; or, `opening` the sentence, a participle ("Injecting
 * Clinton into the race").
 */
function isOrdinary(
  token: Token,
  opening: boolean,
  knowledge: NameKnowledge,
  lowerWords: WordCheck,
): boolean {
  if (knowledge.isCommonWord(token.lower)) return true;
  if (knowledge.firstName(token.lower) !== null) return false;
  return (opening && token.lower.endsWith('ing')) || lowerWords.has(token.lower);
}

/** Parses one run of capitalised words; null when it names no person or institution. */
function parseRun(
  text: string,
  written: Token[],
  knowledge: NameKnowledge,
  startsSentence: boolean,
  lowerWords: WordCheck,
  withRoles: boolean,
): NameMention | null {
  // A headline in title case: "Obama Says Museum Will Tell…" names Obama.
  // Only an inflected verb with more of the headline after it: "Ilse Brand" stays a name.
  let verbAt = -1;
  for (let k = 1; k < written.length - 1 && verbAt < 0; k++) {
    const lower = written[k]!.lower;
    if (speechVerbs.has(lower) && /(?:s|ed|said|told|wrote)$/.test(lower) && !titles.has(lower)) verbAt = k;
  }
  const run = verbAt > 0 ? written.slice(0, verbAt) : written;
  let first = 0;
  let withThe = false;
  // "NBC’s Dante Chinni", "Clinton’s campaign manager Robby Mook": the name follows the possessive.
  for (let k = run.length - 2; k >= 0; k--) {
    if (run[k]!.possessive) {
      first = k + 1;
      break;
    }
  }
  while (first < run.length && notNames.has(run[first]!.lower) && !titles.has(run[first]!.lower)) {
    if (run[first]!.lower === 'the') withThe = true;
    first++;
  }
  const words = run.map((token) => token.lower);
  const roles: string[] = [];
  const found: string[] = [];
  let split = first - 1;
  for (let k = first; k < run.length - 1; k++) {
    // "Campaign Manager Robby Mook": a role capitalised as a title, too.
    const titleWord = titles.has(words[k]!) || (roleNouns.has(words[k]!) && !words[k]!.endsWith('s'));
    if (titleWord || (nations.has(words[k]!) && titles.has(words[k + 1]!))) split = k;
  }
  const titleOf =
    first === 0 && run.length > 1 && (nations.has(words[0]!) || words[0] === 'state')
      ? titleOfPattern.exec(text.slice(Math.max(0, run[0]!.start - 30), run[0]!.start))
      : null;
  if (titleOf) {
    roles.push(words[0] === 'state' ? 'secretary of state' : titleOf[1]!.toLowerCase());
    found.push(nations.get(words[0]!) ?? '');
    split = 0;
  }
  for (let k = first; k <= split; k++) {
    const nation = nations.get(words[k]!);
    if (nation) found.push(nation);
    const role = roleOf(words, k);
    if (role) roles.push(role);
  }
  const name = run.slice(split + 1).filter((token) => token.word);
  // Headlines and datelines in capitals ("MIDWAY ATOLL") name nobody.
  if (name.length >= 2 && name.every((token) => /^[\p{Lu}\d.'’-]+$/u.test(token.text))) return null;
  const named =
    name.some((token) => institutionWords.has(token.lower)) ||
    knowledge.isOrganization(name.map((token) => token.lower).join(' '));
  // After a title the next word is a given name, however ordinary ("President Bill Clinton").
  const afterTitle = split >= first && titles.has(words[split]!);
  while (
    !named &&
    name.length > 0 &&
    isOrdinary(name[0]!, name.length > 1 && startsSentence && name[0] === run[0], knowledge, lowerWords) &&
    !titles.has(name[0]!.lower)
  ) {
    if (afterTitle && name.length > 1 && name[0] === run[split + 1]) break;
    name.shift();
  }
  while (name.length > 1 && /^(?:jr|sr|ii|iii)$/.test(name.at(-1)!.lower)) name.pop();
  if (name.length === 0) return null;
  const nameWords = name.map((token) => token.lower);
  // "President" alone, "a New York Democrat": descriptions, not names.
  if (nameWords.every((word) => titles.has(word))) return null;
  if (roleNouns.has(nameWords.at(-1)!) && knowledge.firstName(nameWords[0]!) === null) return null;
  // "the Affordable Care Act", "Midway Atoll": things and places, not persons.
  if (!named && thingNouns.has(nameWords.at(-1)!) && name.length > 1) return null;
  const joined = nameWords.join(' ');
  const titled = split >= first;
  if (!named && (knowledge.isPlace(joined) || nations.has(joined))) return null;
  // "a forum in Virginia", "a flight from Jordan": one word after "in" or "from" is a place.
  const placeWord = /(?:^|\s)(?:in|from)\s+$/u.test(
    text.slice(Math.max(0, name[0]!.start - 6), name[0]!.start),
  );
  if (!named && !titled && name.length === 1 && placeWord && !name[0]!.possessive) return null;
  const institution =
    named ||
    (withThe && !titled) ||
    (name.length === 1 && /^\p{Lu}{2,4}$/u.test(name[0]!.text) && knowledge.firstName(joined) === null);
  // A lone capitalised word opening a sentence is most often not a name ("Discussed", "Both"): it
  // counts only if it names someone known, or the article names them in full elsewhere.
  const after = /^\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(text.slice(run.at(-1)!.end, run.at(-1)!.end + 40));
  const following = after?.[1] ?? '';
  // "McLenney said" is someone even when the article names nobody else so.
  const speaks = speechVerbs.has(following);
  const opener =
    !institution && !titled && name.length === 1 && startsSentence && run.length === 1 && !speaks;
  const modifier =
    run.at(-1)!.possessive ||
    roleNouns.has(following) ||
    // "Clinton communication director Jennifer Palmieri": a noun, then the role it modifies.
    (!knowledge.isCommonWord(following) && roleNouns.has(after?.[2] ?? '')) ||
    institutionNouns.has(following) ||
    institutionWords.has(following);
  const firstName = knowledge.firstName(nameWords[0]!);
  const start = name[0]!.start;
  const last = name.at(-1)!;
  // "Lund’s" ends before ’s, "Davis'" before the mark.
  const possessiveMark = /['’]$/u.test(last.text) ? 1 : 2;
  const end =
    last.end - (last.possessive ? possessiveMark : /\.$/.test(last.text) && name.length > 1 ? 1 : 0);
  if (!institution && withRoles) {
    describeBefore(text, run[first]!.start, roles, found);
    describeAfter(text, run.at(-1)!.end, roles, found);
  }
  const titleWords = words.slice(first, split + 1);
  return {
    start,
    end,
    kind: institution ? 'institution' : 'person',
    name: text.slice(start, end),
    words: nameWords,
    gender: institution
      ? null
      : (genderOf([...titleWords, ...roles]) ?? givenNameGender(nameWords, knowledge)),
    roles: institution ? [] : roles,
    nations: found.filter(Boolean),
    sure:
      (institution && !opener) ||
      speaks ||
      titled ||
      firstName !== null ||
      knowledge.isSurname(nameWords.at(-1)!) ||
      (name.length >= 2 && name.length <= 4),
    opener,
    modifier,
  };
}

/**
 * The person and institution names in `text` between `from` and `to`, in order. `lowerWords` are
 * words the article writes in lower case: capitalised, they open a sentence or a title, not a name.
 * Roles and nationalities around each name are read only `withRoles` (it costs a look around).
 *
 * @example findNames('Russian President Vladimir Putin said.', compromiseKnowledge())[0].name // 'Vladimir Putin'
 */
export function findNames(
  text: string,
  knowledge: NameKnowledge,
  lowerWords: WordCheck = noWords,
  from = 0,
  to = text.length,
  withRoles = false,
): NameMention[] {
  const mentions: NameMention[] = [];
  runPattern.lastIndex = from;
  for (let match = runPattern.exec(text); match && match.index < to; match = runPattern.exec(text)) {
    const mention = parseMatch(text, match, knowledge, lowerWords, to, withRoles);
    if (mention) mentions.push(mention);
  }
  return mentions;
}

/** Parses one match of the run pattern. */
function parseMatch(
  text: string,
  match: RegExpExecArray,
  knowledge: NameKnowledge,
  lowerWords: WordCheck,
  to: number,
  withRoles: boolean,
): NameMention | null {
  workCounter.units += 1;
  const word = match[0];
  // "The", "But", "In": most runs are one sentence-opening word that names nobody.
  if (word.length <= 10 && notNames.has(word.toLowerCase()) && !titles.has(word.toLowerCase())) return null;
  const run = tokenize(text, match.index, Math.min(to, match.index + word.length)).filter(
    (token) => token.word,
  );
  if (run.length === 0) return null;
  const before = text.slice(Math.max(0, match.index - 3), match.index);
  const startsSentence = match.index === 0 || /(?:[.!?:]["”’]?\s+|^\s*|["“‘(]\s*)$/u.test(before);
  return parseRun(text, run, knowledge, startsSentence, lowerWords, withRoles);
}

/**
 * The name written around `offset` (the capitalised run holding it), or null: how a surname
 * met alone is looked up where the article names it in full.
 *
 * @example nameAround('He met Ada Lund.', 11, compromiseKnowledge())?.name // 'Ada Lund'
 */
export function nameAround(
  text: string,
  offset: number,
  knowledge: NameKnowledge,
  lowerWords: WordCheck = noWords,
): NameMention | null {
  // Back to a word boundary a few words before, so titles and first names are part of the run;
  // read in a window of its own, so a run of a thousand capitalised words costs no more.
  let from = Math.max(0, offset - 48);
  while (from > 0 && from > offset - 64 && !/\s/.test(text[from - 1]!)) from--;
  // Three characters more before it tell whether the run opens a sentence.
  const context = Math.min(from, 3);
  const window = text.slice(from - context, Math.min(text.length, offset + 64));
  const at = offset - from + context;
  from -= context;
  runPattern.lastIndex = context;
  for (let match = runPattern.exec(window); match && match.index <= at; match = runPattern.exec(window)) {
    // Only the run holding the offset is read.
    if (match.index + match[0].length <= at) continue;
    const mention = parseMatch(window, match, knowledge, lowerWords, window.length, false);
    if (!mention || mention.start > at || at >= mention.end) return null;
    return { ...mention, start: mention.start + from, end: mention.end + from };
  }
  return null;
}
