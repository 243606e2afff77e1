/**
 * A deterministic synthetic newsroom archive for the benchmark.
 *
 * Words are invented (syllable combinations) and drawn from a Zipf distribution, so term
 * frequencies look like real text: a few very common words, a long tail of rare ones. Each
 * article also has a topic whose words it uses more often, so the words of a realistic query
 * occur together the way "obama putin syria" does in real copy. About 2% of paragraphs are
 * syndicated: the same paragraph, verbatim, in another outlet's article.
 *
 * Every article and every paragraph is drawn from its own seed (archive seed, article number,
 * paragraph number), so any one of them can be regenerated alone: the query list takes phrases
 * from early articles without generating the archive, and a syndicated copy regenerates the
 * original paragraph instead of keeping the archive in memory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AliasSampler, mixSeed, Random, zipfWeights } from './prng.js';

export interface ArchiveOptions {
  seed: number;
  /** Distinct invented word forms, in rank order of frequency. */
  vocabularySize?: number;
  /** Zipf exponent of the word distribution (about 1 for English). */
  zipfExponent?: number;
  topics?: number;
}

export interface SyntheticArticle {
  id: string;
  title: string;
  /** Paragraphs separated by a blank line. */
  body: string;
  source: string;
  published: string;
  url: string;
  author: string;
}

/** Where a syndicated paragraph was first published. */
export interface ParagraphOrigin {
  article: number;
  position: number;
}

export interface ArticleShape {
  index: number;
  paragraphs: number;
  topic: number;
  outlet: number;
  published: string;
  author: string;
  /** For syndicated positions: the paragraph they copy. */
  copies: Map<number, ParagraphOrigin>;
}

export const outlets: readonly { name: string; domain: string }[] = [
  'The Harlow Courier',
  'Northgate Ledger',
  'Evening Dispatch',
  'The Riverside Post',
  'Coastal Herald',
  'Metro Wire',
  'The Daily Meridian',
  'Valley Tribune',
  'The Morning Standard',
  'Capital Gazette',
  'Lakeshore Times',
  'The Western Examiner',
  'Pinecrest Chronicle',
  'The Civic Record',
  'Harbour Observer',
  'The Union Bulletin',
  'Southfield Press',
  'The Granite Journal',
  'Eastbank Reporter',
  'The National Sentinel',
].map((name) => ({
  name,
  domain: `${name
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^a-z]+/g, '')}.example`,
}));

const onsets = [
  '',
  '',
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fl',
  'gr',
  'pl',
  'pr',
  'sh',
  'st',
  'th',
  'tr',
  'ch',
  'sk',
  'sl',
];
const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io', 'y'];
const codas = ['', '', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'ck', 'ng', 'rt', 'x', 'ld'];

const syndicatedShare = 0.02;
const namesShare = 0.03;
const topicWordShare = 0.2;
const wordsPerTopic = 60;
const firstYear = 2006;
const years = 20;

/**
 * The synthetic archive for one seed. Articles are numbered from 0; the archive has no end of
 * its own — `writeArchive` stops after the number of passages asked for.
 */
export class SyntheticArchive {
  readonly seed: number;
  /** Word forms in rank order: vocabulary[0] is the most frequent. */
  readonly vocabulary: string[];
  /** How each word is written in running text (proper names are capitalised). */
  private readonly written: string[];
  /** Each topic's words, as vocabulary ranks (0-based), most typical first. */
  readonly topics: Int32Array[];
  readonly authors: string[];
  private readonly words: AliasSampler;
  private readonly topicWords: AliasSampler;

  constructor(options: ArchiveOptions) {
    this.seed = options.seed >>> 0;
    const random = new Random(mixSeed(this.seed, 0x766f63));
    this.vocabulary = inventVocabulary(options.vocabularySize ?? 60_000, random);
    this.written = this.vocabulary.map((word, rank) =>
      rank > 200 && random.chance(namesShare) ? capitalise(word) : word,
    );
    this.words = new AliasSampler(zipfWeights(this.vocabulary.length, options.zipfExponent ?? 1));
    this.topicWords = new AliasSampler(zipfWeights(wordsPerTopic, 0.8));
    this.topics = [];
    const maxRank = Math.min(20_000, this.vocabulary.length - 1);
    for (let t = 0; t < (options.topics ?? 400); t++) {
      const ranks = new Set<number>();
      // Log-uniform between rank 50 and 20,000: topics lean on mid-frequency words.
      while (ranks.size < wordsPerTopic) ranks.add(Math.floor(50 * (maxRank / 50) ** random.next()));
      this.topics.push(Int32Array.from(ranks));
    }
    const names = this.vocabulary.filter((word) => word.length >= 4 && word.length <= 8);
    this.authors = Array.from(
      { length: 400 },
      () => `${capitalise(random.pick(names))} ${capitalise(random.pick(names))}`,
    );
  }

  /** The article's metadata and layout, without its text. */
  shape(index: number): ArticleShape {
    const random = new Random(mixSeed(this.seed, index, 0));
    const paragraphs = random.int(4, 15);
    const topic = random.int(0, this.topics.length - 1);
    const outlet = random.int(0, outlets.length - 1);
    const day = random.int(0, years * 365 - 1);
    const published = new Date(Date.UTC(firstYear, 0, 1 + day)).toISOString().slice(0, 10);
    const author = random.pick(this.authors);
    const copies = new Map<number, ParagraphOrigin>();
    for (let position = 0; position < paragraphs; position++) {
      if (index === 0 || !random.chance(syndicatedShare)) continue;
      // Syndication happens within days: copy from one of the few dozen articles before.
      const article = Math.max(0, index - random.int(1, 40));
      const origin = this.shape(article);
      if (origin.outlet === outlet) continue;
      copies.set(position, this.origin({ article, position: random.int(0, origin.paragraphs - 1) }, origin));
    }
    return { index, paragraphs, topic, outlet, published, author, copies };
  }

