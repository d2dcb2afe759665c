/**
 * The verdict of a conversation: its answers pooled, how many more answers it needs, and the claim judged on
 * the pooled evidence (lib/verdict/claims.ts). Pure functions of stored samples, their listings and the
 * engine's `pool()`; the background calls them and answers the pages (which never bundle the engine).
 */
import type { Sample } from '../sample';
import type { SampleListing } from '../sample-listing';
import { answersNeeded, type AnswersNeeded } from './answers-needed';
import { judgeAnswers, type ClaimEvidence, type ClaimJudgement } from './claims';
import { sampleWords } from './compute';
import type { Evidence } from './evidence-label';
import type { Attribution, PooledAttribution, VerdictEngine } from './types';

export interface PooledVerdict {
  /** Null when no answer is determined. */
  pooled: PooledAttribution | null;
  /** The determined answers the pooled verdict rests on, and their words (for its evidence label). */
  evidence: Evidence;
  answersNeeded: AnswersNeeded;
  claim: ClaimJudgement;
}

type Pool = VerdictEngine['pool'];

/** Defined beside the word count; re-exported for the pages that show one sample's verdict. */
export { sampleWords };

/**
 * A stored sample as claim evidence: the claim resolved when its listing was written. A sample without a
 * listing (never, once the database is at v4) makes no claim rather than one resolved here.
 */
export function claimEvidence(sample: Sample, listing: SampleListing | undefined): ClaimEvidence {
  return {
    site: sample.site,
    claimed: sample.claimedModel?.raw ?? null,
    claimSource: sample.claimedModel?.source ?? null,
    claim: listing?.claim ?? null,
    verdict: sample.verdict?.attribution ?? null,
    words: listing?.words ?? sampleWords(sample),
  };
}

/** The pooled verdict of a conversation's answers, judged against the claim most of them make. */
export function poolAnswers(pool: Pool, answers: readonly ClaimEvidence[]): PooledVerdict {
  const determined = answers.filter((a): a is ClaimEvidence & { verdict: Attribution } => a.verdict !== null && !a.verdict.undetermined);
  const verdicts = determined.map((a) => a.verdict);
  return {
    pooled: verdicts.length > 0 ? pool(verdicts) : null,
    evidence: { answers: verdicts.length, words: determined.reduce((sum, a) => sum + a.words, 0) },
    answersNeeded: answersNeeded(pool, verdicts),
    claim: judgeAnswers(pool, answers),
  };
}
