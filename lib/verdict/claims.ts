/**
 * Claimed vs resembled, judged in one place. What a page claims is resolved once, when the sample's listing
 * is written ({@link claimOf}, stored as `SampleListing.claim`); every page then judges it with the function
 * for the data it holds: {@link judgeSample} for one stored sample, {@link judgeAnswers} for a group of
 * answers (a conversation in the background, a dashboard group).
 *
 * A false "this site is not running X" is the worst thing ModelPrint can say, so a mismatch needs all of:
 * a claim the tables know (a named model in `claim-table.ts`, else the site's operator in
 * `site-operators.ts`), a determined verdict, the claimed vendor not first, its probability low AND another
 * vendor's high, enough words, and answers that do not point to several vendors. The strength is the
 * evidence label of the verdict (lib/verdict/evidence-label.ts), capped by how low the claimed vendor is.
 */
import type { ClaimedModel, ClaimSource, Sample, SampleSite } from '../sample';
import { CLAIM_ROWS } from './claim-table';
import { sampleWords } from './compute';
import { evidenceStrength, weakerOf, type Evidence, type EvidenceStrength } from './evidence-label';
import { siteOperator } from './site-operators';
import type { Attribution, PooledAttribution } from './types';

/** The key a claimed name is matched by: lower case, every run of other characters one `-`, trimmed. */
export function normalizeClaim(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A named model with what it means for the engine; `raw` stays as the site showed it. */
export interface ModelClaim extends ClaimedModel {
  label: string | null;
  family: string;
}

/**
 * The reference label and family of a named model, or null: no claim, a mode ("Thinking", "Fast" say
 * nothing about the vendor) or a name no row knows.
 */
export function resolveClaim(claim: ClaimedModel | null | undefined): ModelClaim | null {
  if (!claim || claim.source === 'mode') return null;
  const key = normalizeClaim(claim.raw);
  const row = CLAIM_ROWS.find((r) => r.pattern.test(key));
  return row ? { ...claim, label: row.label, family: row.family } : null;
}

/**
 * What a page claims, in the engine's terms. `model`: the page named a model. `operator`: it named none
 * (or a mode, or a name no row knows), and the site's operator is the claim (Gemini is run by Google).
 */
export type ResolvedClaim =
  | { basis: 'model'; site: SampleSite; raw: string; label: string | null; family: string }
  | { basis: 'operator'; site: SampleSite; raw: string | null; label: null; family: string };

/** The claim of an answer read on `site`; null when there is nothing to compare (pasted text, multi-vendor site without a known model). */
export function claimOf(site: SampleSite, claimed: ClaimedModel | null | undefined): ResolvedClaim | null {
  const named = resolveClaim(claimed);
  if (named) return { basis: 'model', site, raw: named.raw, label: named.label, family: named.family };
  const family = siteOperator(site)?.family;
  return family ? { basis: 'operator', site, raw: claimed?.raw ?? null, label: null, family } : null;
}

/** Thresholds of the judgement itself; the evidence label has its own (EVIDENCE_THRESHOLDS). */
export const MISMATCH_THRESHOLDS = {
  /** Fewer words than this (all pooled answers together) and nothing is judged. Default 40. */
  minWords: 40,
  /** Above this probability of the claimed vendor there is no mismatch at all. 0..1; default 0.2. */
  maxClaimedP: 0.2,
  /** The top vendor must reach this for any mismatch. 0..1; default 0.5. */
  minOtherP: 0.5,
  /** A "moderate" mismatch needs the claimed vendor at ≤ 0.05, a "strong" one at ≤ 0.02. */
  moderateMaxClaimedP: 0.05,
  strongMaxClaimedP: 0.02,
} as const;

export type ClaimJudgement =
  /** Nothing to compare: no model named on a multi-vendor site, a mode there, or a name no row knows. */
  | { kind: 'no-comparison'; raw: string | null; source: ClaimSource | null; site: SampleSite | null }
  /** The engine could not tell (too short, not prose) or there are too few words to judge. */
  | { kind: 'undetermined'; claim: ResolvedClaim }
  /** The claimed vendor is the closest one. */
  | { kind: 'consistent'; claim: ResolvedClaim; claimedP: number }
  /** Neither consistent nor a clear mismatch (or the answers point to several vendors). */
  | { kind: 'inconclusive'; claim: ResolvedClaim; claimedP: number; mixed: boolean }
  | {
      kind: 'mismatch';
      claim: ResolvedClaim;
      claimedP: number;
      resembled: { family: string; p: number };
      strength: EvidenceStrength;
      evidence: Evidence;
    };

/** Claimed vs resembled on one attribution (one answer, or answers already pooled). */
export function judgeClaim(claim: ResolvedClaim, attribution: Attribution | PooledAttribution, evidence: Evidence): ClaimJudgement {
  const t = MISMATCH_THRESHOLDS;
  if (attribution.undetermined || evidence.answers < 1 || evidence.words < t.minWords) return { kind: 'undetermined', claim };
  const claimedP = attribution.families.find((f) => f.family === claim.family)?.p ?? 0;
  const top = attribution.families[0];
  if (!top || top.family === claim.family) return { kind: 'consistent', claim, claimedP };
  const mixed = 'mixed' in attribution && attribution.mixed;
  if (mixed || claimedP > t.maxClaimedP || top.p < t.minOtherP) return { kind: 'inconclusive', claim, claimedP, mixed };
  const cap: EvidenceStrength = claimedP <= t.strongMaxClaimedP ? 'strong' : claimedP <= t.moderateMaxClaimedP ? 'moderate' : 'weak';
  return {
    kind: 'mismatch',
    claim,
    claimedP,
    resembled: { family: top.family, p: top.p },
    strength: weakerOf(evidenceStrength(attribution, evidence), cap),
    evidence,
  };
}

/** One stored sample, judged on its own (the dashboard's detail view). */
export function judgeSample(sample: Sample): ClaimJudgement {
  const claim = claimOf(sample.site, sample.claimedModel);
  if (!claim) return noComparison(sample.site, sample.claimedModel?.raw ?? null, sample.claimedModel?.source ?? null);
  const attribution = sample.verdict?.attribution;
  if (!attribution) return { kind: 'undetermined', claim };
  return judgeClaim(claim, attribution, { answers: 1, words: sampleWords(sample) });
}

/** What a group judgement needs of each answer: its listing's fields (a dashboard row has them all) and its verdict. */
export interface ClaimEvidence {
  site: SampleSite;
  claimed: string | null;
  claimSource: ClaimSource | null;
  /** Resolved when the listing was written. */
  claim: ResolvedClaim | null;
  verdict: Attribution | null;
  words: number;
}

type Pool = (results: Attribution[]) => PooledAttribution;

/**
 * Judges the claim of `focus` (default: the claim most answers make) on the pooled evidence of the answers
 * that make a claim of the same vendor: one conversation may mix models (ChatGPT falls back to a mini
 * model), and an answer claimed to be from another vendor is no evidence about this claim.
 */
export function judgeAnswers(pool: Pool, answers: readonly ClaimEvidence[], focus: ClaimEvidence | undefined = dominant(answers)): ClaimJudgement {
  const claim = focus?.claim;
  if (!focus || !claim) return noComparison(focus?.site ?? null, focus?.claimed ?? null, focus?.claimSource ?? null);
  const same = answers.filter((a) => a.claim?.family === claim.family && a.verdict && !a.verdict.undetermined);
  if (same.length === 0) return { kind: 'undetermined', claim };
  const verdicts = same.map((a) => a.verdict!);
  const pooled = verdicts.length === 1 ? verdicts[0]! : pool(verdicts);
  return judgeClaim(claim, pooled, { answers: same.length, words: same.reduce((sum, a) => sum + a.words, 0) });
}

/** The answer whose claim stands for the group: the most claimed vendor, a named model before an operator. */
function dominant(answers: readonly ClaimEvidence[]): ClaimEvidence | undefined {
  const byFamily = new Map<string, { n: number; first: ClaimEvidence }>();
  for (const a of answers) {
    if (!a.claim) continue;
    const entry = byFamily.get(a.claim.family);
    if (!entry) byFamily.set(a.claim.family, { n: 1, first: a });
    else {
      entry.n++;
      if (entry.first.claim!.basis === 'operator' && a.claim.basis === 'model') entry.first = a;
    }
  }
  let best: { n: number; first: ClaimEvidence } | undefined;
  for (const e of byFamily.values()) if (!best || e.n > best.n) best = e;
  return best?.first ?? answers.find((a) => a.claimed !== null) ?? answers[0];
}

function noComparison(site: SampleSite | null, raw: string | null, source: ClaimSource | null): ClaimJudgement {
  return { kind: 'no-comparison', raw, source, site };
}
