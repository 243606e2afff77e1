import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultAliasesFile } from '../../src/paths.js';
import { AliasFile, aliasesFor, joinAliasNames, parseAliases } from '../../src/search/aliases.js';

const table = parseAliases(`
# comment line
ISIS | ISIL | Islamic State | Daesh   # trailing comment
Jabhat | Dzhabhat | An-Nusra
lonely name without alternatives
Kyiv | Kiev
Kiev | Kijev
`);

describe('parseAliases and aliasesFor', () => {
  it.each([
    [['isis'], [['isis'], ['isil'], ['islamic', 'state'], ['daesh']]],
    [
      ['islamic', 'state'],
      [['islamic', 'state'], ['isis'], ['isil'], ['daesh']],
    ],
    [
      ['an', 'nusra'],
      [['an', 'nusra'], ['jabhat'], ['dzhabhat']],
    ],
    [['lonely', 'name', 'without', 'alternatives'], undefined],
    [['syria'], undefined],
  ])('gives %j the alternatives %j', (words, expected) => {
    expect(aliasesFor(table, words)).toEqual(expected);
  });

  it('joins groups that share a name', () => {
    expect(aliasesFor(table, ['kiev'])).toEqual([['kiev'], ['kyiv'], ['kijev']]);
  });
});

describe('AliasFile', () => {
  it('reads the shipped alias list', () => {
    const aliases = new AliasFile(defaultAliasesFile).current();
    expect(aliasesFor(aliases, ['isis'])?.map((w) => w.join(' '))).toContain('daesh');
  });

  it('treats a missing file as no aliases', () => {
    expect(new AliasFile(path.join(os.tmpdir(), 'no-such-aliases.txt')).current().groups.size).toBe(0);
  });

  it('picks up an edit without a restart', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aliases-')), 'aliases.txt');
    fs.writeFileSync(file, 'a1 | a2\n');
    const aliases = new AliasFile(file);
    expect(aliasesFor(aliases.current(), ['b1'])).toBeUndefined();
    fs.writeFileSync(file, 'b1 | b2\n');
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(aliasesFor(aliases.current(), ['b1'])).toEqual([['b1'], ['b2']]);
  });
});

describe('joinAliasNames', () => {
  const term = (text: string, quoted = false) => ({ words: text.split(' '), quoted });
  const words = (terms: Array<{ words: string[] }>) => terms.map((t) => t.words.join(' '));
  it.each([
    [
      [term('islamic'), term('state'), term('raqqa')],
      ['islamic state', 'raqqa'],
    ],
    [
      [term('raqqa'), term('islamic'), term('state')],
      ['raqqa', 'islamic state'],
    ],
    [
      [term('islamic'), term('state', true)],
      ['islamic', 'state'],
    ],
    [
      [term('dzhabhat'), term('an nusra')],
      ['dzhabhat', 'an nusra'],
    ],
    [
      [term('state'), term('islamic')],
      ['state', 'islamic'],
    ],
    [[], []],
  ])('joins %j into %j', (terms, expected) => {
    expect(words(joinAliasNames(table, terms))).toEqual(expected);
  });
});
