/** Vocabulary richness: moving type-token ratio and hapax share (length-robust, unlike raw TTR). */
import type { FeatureFamily, FeatureDescription } from './family';

/** Window of the moving-average type-token ratio (MATTR, Covington & McFall 2010). */
const WINDOW = 100;
const DESCRIPTIONS: Record<string, FeatureDescription> = {
  'vocab:mattr': { phrase: 'vocabulary variety', kind: 'level', unit: '% distinct words per 100' },
  'vocab:hapax': { phrase: 'words used only once', kind: 'rate' },
  'vocab:long-words': { phrase: 'long words (7+ letters)', kind: 'rate' },
  'vocab:non-latin': { phrase: 'non-Latin-script words', kind: 'rate' },
};
const seen = new Map<string, number>(); // reused across calls (single-threaded)

export const vocabulary: FeatureFamily = {
  id: 'vocabulary',
  version: 1,
  names: Object.keys(DESCRIPTIONS),
  dense(a, out, o) {
    const w = a.words;
    const n = w.length;
    seen.clear();
    let long = 0, nonLatin = 0;
    for (const x of w) {
      seen.set(x, (seen.get(x) ?? 0) + 1);
      if (x.length >= 7) long++;
      if (x.charCodeAt(0) > 0x024f) nonLatin++;
    }
    let hapax = 0;
    for (const c of seen.values()) if (c === 1) hapax++;
    // MATTR over non-overlapping windows (cheap, linear); short texts use the whole text.
    let ttrSum = 0, windows = 0;
    for (let start = 0; start < n; start += WINDOW) {
      const end = Math.min(n, start + WINDOW);
      if (end - start < WINDOW && windows > 0) break;
      seen.clear();
      for (let i = start; i < end; i++) seen.set(w[i]!, 1);
      ttrSum += seen.size / (end - start);
      windows++;
    }
    out[o] = windows > 0 ? (100 * ttrSum) / windows : 0;
    out[o + 1] = n > 0 ? (100 * hapax) / n : 0;
    out[o + 2] = n > 0 ? (100 * long) / n : 0;
    out[o + 3] = n > 0 ? (100 * nonLatin) / n : 0;
  },
  describe: (name) => DESCRIPTIONS[name] ?? { phrase: name, kind: 'rate' },
};
