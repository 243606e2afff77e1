/**
 * Bytes of an article file → text, or an `ArticleError` saying why the file is not text.
 *
 * Archives hold UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, and
 * legacy Windows-1252 exports. UTF-8 is tried strictly first, so a file is never silently filled
 * with replacement characters; bytes that are not UTF-8 are read as Windows-1252, which assigns a
 * character to almost every byte (curly quotes at 0x93/0x94, é at 0xE9).
 */
import { ArticleError } from '../../errors.js';

/** How many leading bytes (or characters) are inspected to tell text from binary. */
const binarySampleSize = 8 * 1024;

/**
 * WHATWG windows-1252 for bytes 0x80–0x9F. Node 20.18.3+ decodes 'windows-1252' as Latin-1,
 * giving C1 control characters there instead of “ ” ‘ ’ – — € (nodejs/node#60888), so the
 * decoder's output is corrected with this table. Holes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay
 * control characters, as the standard says.
 */
// biome-ignore format: one row per 16 bytes
const windows1252High = [
  '€', '\u0081', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u008D', 'Ž', '\u008F',
  '\u0090', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u009D', 'ž', 'Ÿ',
];

/** Text decoded from a file, with the encoding it was read as. */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | (string & {});
}

export interface DecodeOptions {
  /**
   * An encoding the file declares for itself (an HTML `<meta charset>`), used instead of
   * Windows-1252 when the bytes are not UTF-8. Ignored when the runtime does not know it.
   */
  declaredEncoding?: string;
}

/**
 * Decodes an article file's bytes to text with '\n' line ends and no byte order mark.
 *
 * Throws `ArticleError` with 'empty file', 'binary file (not text)' or 'cannot decode text (…)'.
 *
 * @example decodeArticleBytes(Uint8Array.of(0x93, 0x48, 0x69, 0x94)).text // '“Hi”'
 */
export function decodeArticleBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) throw new ArticleError('empty file');

  const decoded = decodeWithByteOrderMark(bytes) ?? decodeWithoutByteOrderMark(bytes, options);
  // Text whose bytes were not looked at (UTF-16) is looked at now.
  if (!decoded.bytesChecked && looksBinary(decoded.text.slice(0, binarySampleSize))) {
    throw new ArticleError('binary file (not text)');
  }
  const text = decoded.text.includes('\r') ? decoded.text.replace(/\r\n?/g, '\n') : decoded.text;
  if (text.trim() === '') throw new ArticleError('empty file');
  return { text, encoding: decoded.encoding };
}

/** Decoded text, and whether its bytes already passed looksBinary. */
type Decoded = DecodedText & { bytesChecked?: boolean };

function decodeWithByteOrderMark(bytes: Uint8Array): Decoded | undefined {
  const encoding =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : undefined;
  if (encoding === undefined) return undefined;
  try {
    // The decoder drops the byte order mark itself.
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch (error) {
    throw new ArticleError(
      `cannot decode text (invalid ${encoding.toUpperCase()} after its byte order mark)`,
      {
        cause: error,
      },
    );
  }
}

function decodeWithoutByteOrderMark(bytes: Uint8Array, options: DecodeOptions): Decoded {
  const sample = bytes.subarray(0, binarySampleSize);
  const utf16 = sniffUtf16(sample);
  if (utf16 !== undefined) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      // Not UTF-16 after all: judged as binary below.
    }
  }
  // Checked on the raw bytes: a NUL would otherwise pass as valid UTF-8.
  // As Latin-1, one character per byte: the same codes, tested by the same scan.
  if (looksBinary(Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString('latin1'))) {
    throw new ArticleError('binary file (not text)');
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      bytesChecked: true,
    };
  } catch {
    // Not UTF-8: a legacy single-byte encoding.
  }
  const declared = supportedLegacyEncoding(options.declaredEncoding);
  if (declared !== undefined) {
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, bytesChecked: true };
  }
  const text = decodeWindows1252(bytes);
  if (/[\u0081\u008d\u008f\u0090\u009d]/.test(text)) {
    // Bytes Windows-1252 leaves undefined: some other encoding, which would be read as gibberish.
    throw new ArticleError('cannot decode text (neither UTF-8 nor Windows-1252)');
  }
  return { text, encoding: 'windows-1252', bytesChecked: true };
}

/**
 * UTF-16 saved without a byte order mark, recognised when it is mostly Latin text: then every
 * other byte is zero (the high byte of each code unit), and the bytes between are not.
 */
function sniffUtf16(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const pairs = Math.floor(sample.length / 2);
  // No zero byte, no UTF-16 (most files: one native search instead of the count below).
  if (pairs < 2 || sample.indexOf(0) === -1) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd >= pairs * 0.6 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.6 && zeroOdd === 0) return 'utf-16be';
  return undefined;
}

/** Decodes Windows-1252 as the WHATWG Encoding Standard defines it, whatever Node's decoder does. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) => windows1252High[c.charCodeAt(0) - 0x80] ?? c);
}

function supportedLegacyEncoding(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    // UTF-8 already failed; Windows-1252 (and its 'latin1'/'iso-8859-1' aliases) is the default.
    return encoding === 'utf-8' || encoding === 'windows-1252' ? undefined : encoding;
  } catch {
    return undefined;
  }
}

/** Control codes that do not occur in text: all but tab, line feed, vertical tab, form feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control codes are what it looks for.
const strayControl = /[\x00-\x08\x0e-\x1f\x7f]/g;

/**
 * Whether a sample (UTF-16 code units, or bytes read as Latin-1) reads as binary: one NUL is
 * enough (no text encoding without a byte order mark produces it); a few other control codes
 * are tolerated as stray bytes in scraped text. Native scans: a loop over every character of
 * every file cost a re-index more than decoding them.
 */
function looksBinary(sample: string): boolean {
  if (sample.includes('\0')) return true;
  const controls = sample.match(strayControl)?.length ?? 0;
  return controls * 100 > sample.length;
}
