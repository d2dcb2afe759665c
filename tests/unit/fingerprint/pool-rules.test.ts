import { describe, expect, it } from 'vitest';
import { better, fitPoolRules, heldApartGroups, scoreRules } from '../../../lib/fingerprint/build/pool-rules';
import type { PoolRuleOptions, Score } from '../../../lib/fingerprint/build/pool-rules';
import { mulberry32 } from '../../../lib/fingerprint/hash';
import { judgeGroup, LEGACY_POOL_RULES } from '../../../lib/fingerprint/pool-core';
import type { PoolRules } from '../../../lib/fingerprint/pool-core';

// Six labels of four vendors (a, b have two labels each).
const space = { families: ['a', 'b', 'c', 'd'], familyOf: Int32Array.from([0, 0, 1, 1, 2, 3]) };
const C = space.familyOf.length;

/** Held-apart answers: each label's answer puts `p` on its own label (with probability `right`) or on another. */
function held(perLabel: number, p: number, right: number, seed = 7): { heldP: Float64Array[]; heldY: number[] } {
  const rand = mulberry32(seed);
  const heldP: Float64Array[] = [], heldY: number[] = [];
  for (let c = 0; c < C; c++) {
    for (let k = 0; k < perLabel; k++) {
      const top = rand() < right ? c : (c + 1 + Math.floor(rand() * (C - 1))) % C;
      heldP.push(Float64Array.from({ length: C }, (_, j) => (j === top ? p : (1 - p) / (C - 1))));
      heldY.push(c);
    }
  }
  return { heldP, heldY };
}

const options = (o: Partial<PoolRuleOptions> = {}): PoolRuleOptions => ({
  poolRuleAgreement: [2 / 3, 0.5, 0.75], poolRuleComponentShare: [0.25, 0.35], poolRuleComponentAnswers: [2], poolRuleScattered: [3, 0], poolRuleCapMixed: [1, 0],
  poolRuleSizes: [5, 10, 30], poolRuleMixSizes: [10], poolRuleMixGroups: 60, poolRuleMaxEce: 0.04, seed: 3, ...o,
});
const pooling = { scale: 1, exponent: 0.6 };

const score = (worstEce: number, mixedError: number): Score => ({ eceBySize: [], worstEce, falseMixed: 0, mixedFound: 0, mixedError });

