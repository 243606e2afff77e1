import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { buildMatch, quoteFts } from '../../src/search/fts-query.js';

describe('quoteFts', () => {
  it.each([
    ['syria', '"syria"'],
    ['say "hi"', '"say ""hi"""'],
    ['NEAR(a b)', '"NEAR(a b)"'],
    ['*', '"*"'],
    ['', '""'],
  ])('quotes %j as %j', (input, expected) => {
    expect(quoteFts(input)).toBe(expected);
  });

  // The point of quoting: FTS5 accepts any quoted text as a plain string, never an operator.
  it.each([
    'AND',
    'OR',
    'NOT',
    'NEAR(',
    '"',
    '*',
    '^',
    'title:',
    '(',
    ')',
    '{a b}',
    '-',
    '+',
    '🙂',
    '\u0000x',
  ])('lets FTS5 read %j without a syntax error', (input) => {
    const db = new Database(':memory:');
    db.exec("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='porter unicode61 remove_diacritics 2')");
    db.prepare('INSERT INTO t (body) VALUES (?)').run('and or not near title');
    expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(quoteFts(input))).not.toThrow();
    db.close();
  });
});

describe('buildMatch', () => {
  it.each([
    [{ required: [[['obama']], [['putin']]] }, '"obama" AND "putin"'],
    [{ required: [[['white', 'house']]] }, '"white house"'],
    [{ required: [[['isis'], ['islamic', 'state']]] }, '("isis" OR "islamic state")'],
    [
      { required: [[['obama']]], excluded: [[['trump']], [['white', 'house']]] },
      '("obama") NOT ("trump" OR "white house")',
    ],
    [{ required: [[['obama']], [['putin']]], any: true }, '"obama" OR "putin"'],
  ])('builds %j as %s', (parts, expected) => {
    expect(buildMatch(parts)).toBe(expected);
  });
});
