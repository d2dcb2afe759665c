import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankReferences } from '@/lib/compare';
import { toMatrix, columnsOf } from '@/lib/compare/matrix';
import { seeded, shuffleFirst } from '@/lib/compare/prng';
import { bootstrapDraws } from '@/lib/compare/shares';
import { permutationStatistics, pValue, splitStatistic, standardize } from '@/lib/compare/two-sample';
import type { Group, GroupSample } from '@/lib/compare/types';

/** Naive reference: T = Σ_f (mean_A − mean_B)² / var_f over non-constant columns, straight from the definition. */
function naiveStatistic(rows: number[][], inA: boolean[]): number {
  const d = rows[0]!.length;
  let t = 0;
  for (let f = 0; f < d; f++) {
    const col = rows.map((r) => r[f]!);
    const mu = col.reduce((s, x) => s + x, 0) / col.length;
    const v = col.reduce((s, x) => s + (x - mu) ** 2, 0) / col.length;
    if (!(v > 1e-12 * (1 + mu * mu))) continue;
    const a = col.filter((_, i) => inA[i]);
    const b = col.filter((_, i) => !inA[i]);
    const diff = a.reduce((s, x) => s + x, 0) / a.length - b.reduce((s, x) => s + x, 0) / b.length;
    t += (diff * diff) / v;
  }
  return t;
}

const matrixArb = fc
  .record({ n: fc.integer({ min: 4, max: 14 }), d: fc.integer({ min: 1, max: 5 }) })
  .chain(({ n, d }) =>
    fc.record({
      rows: fc.array(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -100, max: 100, noNaN: true })), { minLength: d, maxLength: d }), { minLength: n, maxLength: n }),
      nA: fc.integer({ min: 2, max: n - 2 }),
      seed: fc.integer(),
    }),
  );

function flat(rows: number[][]) {
  return { names: rows[0]!.map((_, j) => `f${j}`), n: rows.length, d: rows[0]!.length, x: Float64Array.from(rows.flat()) };
}

describe('the permutation test agrees with a naive implementation', () => {
  it('the fast statistic of a split equals the naive one', () => {
    fc.assert(
      fc.property(matrixArb, ({ rows, nA, seed }) => {
        const order = Int32Array.from({ length: rows.length }, (_, i) => i);
        shuffleFirst(order, nA, seeded(seed));
        const inA = rows.map(() => false);
        for (let i = 0; i < nA; i++) inA[order[i]!] = true;
        const { z, n, d } = standardize(flat(rows));
        const fast = splitStatistic(z, n, d, order, nA);
        const naive = naiveStatistic(rows, inA);
        expect(fast).toBeCloseTo(naive, 6);
      }),
      { numRuns: 300 },
    );
  });

  it('the p-value equals the one a naive loop over the same relabellings gives', () => {
    fc.assert(
      fc.property(matrixArb, ({ rows, nA, seed }) => {
        const { z, n, d } = standardize(flat(rows));
        const { observed, perms } = permutationStatistics(z, n, d, nA, 60, seeded(seed));
        // Naive: replay the same generator, rebuild each labelling explicitly.
        const rand = seeded(seed);
        const order = Int32Array.from({ length: n }, (_, i) => i);
        const naiveObserved = naiveStatistic(rows, rows.map((_, i) => i < nA));
        let atLeast = 0;
        for (let p = 0; p < 60; p++) {
          shuffleFirst(order, nA, rand);
          const inA = rows.map(() => false);
          for (let i = 0; i < nA; i++) inA[order[i]!] = true;
          if (naiveStatistic(rows, inA) >= naiveObserved - 1e-9 * Math.abs(naiveObserved) - 1e-9) atLeast++;
        }
        expect(observed).toBeCloseTo(naiveObserved, 6);
        // Ties within rounding may fall either side: allow the naive count to differ by the number of near-ties.
        const near = Array.from(perms).filter((t) => Math.abs(t - observed) < 1e-6 * (1 + observed)).length;
        expect(Math.abs(pValue(observed, perms) * 61 - (1 + atLeast))).toBeLessThanOrEqual(near);
      }),
      { numRuns: 150 },
    );
  });

  it('is a valid test: p is never 0 and a group compared with a copy of itself has p = 1', () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i % 5, (i * 7) % 5]);
    const { z, n, d } = standardize(flat(rows));
    const { observed, perms } = permutationStatistics(z, n, d, 5, 200, seeded(3));
    expect(observed).toBeCloseTo(0, 12);
    expect(pValue(observed, perms)).toBe(1);
    expect(pValue(1e9, perms)).toBe(1 / 201);
  });
});