describe('the pool rules fit (build/pool-rules.ts)', () => {
  it('prefers a candidate inside the ECE bound, then the lower mixed error, then the lower ECE', () => {
    expect(better(score(0.03, 0.4), score(0.06, 0.1), 0.04)).toBe(true);
    expect(better(score(0.06, 0.1), score(0.03, 0.4), 0.04)).toBe(false);
    expect(better(score(0.035, 0.2), score(0.01, 0.3), 0.04)).toBe(true);
    expect(better(score(0.02, 0.2), score(0.03, 0.2), 0.04)).toBe(true);
    // Nobody inside the bound: the lowest worst ECE, whatever the mixed error.
    expect(better(score(0.07, 0.5), score(0.08, 0.1), 0.04)).toBe(true);
    // A tie keeps the earlier candidate (grid order: the schema-3 rules first).
    expect(better(score(0.02, 0.2), score(0.02, 0.2), 0.04)).toBe(false);
  });

  it('chooses the candidate the stated objective ranks first among every candidate of the grid', () => {
    const { heldP, heldY } = held(120, 0.6, 0.7);
    const o = options();
    const fitted = fitPoolRules(heldP, heldY, space, pooling, o);
    const { single, mixed } = heldApartGroups(heldP, heldY, space, pooling, o);
    expect(fitted.held.oneLabelGroups).toBe(single.length);
    expect(single.length).toBe(C * 3 * 20);
    expect(fitted.held.twoVendorGroups).toBe(60);
    expect(fitted.held.candidates).toBe(3 * 2 * 1 * 2 * 2);
    const all: Array<{ rules: PoolRules; s: Score }> = [];
    for (const strongAgreement of o.poolRuleAgreement) for (const componentShare of o.poolRuleComponentShare) for (const scattered of o.poolRuleScattered) for (const cap of o.poolRuleCapMixed) {
      const rules = { strongAgreement, componentShare, componentAnswers: 2, scatteredMin: scattered || null, capMixed: cap === 1 };
      all.push({ rules, s: scoreRules(rules, single, mixed, space, o.poolRuleSizes) });
    }
    const chosen = all.find(({ rules }) => rules.strongAgreement === fitted.strongAgreement && rules.componentShare === fitted.componentShare
      && rules.scatteredMin === fitted.scatteredMin && rules.capMixed === fitted.capMixed)!;
    for (const other of all) expect(better(other.s, chosen.s, o.poolRuleMaxEce)).toBe(false);
    expect(fitted.held.mixedFound).toBeCloseTo(chosen.s.mixedFound, 4);
    expect(fitted.held.eceBySize.map(([n]) => n)).toEqual([5, 10, 30]);
  });

  it('follows the data: answers that are always right make an even two-vendor split mixed only under a bar above one half', () => {
    const { heldP, heldY } = held(60, 0.9, 1);
    const fitted = fitPoolRules(heldP, heldY, space, pooling, options({ poolRuleAgreement: [0.5, 0.75], poolRuleComponentShare: [0.25], poolRuleScattered: [0], poolRuleCapMixed: [0] }));
    // 5 + 5 answers: a share of 0.5 is not under 0.5, but is under 0.75.
    expect(fitted.strongAgreement).toBe(0.75);
    expect(fitted.held.mixedFound).toBe(1);
    expect(fitted.held.falseMixed).toBe(0);
  });

  it('is deterministic for a seed', () => {
    const { heldP, heldY } = held(80, 0.5, 0.6);
    expect(fitPoolRules(heldP, heldY, space, pooling, options())).toEqual(fitPoolRules(heldP, heldY, space, pooling, options()));
  });
});

describe('judgeGroup (the rules pool() and poolWithReferences() share)', () => {
  const q = () => Float64Array.from([0.5, 0.05, 0.3, 0.05, 0.05, 0.05]);
  it('a 6 / 4 split is mixed under the schema-3 rules and not under a bar of one half', () => {
    const votes = [6, 4, 0, 0];
    expect(judgeGroup(space, q(), votes, 10, LEGACY_POOL_RULES).mixed).toBe(true);
    expect(judgeGroup(space, q(), votes, 10, { ...LEGACY_POOL_RULES, strongAgreement: 0.5 }).mixed).toBe(false);
  });

  it('caps a mixed headline by its vote share only when capMixed is set', () => {
    const votes = [2, 2, 0, 0];
    const capped = q(), free = q();
    judgeGroup(space, capped, votes, 4, { ...LEGACY_POOL_RULES, componentAnswers: 1 });
    judgeGroup(space, free, votes, 4, { ...LEGACY_POOL_RULES, componentAnswers: 1, capMixed: false });
    expect(free[0]! + free[1]!).toBeCloseTo(0.55, 9);
    expect(capped[0]! + capped[1]!).toBeLessThan(0.55 + 1e-9);
    expect(capped.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 9);
  });

  it('the scattered rule flags a headline no answer ranked first only from scatteredMin answers', () => {
    // Vendor a leads the pooled distribution, but the answers ranked b, c and d first.
    const votes = [0, 1, 1, 1];
    expect(judgeGroup(space, q(), votes, 3, LEGACY_POOL_RULES).mixed).toBe(true);
    expect(judgeGroup(space, q(), votes, 3, { ...LEGACY_POOL_RULES, scatteredMin: 5 }).mixed).toBe(false);
    expect(judgeGroup(space, q(), votes, 3, { ...LEGACY_POOL_RULES, scatteredMin: null }).mixed).toBe(false);
  });
});
