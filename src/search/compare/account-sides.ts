/**
 * Who issued each account of an event: the speakers of its quotations folded into sides. An
 * institution's services speak for it ("the Kremlin press service", "the White House press
 * secretary" are the Kremlin and the White House); a person introduced with an institution's
 * name ("White House Press Secretary Josh Earnest") speaks for that institution; anyone else is
 * a side of their own. Collective descriptions of both parties ("the two presidents", "the
 * sides") issue no account. Pure.
 */

/** A quotation's speaker as stored (reader.ts StoredQuotation). */
export interface QuotedSpeaker {
  speaker: string | null;
  speakerKey: string | null;
  speakerAsWritten: string | null;
}

export interface Side {
  /** What folds its speakers: an institution's key ("white house") or a person's ("earnest"). */
  key: string;
  /** As the articles write it at its best: "the White House", "Josh Earnest". */
  name: string;
  /** Indexes into the quotations given, in their order. */
  quotations: number[];
}

/** Trailing words that name an institution's service rather than the institution. */
// biome-ignore format: a word list
const serviceWords = new Set([
  'press', 'service', 'services', 'secretary', 'office', 'spokesman', 'spokeswoman', 'spokesperson',
  'spokespeople', 'statement', 'readout', 'website', 'aide', 'aides', 'adviser', 'advisers', 'staff',
  'representative', 'representatives', 'official', 'officials', 'source', 'sources', 'team',
]);

/** Words of a description of both parties, or of nobody in particular. */
// biome-ignore format: a word list
const collectiveWords = new Set([
  'two', 'both', 'sides', 'side', 'leaders', 'leader', 'presidents', 'president', 'parties', 'officials',
  'official', 'source', 'sources', 'people', 'experts', 'analysts', 'observers', 'report', 'reports',
  'statement', 'media', 'interlocutors', 'participants', 'agency', 'spokesman', 'senior',
]);

/**
 * The side a speaker key belongs to when it is an institution's service: its key less the
 * service words at its end.
 *
 * @example institutionOf('kremlin press service') // 'kremlin'
 */
export function institutionOf(speakerKey: string): string {
  const words = speakerKey.split(' ');
  let end = words.length;
  while (end > 1 && serviceWords.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(' ');
}

/** Whether a speaker name is an institution's or a description's rather than a person's. */
function isInstitution(quoted: QuotedSpeaker): boolean {
  return /^(?:the|a|an)\s/iu.test(quoted.speaker ?? '') || (quoted.speakerKey ?? '').includes(' ');
}

function isCollective(key: string): boolean {
  return key.split(' ').every((word) => collectiveWords.has(word));
}

/**
 * Where `words` (lowercase, space-separated) stand in `text` as whole words, as written there; a
 * possessive between them is the key's too ("Ferrymen's Union" for "ferrymen union").
 */
function writtenForm(text: string, words: string): string | undefined {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.split(' ').map(escapeRegExp).join("(?:['’]s)?[\\s.-]+")}(?![\\p{L}\\p{N}])`,
    'iu',
  );
  return pattern.exec(text)?.[0];
}

/**
 * Whether `text` names a side by `words` (a key: lowercase words), as whole words in any case.
 *
 * @example namesSide('The Kremlin also said that…', 'kremlin') // true
 */
export function namesSide(text: string, words: string): boolean {
  return writtenForm(text, words) !== undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function capitals(text: string): number {
  return (text.match(/\p{Lu}/gu) ?? []).length;
}

/** The best written name of an institution side: "the White House" over "the White house". */
function institutionName(key: string, quoted: QuotedSpeaker[]): string {
  const forms = quoted
    .flatMap((q) => [q.speaker, q.speakerAsWritten])
    .map((name) => (name ? writtenForm(name, key) : undefined))
    .filter((form): form is string => form !== undefined);
  const best = forms.sort((a, b) => capitals(b) - capitals(a))[0] ?? key;
  return quoted.some((q) => /^the\s/iu.test(q.speaker ?? '')) ? `the ${best}` : best;
}

/**
 * The sides of an event's quotations, the one with the most quoted words first; quotations
 * without a speaker, and collective descriptions, belong to none.
 *
 * @example accountSides(quotations).map((side) => side.name) // ['the White House', 'the Kremlin']
 */
export function accountSides(
  quotations: readonly QuotedSpeaker[],
  quotedLength: (index: number) => number = () => 1,
): Side[] {
  const institutions = new Set<string>();
  quotations.forEach((q) => {
    if (q.speakerKey && isInstitution(q) && !isCollective(q.speakerKey))
      institutions.add(institutionOf(q.speakerKey));
  });
  // A person introduced with an institution's name speaks for it.
  const affiliation = new Map<string, string>();
  for (const q of quotations) {
    if (!q.speakerKey || isInstitution(q) || affiliation.has(q.speakerKey)) continue;
    const introduced = [q.speakerAsWritten, q.speaker].filter(Boolean).join(' ');
    const institution = [...institutions].find((key) => writtenForm(introduced, key));
    if (institution) affiliation.set(q.speakerKey, institution);
  }

  const sides = new Map<string, { indexes: number[]; weight: number; person?: string }>();
  quotations.forEach((q, index) => {
    if (!q.speakerKey || !q.speaker) return;
    const institution = isInstitution(q);
    if (institution && isCollective(q.speakerKey)) return;
    const key = institution ? institutionOf(q.speakerKey) : (affiliation.get(q.speakerKey) ?? q.speakerKey);
    const side = sides.get(key) ?? { indexes: [], weight: 0 };
    side.indexes.push(index);
    side.weight += 1 + quotedLength(index) / 200;
    if (
      !institution &&
      !affiliation.has(q.speakerKey) &&
      (!side.person || q.speaker.length > side.person.length)
    )
      side.person = q.speaker;
    sides.set(key, side);
  });
  return [...sides.entries()]
    .sort((a, b) => b[1].weight - a[1].weight || a[0].localeCompare(b[0]))
    .map(([key, side]) => ({
      key,
      name:
        side.person ??
        institutionName(
          key,
          side.indexes.map((i) => quotations[i]!),
        ),
      quotations: side.indexes,
    }));
}