function sample(id: string, ps: number[], labels: string[], fam: (l: string) => string): GroupSample {
  const models = labels.map((model, i) => ({ model, family: fam(model), p: ps[i]! }));
  const famP = new Map<string, number>();
  for (const m of models) famP.set(m.family, (famP.get(m.family) ?? 0) + m.p);
  return {
    id,
    features: {},
    attribution: {
      model: null, family: null, confidence: 0, undetermined: false, reason: null, explanation: [],
      models, families: [...famP].map(([family, p]) => ({ family, p })),
    },
  };
}

describe('bootstrap shares agree with a naive implementation', () => {
  const labels = ['a1', 'a2', 'b1', 'c1'];
  const fam = (l: string) => l[0]!;
  const probs = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 4, maxLength: 4 }).map((w) => {
    const s = w.reduce((x, y) => x + y, 0);
    return w.map((x) => x / s);
  });
  it('share, interval and first-place rate match explicit resampling', () => {
    fc.assert(
      fc.property(fc.array(probs, { minLength: 1, maxLength: 12 }), fc.integer(), (rows, seed) => {
        const group: Group = { name: 'g', samples: rows.map((p, i) => sample(`s${i}`, p, labels, fam)), skipped: { total: 0, byReason: {} } };
        const r = rankReferences(group, { seed, resamples: 50 });
        const draws = bootstrapDraws(rows.length, 50, seed);
        for (const ref of r.references) {
          const c = labels.indexOf(ref.label);
          const mean = rows.reduce((s, p) => s + p[c]!, 0) / rows.length;
          expect(ref.share).toBeCloseTo(mean, 3);
          const boots = draws.map((d) => Array.from(d).reduce((s, i) => s + rows[i]![c]!, 0) / d.length).sort((x, y) => x - y);
          const q = (p: number) => { const pos = p * (boots.length - 1); const lo = Math.floor(pos); return boots[lo]! + (boots[Math.min(boots.length - 1, lo + 1)]! - boots[lo]!) * (pos - lo); };
          expect(ref.low).toBeCloseTo(q(0.025), 3);
          expect(ref.high).toBeCloseTo(q(0.975), 3);
          const firsts = draws.filter((d) => {
            const m = labels.map((_, k) => Array.from(d).reduce((s, i) => s + rows[i]![k]!, 0));
            return m.indexOf(Math.max(...m)) === c;
          }).length;
          expect(ref.first).toBeCloseTo(firsts / 50, 3);
        }
        const famShare = r.families.reduce((s, f) => s + f.share, 0);
        expect(famShare).toBeCloseTo(1, 3);
      }),
      { numRuns: 100 },
    );
  });

  it('a group with no attributable answer is refused with the count of skipped ones', () => {
    expect(() => rankReferences({ name: 'g', samples: [], skipped: { total: 3, byReason: { 'too-short': 3 } } })).toThrow(/3 too short/);
  });
});

describe('the feature matrix', () => {
  it('has one column per named feature and per label, sorted, with log probabilities', () => {
    const s = sample('x', [0.5, 0.25, 0.25, 0], ['a1', 'a2', 'b1', 'c1'], (l) => l[0]!);
    s.features = { 'punct:comma': 2, 'fw:the': 5 };
    const m = toMatrix([s], columnsOf([s]));
    expect(m.names).toEqual(['fw:the', 'punct:comma', 'resembles:a1', 'resembles:a2', 'resembles:b1', 'resembles:c1']);
    expect(Array.from(m.x.slice(0, 3))).toEqual([5, 2, Math.log(0.5)]);
    expect(m.x[5]).toBeCloseTo(Math.log(1e-9));
  });
});
