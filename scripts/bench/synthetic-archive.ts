/**
 * A deterministic synthetic newsroom archive for the benchmark.
 *
 * Words are invented (syllable combinations) and drawn from a Zipf distribution, so term
 * frequencies look like real text: a few very common words, a long tail of rare ones. Each
 * story also has a topic whose words it uses more often, so the words of a realistic query
 * occur together the way "obama putin syria" does in real copy. Outlets are Zipf-distributed
 * too (a few big ones, a long tail of rare ones), and 3% of stories are wire stories carried
 * by 5–40 other outlets: the same paragraphs, the same headline or a rewritten one, a day or two
 * later — so about two passages in five of the archive are syndicated copies, as in a newsroom
 * archive that keeps the wire. Some paragraphs open with a quotation and its speaker
 * (`"…," said Drenla Vostick.`), speakers Zipf-distributed too, for `who:` searches.
 *
 * Every story and every paragraph is drawn from its own seed (archive seed, story number,
 * paragraph number), so any one of them can be regenerated alone: the query list takes phrases
 * from early stories without generating the archive.
 */
import { AliasSampler, mixSeed, Random, zipfWeights } from './prng.js';
import { inventVocabulary, outlets } from './synthetic-words.js';

export { inventVocabulary, outlets } from './synthetic-words.js';

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

/** Another outlet carrying a wire story. */
export interface CopyShape {
  outlet: number;
  published: string;
  /** False when the outlet rewrote the headline. */
  keepsHeadline: boolean;
}

export interface StoryShape {
  index: number;
  paragraphs: number;
  topic: number;
  outlet: number;
  published: string;
  author: string;
  /** The other outlets that carry it (a wire story); empty for most stories. */
  copies: CopyShape[];
}

/** Share of stories that are wire stories, and how many other outlets carry one. */
export const syndication = { share: 0.03, minOutlets: 5, maxOutlets: 40, keptHeadline: 0.7 } as const;
const namesShare = 0.03;
/**
 * Share of paragraphs that open with a quotation, and how many people are quoted (each by a
 * surname of their own). A news archive quotes about one new speaker an article (the BBC set:
 * 2,236 speakers in 2,225 articles); with 300 the benchmark could not see a `who:` that tested
 * every speaker of the archive (a quarter of a second at 50,000).
 */
export const quoting = { share: 0.15, speakers: 20_000 } as const;
/** A quotation's attribution as the generator writes it: the speaker is the match's first group. */
export const attributionPattern = /," said ([A-Z][a-z]+ [A-Z][a-z]+)\./;
const topicWordShare = 0.2;
const wordsPerTopic = 60;
const firstYear = 2006;
const years = 20;

