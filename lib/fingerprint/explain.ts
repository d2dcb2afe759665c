/**
 * Plain-language explanation: which named features and which words move the score most from the runner-up
 * towards the top model, phrased against the average model ("uses em dashes 4.2x more often than the
 * average model"). Only computed for determined answers.
 */
import type { Analysis } from './analysis';
import { DENSE_NAMES, describeFeature } from './features';
import { bigramHash, unigramHash } from './features/word-ngrams';
import type { Signatures } from './signatures';

/** How many feature sentences and how many example words an explanation gives. */
const MAX_FEATURES = 3;
const MAX_WORDS = 4;

const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));

function featureSentence(name: string, value: number, mean: number): string | null {
  const d = describeFeature(name);
  if (d.kind === 'level') {
    const dir = value > mean ? 'more' : 'less';
    return `${d.phrase}: ${fmt(value)} ${d.unit ?? ''} (average model ${fmt(mean)}), ${dir} than usual`.replace(/ +/g, ' ');
  }
  if (value === 0 && mean > 0) return `never uses ${d.phrase} (the average model does)`;
  if (mean <= 0) return `uses ${d.phrase}, which most models do not`;
  const r = value / mean;
  if (r >= 1.15) return `uses ${d.phrase} ${fmt(r)}x more often than the average model`;
  if (r <= 0.87) return `uses ${d.phrase} ${fmt(1 / r)}x less often than the average model`;
  return null;
}

export function explain(sig: Signatures, a: Analysis, dense: ArrayLike<number>, z: Float64Array, top: number, second: number): string[] {
  const C = sig.labels.length;
  const out: string[] = [];
  const vs = `${sig.labels[top]} rather than ${sig.labels[second]}`;
  const contrib: Array<[number, number]> = [];
  for (let f = 0; f < z.length; f++) {
    const c = z[f]! * (sig.Wd[f * C + top]! - sig.Wd[f * C + second]!);
    if (c > 0) contrib.push([c, f]);
  }
  contrib.sort((x, y) => y[0] - x[0]);
  for (const [, f] of contrib) {
    if (out.length >= MAX_FEATURES) break;
    const s = featureSentence(DENSE_NAMES[f]!, dense[f]!, sig.mean[f]!);
    if (s) out.push(`${s[0]!.toUpperCase()}${s.slice(1)}; this points to ${vs}.`);
  }
  // Top words by weight difference; a short insertion-sorted list, so no per-call map of every token.
  const best: Array<[string, number]> = [];
  const w = a.words;
  const consider = (h: number, key: () => string) => {
    const r = sig.rowOf[h & (sig.rowOf.length - 1)]!;
    if (r < 0) return;
    const d = sig.W[r * C + top]! - sig.W[r * C + second]!;
    if (d <= 0 || (best.length === MAX_WORDS && d <= best[MAX_WORDS - 1]![1])) return;
    const k = key();
    if (best.some(([x]) => x === k)) return;
    best.push([k, d]);
    best.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    if (best.length > MAX_WORDS) best.pop();
  };
  for (let i = 0; i < w.length; i++) {
    consider(unigramHash(w[i]!), () => w[i]!);
    if (i > 0) consider(bigramHash(w[i - 1]!, w[i]!), () => `${w[i - 1]} ${w[i]}`);
  }
  if (best.length > 0) out.push(`Wording such as ${best.map(([k]) => `"${k}"`).join(', ')} is typical of ${vs}.`);
  return out;
}
