/**
 * Claimed vs resembled for a dashboard group: the verdict layer's `judgeClaim` (same thresholds as the
 * popup, so the two never disagree) applied to a group's pooled decided answers, counting their words.
 */
import type { PoolFn } from './groups';
import type { SampleRow } from './row';
import type { ResolvedClaim } from '../sites/claims';
import { judgeClaim, type ClaimJudgement } from '../verdict/mismatch';

export function judgeClaimInRows(
  pool: PoolFn,
  claim: ResolvedClaim | null,
  raw: string | null,
  rows: readonly SampleRow[],
): ClaimJudgement {
  if (!claim) return { kind: 'no-comparison', raw };
  const decided = rows.filter((r) => r.verdict && !r.verdict.undetermined);
  if (decided.length === 0) return { kind: 'undetermined', claim };
  const attributions = decided.map((r) => r.verdict!);
  const evidence = attributions.length === 1 ? attributions[0]! : pool(attributions);
  const words = decided.reduce((sum, r) => sum + r.words, 0);
  return judgeClaim(claim, evidence, { answers: decided.length, words }, raw);
}
