/**
 * Hashed character 1–4-grams of the canonical text (case kept; digits folded to 0). The standard strong
 * baseline for authorship (and the TF-IDF SVM baseline of the issue); language-independent, so CJK works.
 */
import { finalize, hashStep } from '../hash';
import type { FeatureFamily } from './family';

/** Longest character n-gram. */
const MAX_N = 4;
/** Shortest character n-gram. Unigrams add little beyond punctuation features but cost a lot of weight. */
const MIN_N = 2;
const SEEDS = [0, 0x1d1d1d1d, 0x2e2e2e2e, 0x3f3f3f3f, 0x4a4a4a4a];

export const charNgrams: FeatureFamily = {
  id: 'char-ngrams',
  version: 1,
  names: [],
  sparse(a, sink) {
    const t = a.text;
    const n = t.length;
    for (let i = 0; i < n; i++) {
      let h = 0x811c9dc5;
      for (let k = 0; k < MAX_N && i + k < n; k++) {
        let c = t.charCodeAt(i + k);
        if (c >= 48 && c <= 57) c = 48;
        h = hashStep(h, c);
        if (k + 1 >= MIN_N) sink.add(finalize(h ^ SEEDS[k + 1]!), 1);
      }
    }
  },
  describe: (name) => ({ phrase: name, kind: 'rate' }),
};
