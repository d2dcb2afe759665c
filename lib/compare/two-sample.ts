/**
 * "Do these two groups come from the same source?" A permutation test on the engine's feature space
 * (matrix.ts): every column is standardised on the two groups together, and the statistic is the squared
 * distance between the group means, T = Σ_f (mean_A,f − mean_B,f)². Under the null hypothesis the answers are
 * exchangeable between the groups, so relabelling them at random (seeded) gives T's null distribution and
 * p = (1 + #{T_perm ≥ T}) / (1 + permutations). The test needs no distributional assumption, but it does need
 * exchangeable answers: several answers to one prompt in one group make it too eager (docs/comparison.md
 * measures it with one answer per prompt).
 */
import { columnsOf, toMatrix, type FeatureMatrix } from './matrix';
import { differingFeatures } from './differing';
import { powerNote } from './power';
import { quantileSorted, seeded, shuffleFirst, type Random } from './prng';
import { COMPARE_DEFAULTS, type CompareOptions, type Group, type TwoSampleResult } from './types';

/** Columns centred and scaled to unit (population) variance on all rows; constant columns dropped. */
export function standardize(m: FeatureMatrix, rows?: ArrayLike<number>): { z: Float64Array; n: number; d: number } {
  const idx = rows ?? Int32Array.from({ length: m.n }, (_, i) => i);
  const n = idx.length;
  const keep: number[] = [];
  const mean: number[] = [];
  const inv: number[] = [];
  for (let j = 0; j < m.d; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += m.x[idx[i]! * m.d + j]!;
    const mu = s / n;
    let v = 0;
    for (let i = 0; i < n; i++) { const e = m.x[idx[i]! * m.d + j]! - mu; v += e * e; }
    v /= n;
    // Relative threshold: a column constant up to rounding carries no information.
    if (v > 1e-12 * (1 + mu * mu)) { keep.push(j); mean.push(mu); inv.push(1 / Math.sqrt(v)); }
  }
  const d = keep.length;
  const z = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    const src = idx[i]! * m.d;
    for (let k = 0; k < d; k++) z[i * d + k] = (m.x[src + keep[k]!]! - mean[k]!) * inv[k]!;
  }
  return { z, n, d };
}

/** T for the split "rows order[0..nA) are group A" of a standardised matrix (centred columns). */
export function splitStatistic(z: Float64Array, n: number, d: number, order: ArrayLike<number>, nA: number, sum = new Float64Array(d)): number {
  sum.fill(0);
  for (let i = 0; i < nA; i++) {
    const row = order[i]! * d;
    for (let k = 0; k < d; k++) sum[k]! += z[row + k]!;
  }
  // Centred columns: mean_B = −sum_A / n_B, so mean_A − mean_B = sum_A (1/n_A + 1/n_B).
  const c = 1 / nA + 1 / (n - nA);
  let t = 0;
  for (let k = 0; k < d; k++) t += sum[k]! * sum[k]!;
  return t * c * c;
}

/** The observed statistic and `permutations` statistics of random relabellings, from one seeded generator. */
export function permutationStatistics(z: Float64Array, n: number, d: number, nA: number, permutations: number, rand: Random) {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const sum = new Float64Array(d);
  const observed = splitStatistic(z, n, d, order, nA, sum);
  const perms = new Float64Array(permutations);
  for (let p = 0; p < permutations; p++) {
    shuffleFirst(order, nA, rand);
    perms[p] = splitStatistic(z, n, d, order, nA, sum);
  }
  return { observed, perms };
}

export function pValue(observed: number, perms: ArrayLike<number>): number {
  // A relabelling that ties the observed split up to rounding counts as "at least as extreme".
  const bar = observed - 1e-9 * Math.abs(observed);
  let k = 0;
  for (let i = 0; i < perms.length; i++) if (perms[i]! >= bar) k++;
  return (1 + k) / (1 + perms.length);
}

