/**
 * Step 2e of the build: the group rules of pool() (mixed and scattered detection, the vote cap; pool-core.ts),
 * chosen on groups of held-apart answers, like α and γ, so no constant of pooling is set by hand or on
 * evaluation data. The groups:
 *  - one-label groups (one source): `poolRuleSizes` answers of one label, 20 random groups per label and size;
 *  - two-vendor groups: half the answers from each of two labels of different families, `poolRuleMixGroups`
 *    per size of `poolRuleMixSizes`.
 * Every candidate of the grid pools the same groups through judgeGroup(), the product's own code. Objective:
 * among candidates whose worst pooled vendor ECE over the one-label sizes is at most `poolRuleMaxEce` (the
 * issue's 0.05 less a margin for the step from held-apart to new data), the lowest balanced mixed error
 * ½ · (one-label groups flagged mixed + two-vendor groups not flagged mixed with both vendors as components);
 * ties: lower worst ECE, then grid order (the schema-3 rules first). When no candidate meets the ECE bound,
 * the lowest worst ECE wins.
 */
import { mulberry32 } from '../hash';
import { judgeGroup, P_FLOOR, poolDistribution } from '../pool-core';
import type { FamilySpace, PoolRules } from '../pool-core';
import type { FittedPoolRules } from '../signatures';
import { topLabelOfTopFamily } from '../distribution';
import { round } from './options';

const GROUPS_PER_LABEL = 20;

export interface PoolRuleOptions {
  poolRuleAgreement: number[]; poolRuleComponentShare: number[]; poolRuleComponentAnswers: number[];
  /** 0 = no scattered rule. */
  poolRuleScattered: number[];
  /** 1 = cap a mixed group's headline by its vote share, 0 = do not. */
  poolRuleCapMixed: number[];
  poolRuleSizes: number[]; poolRuleMixSizes: number[]; poolRuleMixGroups: number; poolRuleMaxEce: number; seed: number;
}

/** A group pooled once (the rules only act after pooling): its distribution, votes, size and true families. */
interface Group { q: Float64Array; votes: Float64Array; n: number; truth: number[] }

export function fitPoolRules(heldP: ArrayLike<number>[], heldY: ArrayLike<number>, space: FamilySpace, pooling: { scale: number; exponent: number }, o: PoolRuleOptions): FittedPoolRules {
  const { single, mixed } = heldApartGroups(heldP, heldY, space, pooling, o);
  let best: { rules: PoolRules; score: Score } | null = null;
  let candidates = 0;
  for (const strongAgreement of o.poolRuleAgreement) for (const componentShare of o.poolRuleComponentShare) for (const componentAnswers of o.poolRuleComponentAnswers) {
    for (const scattered of o.poolRuleScattered) for (const cap of o.poolRuleCapMixed) {
      const rules: PoolRules = { strongAgreement, componentShare, componentAnswers, scatteredMin: scattered > 0 ? scattered : null, capMixed: cap > 0 };
      const score = scoreRules(rules, single, mixed, space, o.poolRuleSizes);
      candidates++;
      if (!best || better(score, best.score, o.poolRuleMaxEce)) best = { rules, score };
    }
  }
  if (!best) throw new Error('fitPoolRules: the candidate grid is empty');
  const { rules, score } = best;
  return {
    ...rules,
    held: {
      oneLabelGroups: single.length, twoVendorGroups: mixed.length, candidates,
      eceBySize: score.eceBySize.map(([n, e]) => [n, round(e)]), falseMixed: round(score.falseMixed), mixedFound: round(score.mixedFound),
    },
  };
}

export interface Score { eceBySize: Array<[number, number]>; worstEce: number; falseMixed: number; mixedFound: number; mixedError: number }

/** Whether `a` beats `b` under the objective stated at the top of this file (ties keep `b`, the earlier one). */
export function better(a: Score, b: Score, maxEce: number): boolean {
  const okA = a.worstEce <= maxEce, okB = b.worstEce <= maxEce;
  if (okA !== okB) return okA;
  if (!okA) return a.worstEce < b.worstEce || (a.worstEce === b.worstEce && a.mixedError < b.mixedError);
  return a.mixedError < b.mixedError || (a.mixedError === b.mixedError && a.worstEce < b.worstEce);
}

