/**
 * How much an attribution's headline can be trusted: the one evidence label (weak / moderate / strong) every
 * page shows, so that a six-word answer never looks confident anywhere.
 *
 * Today the label comes from thresholds on the headline vendor's probability, the number of answers and
 * their words (the rules the claimed-vs-resembled notice always used). The engine is getting a measured
 * table of accuracy by length (`evidenceStrength(attribution, words)` in lib/fingerprint); when it lands,
 * {@link evidenceStrength} returns that instead, and nothing else changes.
 */
import { headlineOf } from './headline';
import type { Attribution, PooledAttribution } from './types';

export type EvidenceStrength = 'weak' | 'moderate' | 'strong';

/** How much evidence an attribution rests on. */
export interface Evidence {
  /** Answers pooled (1 for a single answer). */
  answers: number;
  /** Words in those answers together. */
  words: number;
}

/** Every threshold of the label, with meaning and range; tests pin the behaviour at each edge. */
export const EVIDENCE_THRESHOLDS = {
  /** Fewer words than this (all answers together) is weak evidence whatever the probability. Default 40. */
  minWords: 40,
  /** "moderate" needs the headline vendor at ≥ 0.75 and two answers or one of ≥ 250 words. */
  moderate: { minP: 0.75, minAnswers: 2, minWordsSingle: 250 },
  /** "strong" needs the headline vendor at ≥ 0.9 and at least three answers pooled. */
  strong: { minP: 0.9, minAnswers: 3 },
} as const;

const ORDER: readonly EvidenceStrength[] = ['weak', 'moderate', 'strong'];

/** The weaker of two labels. */
export function weakerOf(a: EvidenceStrength, b: EvidenceStrength): EvidenceStrength {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/**
 * The evidence label of `attribution` resting on `evidence`. Undetermined, mixed (answers pointing to
 * several vendors) or short evidence is always weak; one answer is never strong.
 */
export function evidenceStrength(attribution: Attribution | PooledAttribution, { answers, words }: Evidence): EvidenceStrength {
  const t = EVIDENCE_THRESHOLDS;
  const head = headlineOf(attribution);
  if (!head || ('mixed' in attribution && attribution.mixed) || answers < 1 || words < t.minWords) return 'weak';
  if (answers >= t.strong.minAnswers && head.familyP >= t.strong.minP) return 'strong';
  const enough = answers >= t.moderate.minAnswers || words >= t.moderate.minWordsSingle;
  return enough && head.familyP >= t.moderate.minP ? 'moderate' : 'weak';
}
