/**
 * Wire-service datelines: the outlet and date a story's first paragraph gives when the file's
 * metadata does not, e.g. `MOSCOW, November 21. /TASS/.` or `WASHINGTON (Reuters) -`.
 */
import { readWrittenDate } from './published.js';

/** Agencies as datelines write them (lowercased) → the name Readout attributes them by. */
const agencyNames: ReadonlyMap<string, string> = new Map(
  Object.entries({
    TASS: ['tass', 'itar-tass', 'тасс', 'итар-тасс'],
    Reuters: ['reuters'],
    AP: ['ap', 'associated press'],
    AFP: ['afp'],
    Interfax: ['interfax', 'интерфакс'],
    Xinhua: ['xinhua'],
    'RIA Novosti': ['ria novosti', 'ria', 'риа новости'],
    Sputnik: ['sputnik'],
    UPI: ['upi'],
    dpa: ['dpa'],
    Kyodo: ['kyodo'],
    Yonhap: ['yonhap'],
    ANSA: ['ansa'],
    EFE: ['efe'],
    PTI: ['pti'],
    IANS: ['ians'],
    Anadolu: ['anadolu', 'aa'],
    CNN: ['cnn'],
    Bloomberg: ['bloomberg'],
    UNIAN: ['unian'],
    Ukrinform: ['ukrinform'],
    BelTA: ['belta'],
    IRNA: ['irna'],
  }).flatMap(([name, spellings]) => spellings.map((spelling): [string, string] => [spelling, name])),
);

const agencyPattern = [...agencyNames.keys()].sort((a, b) => b.length - a.length).join('|');

/**
 * `(Reuters)` or `/TASS/` after at most a place and a date; the agency must be followed by
 * punctuation or a space, so a bracketed word inside a sentence does not count.
 */
const datelinePattern = new RegExp(
  `^(?<prefix>[\\p{L}\\p{M}\\d ,.'’-]{0,80}?)\\s*(?:\\((?<bracketed>${agencyPattern})\\)|/(?<slashed>${agencyPattern})/)(?=[\\s.,:;\\-–—]|$)`,
  'iu',
);

/**
 * Any outlet, when the shape leaves no doubt: an upper-case place, a date, the outlet in
 * brackets and a dash — `PORT ELLIS, March 4 (Northline Wire) —`.
 */
const namedOutletPattern =
  /^(?<prefix>\p{Lu}[\p{Lu}\p{M} .'’-]{1,40},\s*[\p{L}\d ,.]{3,30}?)\s*\((?<outlet>\p{Lu}[\p{L}\p{M}\d .&'’-]{1,40})\)\s*[—–-]/u;

/** How many leading paragraphs may hold the dateline (a standfirst or caption can come first). */
const paragraphsSearched = 3;

export interface Dateline {
  source?: string;
  /** 'YYYY-MM-DD' when the dateline gives a year, else '--MM-DD'; absent without a date. */
  published?: string;
}

/**
 * Reads the wire dateline in the first paragraphs of an article body (paragraphs separated by
 * line breaks). Returns `{}` when there is none. A dateline without a year gives '--MM-DD': the
 * year is never guessed.
 *
 * @example readDateline('MOSCOW, November 21. /TASS/. Presidents…') // { source: 'TASS', published: '--11-21' }
 */
export function readDateline(text: string): Dateline {
  const paragraphs = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, paragraphsSearched);
  for (const paragraph of paragraphs) {
    const named = namedOutletPattern.exec(paragraph);
    const namedDate = named && readWrittenDate(named.groups!.prefix!);
    if (named && namedDate) {
      const outlet = named.groups!.outlet!.trim();
      return { source: agencyNames.get(outlet.toLowerCase()) ?? outlet, published: namedDate };
    }
    const match = datelinePattern.exec(paragraph);
    const agency = match?.groups?.bracketed ?? match?.groups?.slashed;
    if (!match || agency === undefined) continue;
    const prefix = match.groups?.prefix ?? '';
    // A place name starts with a capital; more than a few words is a sentence, not a dateline.
    if (prefix !== '' && (!/^\p{Lu}/u.test(prefix) || prefix.split(/\s+/).length > 8)) continue;
    const source = agencyNames.get(agency.toLowerCase());
    const published = readWrittenDate(prefix);
    return { ...(source && { source }), ...(published && { published }) };
  }
  return {};
}
