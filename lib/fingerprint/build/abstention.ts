/**
 * Step 2d of the build: what length of answer carries evidence, measured on the held-apart answers as written
 * (not cut: cutting long answers was tried and is far more pessimistic than real short answers, see
 * docs/evaluation.md).
 */
import { argmax } from '../model/argmax';

import type { Prepared } from '../prepare';
import { wilsonUpper } from '../model/wilson';
import type { EvidenceBucket, SignaturesJson } from '../signatures';
import { round } from './options';
import type { Resolved } from './options';

/** Index of the bucket (by lower bounds in ascending order) that `words` falls in. */
export function bucketOf(bounds: readonly number[], words: number): number {
  let j = bounds.length - 1;
  while (j > 0 && words < bounds[j]!) j--;
  return j;
}

/** 1 when the top family of p (label probabilities, or raw logits) is the record's family. */
function familyHit(p: ArrayLike<number>, familyOf: Int32Array, prep: Prepared, i: number): number {
  const F = prep.families.length;
  const fam = new Float64Array(F);
  for (let c = 0; c < p.length; c++) fam[familyOf[c]!]! += p[c]!;
  return argmax(fam) === familyOf[prep.y[i]!] ? 1 : 0;
}

/**
 * minWords: family top-1 of held-apart answers (top label's family, raw logits) by natural length bucket; the
 * lowest bucket bound from which no judged bucket is clearly below abstainRelativeAccuracy × the accuracy over
 * all lengths (upper 95% Wilson bound under it); never below abstainFloorWords.
 */
export function lengthThreshold(familyOf: Int32Array, prep: Prepared, held: number[], heldLogits: Float64Array[], o: Resolved): SignaturesJson['abstention'] {
  const b = o.abstainBuckets;
  const ok = new Float64Array(b.length), n = new Float64Array(b.length);
  let allOk = 0;
  held.forEach((i, k) => {
    const hit = familyOf[argmax(heldLogits[k]!)] === familyOf[prep.y[i]!] ? 1 : 0;
    allOk += hit;
    const j = bucketOf(b, prep.words[i]!);
    n[j]!++;
    ok[j]! += hit;
  });
  const overall = allOk / Math.max(1, held.length);
  const accuracyByWords: Array<[number, number]> = b.map((w, j) => [w, n[j]! > 0 ? round(ok[j]! / n[j]!, 3) : -1]);
  let minWords: number = o.abstainFloorWords;
  for (let j = b.length - 1; j >= 0; j--) {
    const judged = n[j]! >= o.abstainMinBucket;
    // A bucket blocks only when it is clearly worse: even the upper end of its 95% Wilson interval is below
    // the bar (a few dozen answers per bucket otherwise move the threshold from fold to fold).
    if (judged && wilsonUpper(ok[j]!, n[j]!) < o.abstainRelativeAccuracy * overall) { minWords = Math.max(o.abstainFloorWords, b[j + 1] ?? b[j]!); break; }
  }
  return { minWords, accuracyByWords, uncutAccuracy: round(overall, 3) };
}

/**
 * Measured family top-1 of the held-apart answers by length, on their final (calibrated, blended) label
 * probabilities, with the headline family: what evidenceStrength() reads.
 */
export function evidenceByLength(familyOf: Int32Array, prep: Prepared, held: number[], heldP: ArrayLike<number>[], bounds: readonly number[]): EvidenceBucket[] {
  const ok = new Float64Array(bounds.length), n = new Float64Array(bounds.length);
  held.forEach((i, k) => {
    const j = bucketOf(bounds, prep.words[i]!);
    n[j]!++;
    ok[j]! += familyHit(heldP[k]!, familyOf, prep, i);
  });
  return bounds.map((words, j) => ({ words, n: n[j]!, familyAccuracy: n[j]! > 0 ? round(ok[j]! / n[j]!, 3) : -1 }));
}
