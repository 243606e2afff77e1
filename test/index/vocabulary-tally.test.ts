import { describe, expect, it } from 'vitest';
import { VocabularyTally } from '../../src/index/vocabulary-tally.js';

describe('VocabularyTally.addArticle', () => {
  it('counts each vocabulary word once per article, however often it is used', () => {
    const tally = new VocabularyTally();
    tally.addArticle([
      ['port', 'strike'],
      ['strike', 'strike', 'a', '2016', 'dockers'],
    ]);
    tally.addArticle([['strike', 'ends']]);
    expect(new Map(tally.entries())).toEqual(
      new Map([
        ['port', 1],
        ['strike', 2],
        ['dockers', 1],
        ['ends', 1],
      ]),
    );
  });

  it('adds up with per-article word lists', () => {
    const tally = new VocabularyTally();
    tally.add(['strike'], 1);
    tally.addArticle([['strike'], ['strike', 'port']]);
    tally.add(['port'], -1);
    expect(new Map(tally.entries())).toEqual(new Map([['strike', 2]]));
  });
});
