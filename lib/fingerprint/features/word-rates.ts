/** Builds a family that counts a word list (rate per `per` words): shared by function words, hedges, signature words. */
import type { FeatureFamily } from './family';
import { rate } from './family';

export function wordRateFamily(id: string, version: number, prefix: string, list: readonly string[], per: number): FeatureFamily {
  const index = new Map<string, number>();
  const unique = [...new Set(list)];
  unique.forEach((w, i) => index.set(w, i));
  const names = unique.map((w) => `${prefix}:${w}`);
  const counts = new Float64Array(unique.length); // reused: attribute() must not allocate per call
  return {
    id,
    version,
    names,
    dense(a, out, offset) {
      counts.fill(0);
      for (const w of a.words) {
        const i = index.get(w);
        if (i !== undefined) counts[i]!++;
      }
      for (let i = 0; i < unique.length; i++) out[offset + i] = rate(counts[i]!, a.words.length, per);
    },
    describe: (name) => ({ phrase: `the word "${name.slice(prefix.length + 1)}"`, kind: 'rate' }),
  };
}
