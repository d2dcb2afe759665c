/**
 * Topic-free "text distortion" n-grams (Stamatatos 2017): every word that is not a function word becomes a
 * placeholder of its length class, punctuation and line starts stay. Word 1–3-grams over that skeleton capture
 * syntax habits ("the W of W", ", which W") that carry across topics, unlike plain word n-grams.
 */
import { finalize, hashStep } from '../hash';
import { FUNCTION_WORDS } from '../wordlists/function-words';
import type { FeatureFamily } from './family';

const KEEP = new Set(FUNCTION_WORDS);
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const SEED = 0x51e1e700;

function codeOf(tok: string): number {
  const lower = tok.toLowerCase();
  if (KEEP.has(lower)) return hashStr(lower);
  const c = tok.charCodeAt(0);
  if (c >= 48 && c <= 57) return 1; // number
  if (tok.length === 1 && !/[\p{L}\p{N}]/u.test(tok)) return hashStr(tok); // punctuation
  const cap = tok[0] !== lower[0] ? 2 : 0;
  return 3 + cap + (tok.length > 7 ? 1 : 0); // capitalised / long content word
}

function hashStr(s: string): number {
  let h = SEED;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h >>> 0 | 16;
}

export const skeleton: FeatureFamily = {
  id: 'skeleton',
  version: 1,
  names: [],
  sparse(a, sink) {
    for (let i = 0; i < a.lines.length; i++) {
      const k = a.kinds[i];
      if (k === 'code' || k === 'fence' || k === 'blank') continue;
      let p1 = 7, p2 = 7; // line start
      for (const m of a.lines[i]!.matchAll(TOKEN)) {
        const c = codeOf(m[0]);
        sink.add(finalize(hashStep(SEED, c)), 1);
        sink.add(finalize(hashStep(hashStep(SEED ^ 1, p1), c)), 1);
        sink.add(finalize(hashStep(hashStep(hashStep(SEED ^ 2, p2), p1), c)), 1);
        p2 = p1;
        p1 = c;
      }
    }
  },
  describe: (name) => ({ phrase: name, kind: 'rate' }),
};
