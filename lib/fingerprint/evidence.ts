/**
 * How strong the evidence of one attribution is, in three words a UI can show: from the accuracy the build
 * MEASURED on held-apart answers of the same length (calibration.evidenceByLength) and from the answer's own
 * calibrated vendor probability, whichever is weaker. A 6-word answer can never look confident, however
 * peaked its probabilities: answers that short were measured to be right too rarely.
 */
import { analyze } from './analysis';
import { getDefaultSignatures } from './default-signatures';
import type { EvidenceBucket, Signatures } from './signatures';
import type { Attribution } from './types';

export type EvidenceStrength = 'weak' | 'moderate' | 'strong';

/**
 * Measured vendor accuracy at a length below which the evidence is weak whatever the probabilities say, and
 * below which it is at most moderate. Single answers of the shipped build are right about 65% of the time
 * over all lengths (44-70% by length bucket on its held-apart split), so these bars sit in that range: the
 * length where answers are clearly worse than long ones is weak, the middle moderate.
 */
export const WEAK_BELOW_ACCURACY = 0.55;
export const MODERATE_BELOW_ACCURACY = 0.65;
/** The answer's own vendor probability needed for strong / moderate evidence. */
export const STRONG_P = 0.8;
export const MODERATE_P = 0.5;
/** Buckets with fewer measured answers than this are too noisy to use (their length borrows the next shorter bucket's). */
const MIN_MEASURED = 30;

const RANK: Record<EvidenceStrength, number> = { weak: 0, moderate: 1, strong: 2 };

/**
 * The measured vendor accuracy for answers of `words` words (-1 when nothing was measured at or below it).
 * Buckets with fewer than MIN_MEASURED answers are left out, and the rest are smoothed to never fall with
 * length (pool-adjacent-violators, weighted by answers): a longer answer never carries less evidence than a
 * shorter one, and a dip of a hundred-answer bucket is noise, not a property of that length.
 */
export function measuredAccuracyAt(table: readonly EvidenceBucket[], words: number): number {
  const usable = table.filter((b) => b.n >= MIN_MEASURED && b.familyAccuracy >= 0);
  const blocks: Array<{ from: number; acc: number; n: number }> = [];
  for (const b of usable) {
    blocks.push({ from: b.words, acc: b.familyAccuracy, n: b.n });
    while (blocks.length > 1 && blocks.at(-2)!.acc > blocks.at(-1)!.acc) {
      const top = blocks.pop()!, below = blocks.pop()!;
      blocks.push({ from: below.from, acc: (below.acc * below.n + top.acc * top.n) / (below.n + top.n), n: below.n + top.n });
    }
  }
  let acc = -1;
  for (const b of blocks) if (words >= b.from) acc = b.acc;
  return acc;
}

/**
 * 'weak' | 'moderate' | 'strong' for an attribution of an answer of `words` words (words of prose, as the
 * engine counts them). Undetermined attributions are always weak.
 */
export function evidenceStrength(attribution: Attribution, words: number, signatures?: Signatures): EvidenceStrength {
  if (!attribution || attribution.undetermined || !attribution.family) return 'weak';
  const sig = signatures ?? getDefaultSignatures();
  if (!(words >= sig.json.abstention.minWords)) return 'weak';
  const measured = measuredAccuracyAt(sig.json.calibration.evidenceByLength, Number.isFinite(words) ? words : 0);
  const byLength: EvidenceStrength = measured < WEAK_BELOW_ACCURACY ? 'weak' : measured < MODERATE_BELOW_ACCURACY ? 'moderate' : 'strong';
  const p = attribution.families?.find((f) => f.family === attribution.family)?.p ?? attribution.confidence;
  const byP: EvidenceStrength = p >= STRONG_P ? 'strong' : p >= MODERATE_P ? 'moderate' : 'weak';
  return RANK[byLength] <= RANK[byP] ? byLength : byP;
}

/** Words of prose of a text as the engine counts them (what evidenceStrength's `words` means). */
export function proseWords(text: string): number {
  return analyze(typeof text === 'string' ? text : '').words.length;
}
