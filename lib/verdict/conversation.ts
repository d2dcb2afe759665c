/**
 * Verdicts over several answers: the pooled verdict of a conversation, how many more answers it needs,
 * and the claimed-vs-resembled judgement on pooled evidence. Pure functions of stored samples and the
 * engine's `pool()`; the background calls them and answers the pages (which never bundle the engine).
 */
import type { Sample } from '../sample';
import { sampleWords } from '../sample-listing';
import { resolveClaim, type ResolvedClaim } from '../sites/claims';
import { answersNeeded, type AnswersNeeded } from './answers-needed';
import { judgeClaim, type ClaimJudgement } from './mismatch';
import type { Attribution, PooledAttribution, VerdictEngine } from './types';

export interface PooledVerdict {
  /** Null when no answer is determined. */
  pooled: PooledAttribution | null;
  answersNeeded: AnswersNeeded;
  claim: ClaimJudgement;
}

type Pool = VerdictEngine['pool'];

/** Defined beside the listing that stores it; re-exported for the pages that show one sample's verdict. */
export { sampleWords };

function attributions(samples: readonly Sample[]): Attribution[] {
  return samples.flatMap((s) => (s.verdict ? [s.verdict.attribution] : []));
}

/**
 * Judges `claim` on the pooled evidence of the answers in `samples` that make the same claim (same
 * family): one conversation may mix models (ChatGPT falls back to a mini model), and an answer claimed
 * to be from another vendor is no evidence about this claim.
 */
export function judgeClaimInContext(pool: Pool, claim: ResolvedClaim | null, rawClaim: string | null, samples: readonly Sample[]): ClaimJudgement {
  if (!claim) return { kind: 'no-comparison', raw: rawClaim };
  const same = samples.filter((s) => s.verdict && !s.verdict.attribution.undetermined && resolveClaim(s.claimedModel)?.family === claim.family);
  if (same.length === 0) return { kind: 'undetermined', claim };
  const pooled = same.length === 1 ? same[0]!.verdict!.attribution : pool(attributions(same));
  const words = same.reduce((sum, s) => sum + sampleWords(s), 0);
  return judgeClaim(claim, pooled, { answers: same.length, words }, rawClaim);
}

/** The pooled verdict of a conversation's samples, judged against its most frequent claim. */
export function poolSamples(pool: Pool, samples: readonly Sample[]): PooledVerdict {
  const determined = attributions(samples).filter((a) => !a.undetermined);
  const pooled = determined.length > 0 ? pool(determined) : null;
  const claim = dominantClaim(samples);
  return {
    pooled,
    answersNeeded: answersNeeded(pool, determined),
    claim: judgeClaimInContext(pool, claim ? resolveClaim(claim) : null, claim?.raw ?? null, samples),
  };
}

/** The claim most answers carry (the first such sample's raw string), or null. */
function dominantClaim(samples: readonly Sample[]): Sample['claimedModel'] {
  const counts = new Map<string, { n: number; claim: NonNullable<Sample['claimedModel']> }>();
  for (const s of samples) {
    if (!s.claimedModel) continue;
    const key = resolveClaim(s.claimedModel)?.family ?? `raw:${s.claimedModel.raw}`;
    const entry = counts.get(key) ?? { n: 0, claim: s.claimedModel };
    entry.n++;
    counts.set(key, entry);
  }
  let best: { n: number; claim: NonNullable<Sample['claimedModel']> } | undefined;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return best?.claim ?? null;
}
