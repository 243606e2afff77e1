/**
 * Speaker names as keys, so the speakers of quotations can be stored once and asked for
 * (`who:putin`, `who:"white house"`).
 *
 * - A person's key is the surname, case and accents folded: "Putin", "Vladimir Putin",
 *   "President Putin", "Mr. Putin" and "Russian President Vladimir Putin" all give "putin".
 * - An institution's key is its whole name less leading articles: "the White House" gives
 *   "white house", "the Kremlin press service" gives "kremlin press service" (the press service
 *   is not the Kremlin itself, so the key keeps it; a query still finds it, see speakerMatches).
 * - A description that names nobody keeps its words: "a senior official" gives "senior official".
 */

const articles = new Set(['the', 'a', 'an']);

// biome-ignore format: a word list
const institutionWords = new Set([
  'house', 'kremlin', 'pentagon', 'ministry', 'department', 'office', 'service', 'agency', 'commission',
  'committee', 'council', 'bureau', 'administration', 'government', 'party', 'campaign', 'foundation',
  'institute', 'university', 'association', 'union', 'company', 'corporation', 'bank', 'court', 'times', 'post',
  'journal', 'news', 'reuters', 'tass', 'police', 'army', 'embassy', 'parliament', 'congress', 'senate',
  'statement', 'report', 'network', 'official', 'officials', 'source', 'sources',
]);

/** Lower case, accents off, words only ("Mr. Putin's" → ["mr", "putin"]). */
function foldedWords(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
}

/** Whether a name is an institution's rather than a person's. */
function isInstitution(words: readonly string[], raw: string): boolean {
  // "White House Press Secretary Josh Earnest" is a person: the name ends the phrase.
  return institutionWords.has(words.at(-1)!) || /^(?:the|a|an)\s/i.test(raw.trim());
}

/**
 * The key of a speaker name (see the module comment for the rules).
 *
 * @example speakerKey('Russian President Vladimir Putin') // 'putin'
 */
export function speakerKey(name: string): string {
  const words = foldedWords(name);
  if (words.length === 0) return '';
  if (isInstitution(words, name)) {
    const start = words.findIndex((word) => !articles.has(word));
    return words.slice(Math.max(start, 0)).join(' ');
  }
  // "Jr." and "III" follow the surname; a title is a title only before a name ("Martin Luther King").
  const names = [...words];
  while (names.length > 1 && /^(?:jr|sr|ii|iii|iv)$/.test(names.at(-1)!)) names.pop();
  return names.at(-1)!;
}

/**
 * Whether a `who:` query names a speaker (given by its key or its name): every word of the query
 * must be a word of the speaker's key, case and accents folded — `who:putin` finds "Vladimir
 * Putin", `who:"white house"` finds "the White House" and "the White House press service",
 * `who:kremlin` finds "the Kremlin press service" (what an institution's service says, the
 * institution says). A first name alone finds nobody: persons are keyed by surname.
 *
 * @example speakerMatches('Kremlin', 'the Kremlin press service') // true
 */
export function speakerMatches(queryName: string, speakerKeyOrName: string): boolean {
  return keyHasWords(speakerKeyWords(speakerKeyOrName), requiredKeyWords(queryName));
}

/**
 * Whether a speaker key's words (speakerKeyWords) have every word a query requires
 * (requiredKeyWords); a query that requires none names nobody.
 */
export function keyHasWords(keyWords: readonly string[], required: readonly string[]): boolean {
  return required.length > 0 && required.every((word) => keyWords.includes(word));
}

/**
 * The words a speaker's key must all have for a `who:` query to name it (speakerMatches); none
 * when the query has no words, and then it names nobody.
 *
 * @example requiredKeyWords('Vladimir Putin') // ['putin']: a person asked for by full name, by surname
 */
export function requiredKeyWords(queryName: string): string[] {
  const query = foldedWords(queryName).filter((word) => !articles.has(word));
  if (query.length > 1 && !isInstitution(query, queryName)) return [speakerKey(queryName)];
  return query;
}

/** The words of a speaker's key, as `who:` queries are matched against them. */
export function speakerKeyWords(speakerKeyOrName: string): string[] {
  return speakerKey(speakerKeyOrName).split(' ');
}
