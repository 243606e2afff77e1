/**
 * How rare a word is, 0 (says nothing: "one", "said") to 1 (names an event: "Nusra"), from two
 * sources: how many of the archive's documents use it, and how common it is in English (SCOWL
 * sizes). The archive decides in a large archive ("Syria" is common in a news archive); English
 * keeps a small one from treating "ensure" or "sides" as telling just because few documents use
 * them. Pure.
 */

/** English rarity by the smallest SCOWL size listing the word; names and rarer words are 1. */
function englishRarity(commonness: number | undefined): number {
  if (commonness === undefined) return 1;
  if (commonness <= 10) return 0.1;
  if (commonness <= 20) return 0.35;
  if (commonness <= 35) return 0.7;
  return 1;
}

/**
 * The rarity of a word that `documentsUsing` of `documents` use (undefined: none) and whose SCOWL
 * size is `commonness` (undefined: not an English word a spell checker knows).
 *
 * @example wordRarity(2, 100_000, undefined) // 0.9: a name few documents use
 */
export function wordRarity(
  documentsUsing: number | undefined,
  documents: number,
  commonness: number | undefined,
): number {
  const total = Math.max(documents, 1);
  const used = Math.min(Math.max(documentsUsing ?? 0, 0), total);
  const archive = Math.max(0, Math.log((total + 1) / (used + 1)) / Math.log(total + 1));
  // A handful of documents says little about rarity: trust the archive in step with its size
  // (fully from a thousand documents), and assume a middling rarity for the rest.
  const trust = Math.min(1, Math.log10(total + 1) / 3);
  return (trust * archive + (1 - trust) * 0.5) * englishRarity(commonness);
}