/** What one set of rules does to the held-apart groups. */
export function scoreRules(rules: PoolRules, single: Group[], mixed: Group[], space: FamilySpace, sizes: number[]): Score {
  const bins = new Map<number, Array<{ n: number; conf: number; ok: number }>>(sizes.map((n) => [n, Array.from({ length: 10 }, () => ({ n: 0, conf: 0, ok: 0 }))]));
  let flagged = 0, found = 0;
  for (const g of single) {
    const q = Float64Array.from(g.q);
    const j = judgeGroup(space, q, g.votes, g.n, rules);
    if (j.mixed) flagged++;
    const f = space.familyOf[topLabelOfTopFamily(space, q)]!;
    let conf = 0;
    for (let c = 0; c < q.length; c++) if (space.familyOf[c] === f) conf += q[c]!;
    const b = bins.get(g.n)![Math.min(9, Math.floor(conf * 10))]!;
    b.n++; b.conf += conf; b.ok += f === g.truth[0] ? 1 : 0;
  }
  for (const g of mixed) {
    const j = judgeGroup(space, Float64Array.from(g.q), g.votes, g.n, rules);
    if (j.mixed && g.truth.every((t) => j.components.some((c) => c.family === t))) found++;
  }
  const eceBySize: Array<[number, number]> = [...bins].filter(([, bs]) => bs.some((b) => b.n > 0)).map(([n, bs]) => {
    const total = bs.reduce((s, b) => s + b.n, 0);
    return [n, bs.reduce((s, b) => s + (b.n ? (b.n / total) * Math.abs(b.ok / b.n - b.conf / b.n) : 0), 0)];
  });
  const falseMixed = single.length ? flagged / single.length : 0;
  const mixedFound = mixed.length ? found / mixed.length : 1;
  return { eceBySize, worstEce: Math.max(0, ...eceBySize.map(([, e]) => e)), falseMixed, mixedFound, mixedError: (falseMixed + 1 - mixedFound) / 2 };
}

/** The one-label and two-vendor groups of held-apart answers, each pooled once with the fitted α, γ. */
export function heldApartGroups(heldP: ArrayLike<number>[], heldY: ArrayLike<number>, space: FamilySpace, pooling: { scale: number; exponent: number }, o: PoolRuleOptions): { single: Group[]; mixed: Group[] } {
  const C = space.familyOf.length, F = space.families.length;
  const logp = Array.from(heldP, (p) => Float64Array.from({ length: C }, (_, c) => Math.log(Math.max(P_FLOOR, p[c]!))));
  const vote = Array.from(heldP, (p) => space.familyOf[topLabelOfTopFamily(space, p)]!);
  const byLabel: number[][] = Array.from({ length: C }, () => []);
  for (let i = 0; i < heldP.length; i++) byLabel[heldY[i]!]!.push(i);
  const rand = mulberry32(o.seed ^ 0x9001);
  const pick = (members: number[], n: number): number[] => {
    const m = [...members];
    for (let j = 0; j < n; j++) { const k = j + Math.floor(rand() * (m.length - j)); [m[j], m[k]] = [m[k]!, m[j]!]; }
    return m.slice(0, n);
  };
  const group = (rows: number[], truth: number[]): Group => {
    const terms: number[][] = Array.from({ length: C }, () => []);
    const votes = new Float64Array(F);
    for (const i of rows) { for (let c = 0; c < C; c++) terms[c]!.push(logp[i]![c]!); votes[vote[i]!]!++; }
    return { q: poolDistribution(terms, rows.length, pooling.scale, pooling.exponent), votes, n: rows.length, truth };
  };
  const single: Group[] = [];
  for (let c = 0; c < C; c++) for (const n of o.poolRuleSizes) {
    if (byLabel[c]!.length < n) continue;
    for (let t = 0; t < GROUPS_PER_LABEL; t++) single.push(group(pick(byLabel[c]!, n), [space.familyOf[c]!]));
  }
  const mixed: Group[] = [];
  for (const size of o.poolRuleMixSizes) {
    const half = Math.floor(size / 2);
    const eligible = byLabel.map((m, c) => (m.length >= half ? c : -1)).filter((c) => c >= 0);
    if (new Set(eligible.map((c) => space.familyOf[c])).size < 2) continue;
    for (let t = 0; t < o.poolRuleMixGroups;) {
      const a = eligible[Math.floor(rand() * eligible.length)]!, b = eligible[Math.floor(rand() * eligible.length)]!;
      if (space.familyOf[a] === space.familyOf[b]) continue;
      mixed.push(group([...pick(byLabel[a]!, half), ...pick(byLabel[b]!, half)], [space.familyOf[a]!, space.familyOf[b]!]));
      t++;
    }
  }
  return { single, mixed };
}
