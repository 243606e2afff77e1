import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, decodeWindows1252 } from '../../../src/ingest/load/decode.js';
import { thrownReason } from '../../support/article-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: Array<number | number[] | Uint8Array>) =>
  Uint8Array.from(values.flatMap((value) => (typeof value === 'number' ? [value] : [...value])));

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const out: number[] = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out.push(...(endian === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff]));
  }
  return Uint8Array.from(out);
}

describe('decodeArticleBytes', () => {
  it.each([
    ['UTF-8', utf8('Café “quoted”'), 'Café “quoted”', 'utf-8'],
    ['UTF-8 with a byte order mark', bytes(0xef, 0xbb, 0xbf, utf8('Café')), 'Café', 'utf-8'],
    ['UTF-16LE with a byte order mark', utf16('Café “quoted”', 'le'), 'Café “quoted”', 'utf-16le'],
    ['UTF-16BE with a byte order mark', utf16('Café “quoted”', 'be'), 'Café “quoted”', 'utf-16be'],
    ['Windows-1252 curly quotes and é', bytes(0x93, utf8('Caf'), 0xe9, 0x94), '“Café”', 'windows-1252'],
    [
      'Windows-1252 apostrophe, dashes and euro',
      bytes(utf8('it'), 0x92, utf8('s '), 0x96, 0x97, 0x80),
      'it’s –—€',
      'windows-1252',
    ],
    [
      'Latin-1 accents',
      bytes(utf8('na'), 0xef, utf8('ve Z'), 0xfc, utf8('rich')),
      'naïve Zürich',
      'windows-1252',
    ],
  ])('decodes %s', (_case, input, text, encoding) => {
    expect(decodeArticleBytes(input)).toEqual({ text, encoding });
  });

  it.each([
    ['little-endian', 'le', 'utf-16le'],
    ['big-endian', 'be', 'utf-16be'],
  ] as const)('recognises %s UTF-16 of Latin text without a byte order mark', (_case, endian, encoding) => {
    const input = utf16('Obama and Putin talk “Syria” in Zürich', endian).subarray(2);
    expect(decodeArticleBytes(input)).toEqual({ text: 'Obama and Putin talk “Syria” in Zürich', encoding });
  });

  it.each([
    ['CRLF', utf8('one\r\ntwo\r\n'), 'one\ntwo\n'],
    ['CR', utf8('one\rtwo'), 'one\ntwo'],
    ['CRLF in UTF-16', utf16('one\r\ntwo', 'le'), 'one\ntwo'],
    ['CRLF in Windows-1252', bytes(utf8('caf'), 0xe9, 0x0d, 0x0a, utf8('ok')), 'café\nok'],
  ])('turns %s line ends into line feeds', (_case, input, text) => {
    expect(decodeArticleBytes(input).text).toBe(text);
  });

  it('uses an encoding the file declares when the bytes are not UTF-8', () => {
    // "Путин" in Windows-1251.
    const input = bytes(0xcf, 0xf3, 0xf2, 0xe8, 0xed);
    expect(decodeArticleBytes(input, { declaredEncoding: 'windows-1251' }).text).toBe('Путин');
  });

  it('prefers UTF-8 over a declared legacy encoding when the bytes are valid UTF-8', () => {
    expect(decodeArticleBytes(utf8('Путин'), { declaredEncoding: 'windows-1251' }).text).toBe('Путин');
  });

  it('ignores a declared encoding it does not know', () => {
    expect(decodeArticleBytes(bytes(0xe9), { declaredEncoding: 'no-such-encoding' }).text).toBe('é');
  });

  it.each([
    ['no bytes', bytes(), 'empty file'],
    ['only whitespace', utf8(' \n\t\r\n  '), 'empty file'],
    ['only a byte order mark', bytes(0xef, 0xbb, 0xbf), 'empty file'],
    ['a NUL byte', bytes(utf8('text'), 0x00, utf8('more text')), 'binary file (not text)'],
    [
      'a PNG header',
      bytes(0x89, utf8('PNG'), 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d),
      'binary file (not text)',
    ],
    ['many control codes', bytes(utf8('ab'), 0x01, 0x02, 0x03, 0x04, utf8('cd')), 'binary file (not text)'],
    ['UTF-16 holding control codes', utf16('a\u0001\u0002\u0003b', 'le'), 'binary file (not text)'],
    [
      'invalid UTF-8 after a UTF-8 byte order mark',
      bytes(0xef, 0xbb, 0xbf, 0xc3, 0x28),
      'cannot decode text (invalid UTF-8 after its byte order mark)',
    ],
    [
      'a lone surrogate after a UTF-16 byte order mark',
      bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00),
      'cannot decode text (invalid UTF-16LE after its byte order mark)',
    ],
    [
      'bytes Windows-1252 leaves undefined',
      bytes(utf8('abc'), 0x81, 0x8d, utf8('def')),
      'cannot decode text (neither UTF-8 nor Windows-1252)',
    ],
  ])('refuses %s', (_case, input, reason) => {
    expect(thrownReason(() => decodeArticleBytes(input))).toBe(reason);
  });

  it('tolerates a stray control code in a long text', () => {
    const text = `${'word '.repeat(100)}\u0007 end`;
    expect(decodeArticleBytes(utf8(text)).text).toBe(text);
  });

  it('looks for binary content only in the first 8 KB', () => {
    const input = bytes(utf8('a'.repeat(9000)), 0x00);
    expect(decodeArticleBytes(input).text).toHaveLength(9001);
  });
});

describe('decodeWindows1252', () => {
  it.each([
    [0x80, '€'],
    [0x85, '…'],
    [0x91, '‘'],
    [0x92, '’'],
    [0x93, '“'],
    [0x94, '”'],
    [0x96, '–'],
    [0x97, '—'],
    [0x9f, 'Ÿ'],
    [0xe9, 'é'],
    [0x41, 'A'],
  ])('decodes byte %i as %s, as the WHATWG table says', (byte, character) => {
    expect(decodeWindows1252(bytes(byte))).toBe(character);
  });
});
