import { describe, expect, it } from 'vitest';
import {
  displayTerm,
  maxQueryLength,
  maxTerms,
  parseDateValue,
  parseQuery,
} from '../../src/search/parse-query.js';

const terms = (text: string) => parseQuery(text).terms.map(displayTerm);
const excluded = (text: string) => parseQuery(text).excluded.map(displayTerm);

describe('parseQuery', () => {
  it.each([
    ['obama putin syria', ['obama', 'putin', 'syria']],
    ['Obama PUTIN', ['obama', 'putin']],
    ['"cessation of hostilities" putin', ['"cessation of hostilities"', 'putin']],
    ['“curly quoted phrase”', ['"curly quoted phrase"']],
    ['„German quotes“', ['"german quotes"']],
    ['«guillemets»', ['"guillemets"']],
    ['"unclosed phrase runs on', ['"unclosed phrase runs on"']],
    ['An-Nusra', ['"an nusra"']],
    ["obama's", ['obama']],
    ['Bush’s', ['bush']],
    ['"obama\'s"', ['"obama s"']],
    ['U.S.', ['"u s"']],
    ['Путин Сирия', ['путин', 'сирия']],
    ['Erdoğan café', ['erdoğan', 'café']],
    ['putin putin PUTIN', ['putin']],
    ['unknown:field', ['unknown', 'field']],
    ['obama AND putin', ['obama', 'and', 'putin']],
    ['obama OR putin NOT syria', ['obama', 'or', 'putin', 'not', 'syria']],
  ])('reads %j as terms %j', (input, expected) => {
    expect(terms(input)).toEqual(expected);
  });

  it.each([
    ['obama -trump', ['trump']],
    ['obama -"white house"', ['"white house"']],
    ['obama - trump', []],
    ['obama-trump', []],
  ])('reads exclusions in %j as %j', (input, expected) => {
    expect(excluded(input)).toEqual(expected);
  });

  it.each([
    ['NEAR(obama putin)', ['near', 'obama', 'putin']],
    ['obama*', ['obama']],
    ['^putin', ['putin']],
    ['title:putin', ['title', 'putin']],
    ['(syria) {x} [y]', ['syria', 'x', 'y']],
    ['"" "', []],
    ['"a""b"', ['"a"', '"b"']],
    ['putin; DROP TABLE passages; --', ['putin', 'drop', 'table', 'passages']],
    ["' OR 1=1 --", ['or', '1']],
    ['🙂🚀', []],
    ['obama\u0000putin\u0007', ['obama', 'putin']],
    ['\u202e\u200bputin', ['putin']],
  ])('turns hostile %j into plain words %j', (input, expected) => {
    expect(terms(input)).toEqual(expected);
  });

  it.each(['', '   ', 'help', 'HELP', ' help ', '?', '--help'])(
    'treats %j as a request for help',
    (input) => {
      expect(parseQuery(input).kind).toBe('help');
    },
  );

  it('reads source filters, quoted or not, as lowercase outlet names', () => {
    const parsed = parseQuery('putin source:TASS source:"Voice of America"');
    expect(parsed.filters.sources).toEqual(['tass', 'voice of america']);
    expect(terms('putin source:TASS')).toEqual(['putin']);
  });

  it.each([
    ['who:putin sanctions', ['putin'], ['sanctions']],
    ['who:"White House" ceasefire', ['white house'], ['ceasefire']],
    ['who:Путин who:Putin who:putin', ['путин', 'putin'], []],
    ['who:putin -who:obama', ['putin'], []],
    ['who:', [], ['who']],
  ])('reads the speaker filter in %j', (input, speakers, words) => {
    const parsed = parseQuery(input);
    expect(parsed.filters.speakers).toEqual(speakers);
    expect(parsed.terms.map((term) => term.words.join(' '))).toEqual(words);
  });

  it('notes a negated who: and ignores it', () => {
    expect(parseQuery('who:putin -who:obama').notes.join(' ')).toMatch(/-who:obama is not supported/);
  });

  it.each([
    ['after:2016-09-01', { after: '2016-09-01' }],
    ['before:2017', { before: '2017-01-01' }],
    ['after:2016-09 before:2017-03-15', { after: '2016-09-01', before: '2017-03-15' }],
    ['after:2016/9/5', { after: '2016-09-05' }],
  ])('reads date filter %j', (input, expected) => {
    const { sources: _sources, speakers: _speakers, ...dates } = parseQuery(`syria ${input}`).filters;
    expect(dates).toEqual(expected);
  });

  it.each(['after:yesterday', 'before:2016-13', 'after:2016-02-30'])(
    'notes and ignores the bad date %j',
    (input) => {
      const parsed = parseQuery(`syria ${input}`);
      expect(parsed.filters.after ?? parsed.filters.before).toBeUndefined();
      expect(parsed.notes.join(' ')).toMatch(/is not a date/);
      expect(terms(`syria ${input}`)).toEqual(['syria']);
    },
  );

  it('notes a date range that cannot match', () => {
    expect(parseQuery('x after:2018 before:2017').notes.join(' ')).toMatch(/nothing can match both/);
  });

  it('cuts a 5,000-character query to the maximum length and says so', () => {
    const parsed = parseQuery('syria '.repeat(900));
    expect(parsed.text.length).toBe(maxQueryLength);
    expect(parsed.notes.join(' ')).toMatch(/shortened/);
  });

  it('keeps at most the maximum number of terms and says so', () => {
    const parsed = parseQuery(Array.from({ length: 40 }, (_, i) => `word${i}`).join(' '));
    expect(parsed.terms).toHaveLength(maxTerms);
    expect(parsed.notes.join(' ')).toMatch(/only the first/);
  });

  it('marks user-quoted phrases apart from hyphenated words', () => {
    const [quoted, hyphenated] = parseQuery('"white house" al-Assad').terms;
    expect(quoted).toMatchObject({ words: ['white', 'house'], quoted: true });
    expect(hyphenated).toMatchObject({ words: ['al', 'assad'], quoted: false });
  });
});

describe('parseDateValue', () => {
  it.each([
    ['2017', { start: '2017-01-01', next: '2018-01-01' }],
    ['2016-12', { start: '2016-12-01', next: '2017-01-01' }],
    ['2016-02-29', { start: '2016-02-29', next: '2016-03-01' }],
    ['2016.9.5', { start: '2016-09-05', next: '2016-09-06' }],
    ['2017-02-29', undefined],
    ['17', undefined],
    ['2016-00', undefined],
    ['Sept 2016', undefined],
  ])('reads %j as %j', (input, expected) => {
    expect(parseDateValue(input)).toEqual(expected);
  });
});