/** Σ_f (mean_A,f − mean_B,f)² for bootstrap rows (A drawn from [0, nA), B from [nA, n)) of a standardised matrix. */
function bootStatistic(z: Float64Array, d: number, rowsA: Int32Array, rowsB: Int32Array, sa: Float64Array, sb: Float64Array): number {
  sa.fill(0);
  sb.fill(0);
  for (const r of rowsA) { const base = r * d; for (let k = 0; k < d; k++) sa[k]! += z[base + k]!; }
  for (const r of rowsB) { const base = r * d; for (let k = 0; k < d; k++) sb[k]! += z[base + k]!; }
  let t = 0;
  for (let k = 0; k < d; k++) { const e = sa[k]! / rowsA.length - sb[k]! / rowsB.length; t += e * e; }
  return t;
}

/**
 * Effect size: the root-mean-square standardised mean difference beyond chance, sqrt(max(0, T/d − T0/d)) where
 * T0 is the mean statistic of the permutations (what two samples of these sizes from one source show). The
 * interval is a bias-corrected percentile bootstrap (each group resampled with replacement; resampling adds its
 * own noise to T, so the replicates are shifted back by their mean excess over T before the chance level is
 * taken off).
 */
function effectSize(z: Float64Array, n: number, d: number, nFirst: number, observed: number, nullT: number, seed: number, level: number) {
  const value = Math.sqrt(Math.max(0, (observed - nullT) / Math.max(1, d)));
  const reps = COMPARE_DEFAULTS.effectResamples;
  const boot = seeded(seed ^ 0x5bd1e995);
  const rowsA = new Int32Array(nFirst), rowsB = new Int32Array(n - nFirst);
  const sa = new Float64Array(d), sb = new Float64Array(d);
  const t = new Float64Array(reps);
  let mean = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < rowsA.length; i++) rowsA[i] = Math.floor(boot() * nFirst);
    for (let i = 0; i < rowsB.length; i++) rowsB[i] = nFirst + Math.floor(boot() * (n - nFirst));
    t[r] = bootStatistic(z, d, rowsA, rowsB, sa, sb);
    mean += t[r]! / reps;
  }
  const shift = mean - observed + nullT;
  t.sort();
  const tail = (1 - level) / 2;
  const at = (q: number) => Math.sqrt(Math.max(0, (quantileSorted(t, q) - shift) / Math.max(1, d)));
  return { value, low: at(tail), high: at(1 - tail), level, nullMean: Math.sqrt(nullT / Math.max(1, d)) };
}

export function compareGroups(a: Group, b: Group, options: CompareOptions = {}): TwoSampleResult {
  const seed = options.seed ?? COMPARE_DEFAULTS.seed;
  const permutations = Math.max(1, Math.floor(options.permutations ?? COMPARE_DEFAULTS.permutations));
  const level = options.level ?? COMPARE_DEFAULTS.level;
  const nA = a.samples.length, nB = b.samples.length;
  if (nA < 2 || nB < 2) {
    throw new Error(`a two-sample test needs at least 2 attributable answers in each group (got ${nA} and ${nB})`);
  }
  const all = [...a.samples, ...b.samples];
  const m = toMatrix(all, columnsOf(all));
  // T is symmetric in A and B, so the permutations draw the smaller group: half the work at 100 vs 900.
  const small = Math.min(nA, nB);
  const forTest = nA <= nB ? m : toMatrix([...b.samples, ...a.samples], m.names);
  const { z, n, d } = standardize(forTest);
  const rand = seeded(seed);
  const { observed, perms } = permutationStatistics(z, n, d, small, permutations, rand);
  let nullT = 0;
  for (const t of perms) nullT += t / perms.length;
  return {
    n_a: nA,
    n_b: nB,
    skipped_a: a.skipped,
    skipped_b: b.skipped,
    statistic: observed,
    p_value: pValue(observed, perms),
    permutations,
    seed,
    effect: effectSize(z, n, d, small, observed, nullT, seed, level),
    differing_features: differingFeatures(m, nA, a.name, b.name),
    power: powerNote(nA, nB),
  };
}
