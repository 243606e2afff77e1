import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverArticleFiles } from '../../src/ingest/discover.js';
import { tempDir } from '../support/fixtures.js';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('discoverArticleFiles: names that are and are not UTF-8', () => {
  // Folder and file names as bytes; the path each should be listed as (under the archive), and
  // whether it needs its bytes to be opened.
  it.each([
    ['a UTF-8 folder and file', [utf8('dépêche'), utf8('été.md')], 'dépêche/été.md', false],
    ['a UTF-8 name with U+FFFD in it', [utf8('desk'), utf8('\uFFFD.md')], 'desk/\uFFFD.md', false],
    ['a Latin-1 file in a UTF-8 folder', [utf8('desk'), latin1('café.md')], 'desk/café.md', true],
    ['a UTF-8 file in a Latin-1 folder', [latin1('dépêche'), utf8('note.md')], 'dépêche/note.md', true],
    // The whole path is read as Latin-1 when any of it is not UTF-8: nothing is lost, and the
    // bytes open it.
    [
      'a Latin-1 file in a folder with accents in UTF-8',
      [utf8('été'), latin1('café.md')],
      'Ã©tÃ©/café.md',
      true,
    ],
  ])('%s', (_case, [folder, file], listed, needsBytes) => {
    const root = tempDir();
    const folderPath = Buffer.concat([utf8(root), utf8(path.sep), folder!]);
    fs.mkdirSync(folderPath);
    const filePath = Buffer.concat([folderPath, utf8(path.sep), file!]);
    fs.writeFileSync(filePath, '# Harbour\n\nThe ferry sailed.\n');

    const found = discoverArticleFiles([root]);
    const expected = `${root}${path.sep}${listed.replace('/', path.sep)}`;
    expect(found.articleFiles).toEqual([expected]);
    expect(found.unreadable).toEqual([]);
    expect(found.rawPaths.has(expected)).toBe(needsBytes);
    expect(found.stats.get(expected)?.size).toBe(fs.statSync(filePath).size);
    expect(fs.readFileSync(found.rawPaths.get(expected) ?? expected, 'utf8')).toContain('ferry');
  });

  it('lists a folder in byte order, hidden entries left out, other types passed over', () => {
    const root = tempDir();
    for (const name of ['b.md', 'a.txt', '.hidden.md', 'Z.md', 'photo.jpg']) {
      fs.writeFileSync(path.join(root, name), 'The ferry sailed.\n');
    }
    const found = discoverArticleFiles([root]);
    expect(found.articleFiles.map((file) => path.basename(file))).toEqual(['Z.md', 'a.txt', 'b.md']);
    expect(found.ignored.map((file) => path.basename(file))).toEqual(['photo.jpg']);
  });
});