/**
 * The synthetic archive for one seed. Stories are numbered from 0; each is one article, or one
 * article and its syndicated copies. The archive has no end of its own — the writers stop after
 * the number of passages asked for.
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
  /** People quoted, most quoted first; no two share a surname (`who:` names a surname). */
  readonly speakers: string[];
  private readonly words: AliasSampler;
  private readonly speakerSampler: AliasSampler;
  private readonly topicWords: AliasSampler;
  private readonly outletSampler: AliasSampler;

  constructor(options: ArchiveOptions) {
    this.seed = options.seed >>> 0;
    const random = new Random(mixSeed(this.seed, 0x766f63));
    this.vocabulary = inventVocabulary(options.vocabularySize ?? 60_000, random);
    this.written = this.vocabulary.map((word, rank) =>
      rank > 200 && random.chance(namesShare) ? capitalise(word) : word,
    );
    this.words = new AliasSampler(zipfWeights(this.vocabulary.length, options.zipfExponent ?? 1));
    this.topicWords = new AliasSampler(zipfWeights(wordsPerTopic, 0.8));
    this.outletSampler = new AliasSampler(zipfWeights(outlets.length, 1));
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
    const surnames = new Set<string>();
    this.speakers = [];
    while (this.speakers.length < quoting.speakers) {
      const surname = random.pick(names);
      if (surnames.has(surname)) continue;
      surnames.add(surname);
      this.speakers.push(`${capitalise(random.pick(names))} ${capitalise(surname)}`);
    }
    this.speakerSampler = new AliasSampler(zipfWeights(quoting.speakers, 1));
  }

  /** The story's metadata, layout and syndication, without its text. */
  shape(index: number): StoryShape {
    const random = new Random(mixSeed(this.seed, index, 0));
    const paragraphs = random.int(4, 15);
    const topic = random.int(0, this.topics.length - 1);
    const outlet = this.outletSampler.sample(random);
    const day = random.int(0, years * 365 - 1);
    const author = random.pick(this.authors);
    const copies: CopyShape[] = [];
    if (random.chance(syndication.share)) {
      const count = random.int(syndication.minOutlets, syndication.maxOutlets);
      const taken = new Set([outlet]);
      while (copies.length < count) {
        const other = this.outletSampler.sample(random);
        if (taken.has(other)) continue;
        taken.add(other);
        copies.push({
          outlet: other,
          published: isoDay(day + random.int(0, 2)),
          keepsHeadline: random.chance(syndication.keptHeadline),
        });
      }
    }
    return { index, paragraphs, topic, outlet, published: isoDay(day), author, copies };
  }

  /**
   * A paragraph of a story (40–120 words, in sentences); some open with a quotation:
   * `"Its first sentence," said Drenla Vostick.`
   */
  paragraph(story: number, position: number, topic = this.shape(story).topic): string {
    const random = new Random(mixSeed(this.seed, story, position + 1));
    const length = random.int(40, 120);
    const speaker = random.chance(quoting.share)
      ? this.speakers[this.speakerSampler.sample(random)]
      : undefined;
    const topicRanks = this.topics[topic]!;
    let text = '';
    let left = length;
    while (left > 0) {
      const sentence = Math.min(left, random.int(8, 24));
      // The first sentence is the quotation, when there is one.
      const quoted = speaker !== undefined && left === length;
      left -= sentence;
      // "said" and the speaker's two names are words of the paragraph too.
      const spoken = quoted ? sentence - 3 : sentence;
      for (let w = 0; w < spoken; w++) {
        const rank = random.chance(topicWordShare)
          ? topicRanks[this.topicWords.sample(random)]!
          : this.words.sample(random);
        let word = this.written[rank]!;
        if (w === 0) word = quoted ? `"${capitalise(word)}` : capitalise(word);
        if (text.length > 0) text += ' ';
        text += word;
        if (w === spoken - 1) text += quoted ? `," said ${speaker}.` : '.';
        else if (random.chance(0.06)) text += ',';
      }
    }
    return text;
  }

  /**
   * The story's articles: the original, then each syndicated copy (the same paragraphs in another
   * outlet). `maxParagraphs` cuts each article short (to end an archive at an exact size).
   */
  articles(index: number, maxParagraphs = Number.POSITIVE_INFINITY): SyntheticArticle[] {
    const shape = this.shape(index);
    const count = Math.min(shape.paragraphs, maxParagraphs);
    const paragraphs: string[] = [];
    for (let position = 0; position < count; position++) {
      paragraphs.push(this.paragraph(index, position, shape.topic));
    }
    const body = paragraphs.join('\n\n');
    const title = this.headline(index, shape.topic);
    const id = `syn-${String(index).padStart(7, '0')}`;
    const article = (outlet: number, published: string, headline: string, suffix: string) => {
      const { name, domain } = outlets[outlet]!;
      const slug = headline.toLowerCase().split(' ').slice(0, 6).join('-');
      return {
        id: id + suffix,
        title: headline,
        body,
        source: name,
        published,
        url: `https://${domain}/${published.slice(0, 4)}/${published.slice(5, 7)}/${slug}-${index}${suffix}`,
        author: shape.author,
      };
    };
    return [
      article(shape.outlet, shape.published, title, ''),
      ...shape.copies.map((copy, n) =>
        article(
          copy.outlet,
          copy.published,
          copy.keepsHeadline ? title : this.headline(index, shape.topic, n + 1),
          `-${n + 1}`,
        ),
      ),
    ];
  }

  /** The story's first article (its original), for tests and queries. */
  article(index: number): SyntheticArticle {
    return this.articles(index)[0]!;
  }

  /** 5–11 words in title case, half of them from the story's topic; `variant` > 0 for a rewrite. */
  private headline(index: number, topic: number, variant = 0): string {
    const random = new Random(mixSeed(this.seed, index, 0x686561, variant));
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

function isoDay(day: number): string {
  return new Date(Date.UTC(firstYear, 0, 1 + day)).toISOString().slice(0, 10);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
