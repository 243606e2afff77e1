import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compromiseKnowledge,
  type Lexicon,
  nameWordsOf,
  nameWordsText,
  parseNameWords,
} from '../../../src/ingest/quotes/name-knowledge.js';
import { nameWordsFile } from '../../../src/paths.js';
import { compromise } from '../../../src/text/compromise.js';

describe('db/name-words.tsv', () => {
  it('is what `npm run name-words` writes from the installed compromise (run it after an upgrade)', () => {
    const nlp = compromise();
    const lexicon = (nlp.model() as { one: { lexicon: Lexicon } }).one.lexicon;
    expect(fs.readFileSync(nameWordsFile, 'utf8')).toBe(nameWordsText(lexicon, nlp.version));
  });
});

describe('nameWordsOf: the kinds compromise’s tags give a word', () => {
  it.each<[string, string | string[], string[]]>([
    ['hillary', 'FemaleName', ['female']],
    ['barack', ['MaleName', 'FirstName'], ['male']],
    ['robin', 'FirstName', ['either-sex']],
    ['clinton', ['LastName'], ['surname']],
    ['syria', 'Country', ['place']],
    ['nato', 'Organization', ['organization']],
    ['presidential', 'Adjective', ['common']],
    ['critics', ['Plural', 'Noun'], ['common', 'plural']],
    ['jordan', ['Country', 'FirstName'], ['either-sex', 'place']],
    // A word that is also a name is not common, whatever else it is.
    ['will', ['Modal', 'MaleName'], ['male']],
    ['the', 'Noun', []],
  ])('%s (%j) → %j', (word, tags, kinds) => {
    const found = nameWordsOf({ [word]: tags });
    expect(found).toEqual(kinds.length === 0 ? [] : [[word, kinds]]);
  });
});

describe('parseNameWords', () => {
  it('reads what nameWordsText writes, the same bits for the same kinds', () => {
    const text = nameWordsText(
      { ada: 'FemaleName', lund: 'LastName', oslo: 'City', ran: 'PastTense' },
      'test',
    );
    const bits = parseNameWords(text);
    expect([...bits.keys()]).toEqual(['ada', 'lund', 'oslo', 'ran']);
    expect(new Set(bits.values()).size).toBe(4);
  });

  it('reads a table whose line ends became CRLF the same', () => {
    const text = nameWordsText({ ada: 'FemaleName', oslo: 'City' }, 'test');
    expect(parseNameWords(text.replaceAll('\n', '\r\n'))).toEqual(parseNameWords(text));
  });

  it('names a kind it does not know', () => {
    expect(() => parseNameWords('ada\tfemale,royal\n')).toThrow(/unknown kind of word "royal"/);
  });
});

describe('compromiseKnowledge (read from the table)', () => {
  const knowledge = compromiseKnowledge();
  it.each<[keyof typeof knowledge, string, unknown]>([
    ['firstName', 'hillary', 'f'],
    ['firstName', 'john', 'm'],
    ['firstName', 'debates', null],
    ['isPlace', 'syria', true],
    ['isPlace', 'hillary', false],
    ['isOrganization', 'nato', true],
    ['isCommonWord', 'debates', true],
    ['isCommonWord', 'john', false],
    ['isPlural', 'officials', true],
    ['isSurname', 'syria', false],
  ])('%s(%s) is %j', (question, word, expected) => {
    expect(knowledge[question](word)).toBe(expected);
  });
});