  /** Follows a copy of a copy back to the paragraph first written. */
  private origin(place: ParagraphOrigin, shape: ArticleShape): ParagraphOrigin {
    return shape.copies.get(place.position) ?? place;
  }

  /** The paragraph as first written at this place (40–120 words, in sentences). */
  paragraph(article: number, position: number, topic = this.shape(article).topic): string {
    const random = new Random(mixSeed(this.seed, article, position + 1));
    const length = random.int(40, 120);
    const topicRanks = this.topics[topic]!;
    let text = '';
    let left = length;
    while (left > 0) {
      const sentence = Math.min(left, random.int(8, 24));
      left -= sentence;
      for (let w = 0; w < sentence; w++) {
        const rank = random.chance(topicWordShare)
          ? topicRanks[this.topicWords.sample(random)]!
          : this.words.sample(random);
        let word = this.written[rank]!;
        if (w === 0) word = capitalise(word);
        if (text.length > 0) text += ' ';
        text += word;
        if (w === sentence - 1) text += '.';
        else if (random.chance(0.06)) text += ',';
      }
    }
    return text;
  }

  /** The whole article, syndicated paragraphs included. */
  article(index: number, maxParagraphs = Number.POSITIVE_INFINITY): SyntheticArticle {
    const shape = this.shape(index);
    const count = Math.min(shape.paragraphs, maxParagraphs);
    const paragraphs: string[] = [];
    for (let position = 0; position < count; position++) {
      const copy = shape.copies.get(position);
      paragraphs.push(copy ? this.paragraph(copy.article, copy.position) : this.paragraph(index, position));
    }
    const outlet = outlets[shape.outlet]!;
    const title = this.headline(index, shape.topic);
    const id = `syn-${String(index).padStart(7, '0')}`;
    const slug = title.toLowerCase().split(' ').slice(0, 6).join('-');
    return {
      id,
      title,
      body: paragraphs.join('\n\n'),
      source: outlet.name,
      published: shape.published,
      url: `https://${outlet.domain}/${shape.published.slice(0, 4)}/${shape.published.slice(5, 7)}/${slug}-${index}`,
      author: shape.author,
    };
  }

  /** 5–11 words in title case, half of them from the article's topic. */
  private headline(index: number, topic: number): string {
    const random = new Random(mixSeed(this.seed, index, 0x686561));
    const topicRanks = this.topics[topic]!;
    const words: string[] = [];
    const length = random.int(5, 11);
    for (let w = 0; w < length; w++) {
      const rank = random.chance(0.5)
        ? topicRanks[this.topicWords.sample(random)]!
        : this.words.sample(random);
      words.push(capitalise(this.vocabulary[rank]!));
    }
    return words.join(' ');
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * Invents distinct word forms, shortest for the most frequent ranks as in real language
 * (the most common words have one syllable, the rare ones three or four).
 */
export function inventVocabulary(size: number, random: Random): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  let attempts = 0;
  while (words.length < size) {
    const rank = words.length;
    const syllables =
      rank < 150
        ? 1 + (random.chance(0.2) ? 1 : 0)
        : rank < 3000
          ? random.int(1, 3)
          : rank < 20000
            ? random.int(2, 3)
            : random.int(2, 4);
    let word = '';
    for (let s = 0; s < syllables; s++) {
      word += random.pick(onsets) + random.pick(vowels);
      // Consonant clusters mostly close a word; inside it they pile up into unpronounceable forms.
      if (s === syllables - 1 || random.chance(0.25)) word += random.pick(codas);
    }
    attempts++;
    if (attempts > size * 50) throw new Error(`inventVocabulary: cannot invent ${size} distinct words`);
    if (word.length < 2 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

export interface WrittenArchive {
  dir: string;
  files: string[];
  articles: number;
  passages: number;
  bytes: number;
}

/**
 * Writes articles as JSONL files of `articlesPerFile` each until the archive holds exactly
 * `passages` paragraphs (the last article is cut short to fit). One file is in memory at a time.
 */
export function writeArchive(
  archive: SyntheticArchive,
  dir: string,
  passages: number,
  articlesPerFile = 1000,
): WrittenArchive {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  let written = 0;
  let index = 0;
  let bytes = 0;
  while (written < passages) {
    const lines: string[] = [];
    while (lines.length < articlesPerFile && written < passages) {
      const article = archive.article(index, passages - written);
      written += countParagraphs(article.body);
      lines.push(`${JSON.stringify(article)}\n`);
      index++;
    }
    const file = path.join(dir, `archive-${String(files.length + 1).padStart(4, '0')}.jsonl`);
    const text = lines.join('');
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { dir, files, articles: index, passages: written, bytes };
}

/** Paragraphs of a body as the archive writes them (separated by one blank line). */
export function countParagraphs(body: string): number {
  let count = 1;
  for (let at = body.indexOf('\n\n'); at !== -1; at = body.indexOf('\n\n', at + 2)) count++;
  return count;
}
