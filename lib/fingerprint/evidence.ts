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

/** Measured vendor accuracy at a length below which the evidence is weak whatever the probabilities say. */
export const WEAK_BELOW_ACCURACY = 0.5;
/** Measured vendor accuracy at a length below which the evidence is at most moderate. */
export const MODERATE_BELOW_ACCURACY = 0.7;
/** The answer's own vendor probability needed for strong / moderate evidence. */
export const STRONG_P = 0.8;
export const MODERATE_P = 0.5;
/** Buckets with fewer measured answers than this borrow the measurement of the next shorter bucket. */
const MIN_MEASURED = 30;

const RANK: Record<EvidenceStrength, number> = { weak: 0, moderate: 1, strong: 2 };

/** The measured vendor accuracy for answers of `words` words (-1 when nothing was measured at or below it). */
export function measuredAccuracyAt(table: readonly EvidenceBucket[], words: number): number {
  let j = -1;
  for (let k = 0; k < table.length; k++) if (words >= table[k]!.words) j = k;
  while (j >= 0 && (table[j]!.n < MIN_MEASURED || table[j]!.familyAccuracy < 0)) j--;
  return j >= 0 ? table[j]!.familyAccuracy : -1;
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
