/**
 * Roles and nationalities: what descriptions ("the Russian leader", "the White House press
 * secretary") are resolved by. The words around a name give its roles ("pollster Pat Caddell",
 * "Dmitry Peskov, the Kremlin spokesman,"); a description names someone whose role is of its
 * family (a head of state is a leader, a premier a prime minister).
 */
import { determiners, nations, roleNouns, speechVerbs, titles } from './lexicon.js';
import { tokenize } from './tokens.js';

const compoundRoles: Record<string, Record<string, string>> = {
  secretary: { press: 'press secretary', state: 'secretary of state' },
  minister: { prime: 'prime minister', foreign: 'foreign minister' },
  president: { vice: 'vice president' },
};
/** The role a word gives, made compound with the word before it ('press secretary'). */
export function roleOf(words: readonly string[], at: number): string | null {
  const word = words[at]!;
  const role = titles.get(word) || (roleNouns.has(word) ? word : null);
  if (!role) return null;
  return compoundRoles[role]?.[words[at - 1] ?? ''] ?? role;
}

/** Roles and nationalities in the few words before a name ('his Russian counterpart'). */
export function describeBefore(text: string, start: number, roles: string[], found: string[]): void {
  const before = tokenize(text, Math.max(0, start - 60), start).slice(-4);
  const words = before.map((token) => token.lower);
  const nearest = words.at(-1) ?? '';
  // Only a role or a nationality right before the name describes it ('pollster Pat Caddell').
  if (!roleNouns.has(nearest) && !titles.has(nearest) && !nations.has(nearest)) return;
  for (let k = before.length - 1; k >= 0; k--) {
    const token = before[k]!;
    if (!token.word || determiners.has(token.lower)) break;
    const nation = nations.get(token.lower);
    if (nation) found.push(nation);
    const role = roleOf(words, k);
    if (role) roles.push(role);
  }
}

/** Roles and nationalities after a name: "…, the Kremlin spokesman," or "… of Russia". */
export function describeAfter(text: string, end: number, roles: string[], found: string[]): void {
  const after = tokenize(text, end, Math.min(text.length, end + 120)).slice(0, 14);
  const words = after.map((token) => token.lower);
  if (words[0] === 'of') {
    const nation = nations.get(words[1] === 'the' ? `${words[2]} ${words[3]}` : (words[1] ?? ''));
    const single = nations.get(words[1] === 'the' ? (words[2] ?? '') : (words[1] ?? ''));
    if (nation ?? single) found.push((nation ?? single)!);
    return;
  }
  if (words[0] !== ',' || !determiners.has(words[1] ?? '')) return;
  // An appositive is closed by a comma: ", the Russian President said" is a new subject.
  const close = words.indexOf(',', 2);
  if (close < 0 || words.slice(2, close).some((word) => speechVerbs.has(word))) return;
  for (let k = 2; k < close; k++) {
    const token = after[k]!;
    if (!token.word) break;
    const nation = nations.get(token.lower);
    if (nation) found.push(nation);
    const role = roleOf(words, k);
    if (role) roles.push(role);
  }
}

/** Roles one description may name by another: a head of state is a leader, a premier a prime minister. */
const roleFamilies: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['president', 'leader', 'head', 'head of state', 'counterpart']),
  new Set(['prime minister', 'premier', 'leader', 'head', 'head of government', 'counterpart']),
  new Set(['chancellor', 'leader', 'head', 'counterpart']),
  new Set(['king', 'queen', 'leader', 'monarch']),
  new Set(['spokesperson', 'spokesman', 'spokeswoman', 'press secretary', 'spokesperson']),
  new Set(['representative', 'congressman', 'congresswoman', 'lawmaker']),
  new Set(['senator', 'lawmaker']),
  new Set(['chairman', 'chairwoman', 'chair']),
  new Set(['businessman', 'businesswoman', 'billionaire', 'mogul', 'tycoon']),
  new Set(['nominee', 'candidate']),
  new Set(['chief executive', 'ceo', 'executive', 'boss', 'head']),
];

/** Whether a description's role can name someone known by another role. */
export function rolesCompatible(described: string, known: string): boolean {
  if (described === known) return true;
  return roleFamilies.some((family) => family.has(described) && family.has(known));
}

const givingRoles = new Map<string, string[]>();

/** The words that give a role compatible with `role` (titles, role nouns, heads of compound roles). */
export function wordsGiving(role: string): string[] {
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
