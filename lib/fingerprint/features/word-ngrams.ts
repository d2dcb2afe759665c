/**
 * Hashed word unigrams and bigrams of the prose (code excluded). Idiosyncrasies in LLMs (Sun et al. 2025)
 * found the model signal "rooted in word-level distributions"; this is the main lexical channel.
 */
import { FNV_OFFSET, finalize, hashStep } from '../hash';
import type { FeatureFamily } from './family';

const SEED_BIGRAM = 0x2b2b2b2b;

function wordHash(w: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
  return h;
}

export const wordNgrams: FeatureFamily = {
  id: 'word-ngrams',
  version: 1,
  names: [],
  sparse(a, sink) {
    const w = a.words;
    let prev = 0;
    for (let i = 0; i < w.length; i++) {
      const h = wordHash(w[i]!, FNV_OFFSET);
      sink.add(finalize(h), 1);
      if (i > 0) sink.add(finalize(hashStep(prev ^ SEED_BIGRAM, h)), 1);
      prev = h;
    }
  },
  describe: (name) => ({ phrase: name, kind: 'rate' }),
};

/** The hash that word-ngrams gives a unigram / bigram: explanations use it to name words back. */
export function unigramHash(w: string): number {
  return finalize(wordHash(w, FNV_OFFSET));
}
export function bigramHash(w1: string, w2: string): number {
  return finalize(hashStep(wordHash(w1, FNV_OFFSET) ^ SEED_BIGRAM, wordHash(w2, FNV_OFFSET)));
}
