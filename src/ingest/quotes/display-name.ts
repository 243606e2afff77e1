/**
 * A speaker as an attribution line shows them: a person by their name alone ("Union president
 * Teodora Brask" → "Teodora Brask", "Russian President Vladimir Putin" → "Vladimir Putin"), an
 * institution or a description as written, without a possessive ("the union's" → "the union").
 */
import { roleNouns, titles } from './lexicon.js';
import { compromiseKnowledge } from './name-knowledge.js';

/** Role words the lexicon does not list as titles but newsrooms put before names. */
const moreRoles = new Set([
  'councillor',
  'councilor',
  'mediator',
  'negotiator',
  'alderman',
  'trustee',
  'minister',
]);

function isRoleWord(word: string): boolean {
  return word
    .toLowerCase()
    .replace(/\.$/, '')
    .split('-')
    .some((part) => titles.has(part) || roleNouns.has(part) || moreRoles.has(part));
}

/**
 * The name to show for a speaker.
 *
 * @example displayName('White House Press Secretary Josh Earnest') // 'Josh Earnest'
 */
export function displayName(speaker: string): string {
  const name = speaker.trim().replace(/['’]s?$/u, '');
  if (/^(?:the|a|an)\s/iu.test(name)) return name;
  const words = name.split(/\s+/u);
  let last = -1;
  words.forEach((word, index) => {
    if (isRoleWord(word) || !/^\p{Lu}/u.test(word)) last = index;
  });
  let rest = words.slice(last + 1);
  // "Harbourmaster Petra Quill": the name starts at its first name, where one is known.
  const knowledge = compromiseKnowledge();
  const firstName = rest.findIndex((word) => knowledge.firstName(word.toLowerCase()) !== null);
  if (firstName > 0 && rest.length - firstName >= 2) rest = rest.slice(firstName);
  return rest.length > 0 && rest.every((word) => /^\p{Lu}/u.test(word)) ? rest.join(' ') : name;
}
