/**
 * Photo captions: kept as text, but an article's headline belongs with its first real paragraph.
 */
import { monthPattern } from './published.js';

/** Longest paragraph still read as a photo caption. */
const captionMaxLength = 400;
const captionPrefix = /^(?:FILE(?: PHOTO)?|PHOTO|IMAGE)\s*[-–—:]\s/u;
const captionPosition = /\((?:L|R|C|left|right|centre|center|top|bottom)\)/iu;
const captionCredit =
  /\((?:[\p{L}. ]+\/)?(?:[\p{L}. ]+ )?(?:Photo|Image)[^)]*\)\.?$|(?:Photo|Image|Picture):\s*[^.]{2,80}\.?$/u;
const captionDateline = new RegExp(`,\\s+(?:${monthPattern})\\.?\\s+\\d{1,2},\\s+\\d{4}\\.?$`, 'iu');

/**
 * Whether a passage is only photo captions (each line): "FILE - …", a trailing ", April 16,
 * 2016.", a position mark "(L)", or a photo credit. A caption is kept as text, but an article's
 * headline belongs with its first real paragraph, not with a caption.
 *
 * @example isPhotoCaption('Civil defense members … Old Aleppo, Syria, April 16, 2016.') // true
 */
export function isPhotoCaption(passage: string): boolean {
  return passage.split('\n').every((raw) => {
    const line = raw.trim();
    return (
      line.length <= captionMaxLength &&
      (captionPrefix.test(line) ||
        captionPosition.test(line) ||
        captionCredit.test(line) ||
        captionDateline.test(line.toLowerCase()))
    );
  });
}
