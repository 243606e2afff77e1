import { describe, expect, it } from 'vitest';
import { stemOf } from '../../../src/search/compare/content-words.js';
import { mentionsApart } from '../../../src/search/compare/mentions-apart.js';

const rarity = () => 0.8;

describe('mentionsApart', () => {
  it('gives each side the phrases built on words the other side never uses', () => {
    const [board, union] = mentionsApart(
      [
        ['The board set out the dredging budget and the safety of the night crossings.'],
        [
          'Our members want overtime pay for the night crossings.',
          'The union will not accept smaller lifeboat crews.',
        ],
      ],
      { rarity },
    );
    expect(board).toContain('dredging budget');
    expect(union).toContain('smaller lifeboat crews');
    expect(union).toContain('overtime pay for the night crossings');
    // "night crossings" is both sides': never a difference on its own.
    expect([...board!, ...union!]).not.toContain('night crossings');
  });

  it('finds no difference between sides that say the same', () => {
    expect(
      mentionsApart([['The talks were about the timetable.'], ['The talks were about the timetable.']], {
        rarity,
      }),
    ).toEqual([[], []]);
  });

  it("leaves out the query's words, which every side was found by", () => {
    const [first, second] = mentionsApart(
      [
        ['Both sides discussed the ceasefire and humanitarian access.'],
        ['Both sides discussed the border with Turkey.'],
      ],
      { rarity, ignore: new Set(['ceasefire', 'discussed'].map(stemOf)) },
    );
    expect(first).toEqual(['humanitarian access']);
    expect(second).toEqual(['border with Turkey']);
  });

  it('keeps one wording of a mention the side writes twice', () => {
    const [kremlin] = mentionsApart(
      [
        [
          'Putin stressed the need to close the border of Syria with Turkey.',
          "Putin urged to close Syria's border with Turkey.",
        ],
        ['Obama urged humanitarian access.'],
      ],
      { rarity },
    );
    expect(kremlin!.filter((phrase) => /turkey/i.test(phrase))).toHaveLength(1);
  });

  it('shows the listed name of a mention the side writes two ways, and a shared particle joins nothing', () => {
    const texts = [
      'Putin named Dzhabhat EN-Nusra.',
      'The Kremlin named ISIS and [al-Qaida affiliate] Jabhat al-Nusra.',
    ];
    const listed = (phrase: string) => phrase === 'Jabhat al-Nusra';
    const [kremlin] = mentionsApart([texts, ['Obama named humanitarian access.']], { rarity, listed });
    expect(kremlin).toContain('Jabhat al-Nusra');
    expect(kremlin).not.toContain('Dzhabhat EN-Nusra');
    expect(kremlin!.some((phrase) => phrase.includes('Qaida'))).toBe(true);
  });

  it('takes no common word alone for a mention, though a name alone is one', () => {
    const common = (word: string, name: boolean) => (name ? 1 : ['deal', 'job'].includes(word) ? 0.05 : 0.8);
    const [first, second] = mentionsApart([['My job is to find a deal.'], ['They met in Quillhaven.']], {
      rarity: common,
    });
    expect(first).toEqual([]);
    expect(second).toEqual(['Quillhaven']);
  });

  it('ranks rarer mentions first and keeps to max', () => {
    const rare = (word: string) => (word === 'nusra' ? 1 : 0.3);
    const [side] = mentionsApart(
      [['The leaders named Nusra, the weather, the roads, the schools and the markets.'], ['Nothing else.']],
      { rarity: rare, max: 2 },
    );
    expect(side).toHaveLength(2);
    expect(side![0]).toBe('Nusra');
  });
});
