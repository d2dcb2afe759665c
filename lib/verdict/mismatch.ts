/**
 * Claimed vs resembled: does the fingerprint point clearly away from the model the site names?
 *
 * A false "this site is not running X" is the worst thing ModelPrint can say, so a mismatch needs all of:
 * the claimed name maps to a known family (`lib/sites/claims.ts`), the evidence is determined, the claimed
 * family is not the top one, the claimed family's probability is low AND another family's is high, and
 * there are enough words. The strength then depends on how much evidence there is: one answer is never
 * "strong", and a short one is at most "weak".
 */
import type { ResolvedClaim } from '../sites/claims';
import type { Attribution } from './types';

/** Every threshold of the judgement, with meaning and range; tests pin the behaviour at each edge. */
export const MISMATCH_THRESHOLDS = {
  /** Fewer words than this (all pooled answers together) and nothing is judged. Default 40. */
  minWords: 40,
  /** Above this probability of the claimed family there is no mismatch at all. 0..1; default 0.2. */
  maxClaimedP: 0.2,
  /** The top family must reach this for any mismatch. 0..1; default 0.5. */
  minOtherP: 0.5,
  /** "moderate" needs claimed ≤ 0.05, other ≥ 0.75, and two answers or one of ≥ 250 words. */
  moderate: { maxClaimedP: 0.05, minOtherP: 0.75, minAnswers: 2, minWordsSingle: 250 },
  /** "strong" needs claimed ≤ 0.02, other ≥ 0.9 and at least three answers pooled. */
  strong: { maxClaimedP: 0.02, minOtherP: 0.9, minAnswers: 3 },
} as const;

export type EvidenceStrength = 'weak' | 'moderate' | 'strong';

/** How much evidence an attribution rests on. */
export interface Evidence {
  /** Answers pooled (1 for a single answer). */
  answers: number;
  /** Words in those answers together. */
  words: number;
}

export type ClaimJudgement =
  /** The site named no model, only a mode, or a name the claims table does not know. */
  | { kind: 'no-comparison'; raw: string | null }
  /** The engine could not tell (too short, not prose) or there are too few words to judge. */
  | { kind: 'undetermined'; claim: ResolvedClaim }
  /** The claimed family is the closest one. */
  | { kind: 'consistent'; claim: ResolvedClaim; claimedP: number }
  /** Neither consistent nor a clear mismatch: the evidence does not decide. */
  | { kind: 'inconclusive'; claim: ResolvedClaim; claimedP: number }
  | {
      kind: 'mismatch';
      claim: ResolvedClaim;
      claimedP: number;
      resembled: { family: string; p: number };
      strength: EvidenceStrength;
      evidence: Evidence;
    };

export function judgeClaim(
  claim: ResolvedClaim | null,
  attribution: Attribution,
  evidence: Evidence,
  rawClaim: string | null = claim?.raw ?? null,
): ClaimJudgement {
  if (!claim) return { kind: 'no-comparison', raw: rawClaim };
  const t = MISMATCH_THRESHOLDS;
  if (attribution.undetermined || evidence.answers < 1 || evidence.words < t.minWords) {
    return { kind: 'undetermined', claim };
  }
  const claimedP = attribution.families.find((f) => f.family === claim.family)?.p ?? 0;
  const top = attribution.families[0];
  if (!top || top.family === claim.family) return { kind: 'consistent', claim, claimedP };
  if (claimedP > t.maxClaimedP || top.p < t.minOtherP) return { kind: 'inconclusive', claim, claimedP };
  return {
    kind: 'mismatch',
    claim,
    claimedP,
    resembled: { family: top.family, p: top.p },
    strength: strengthOf(claimedP, top.p, evidence),
    evidence,
  };
}

function strengthOf(claimedP: number, otherP: number, { answers, words }: Evidence): EvidenceStrength {
  const { strong, moderate } = MISMATCH_THRESHOLDS;
  if (answers >= strong.minAnswers && claimedP <= strong.maxClaimedP && otherP >= strong.minOtherP) return 'strong';
  const enough = answers >= moderate.minAnswers || words >= moderate.minWordsSingle;
  if (enough && claimedP <= moderate.maxClaimedP && otherP >= moderate.minOtherP) return 'moderate';
  return 'weak';
}
