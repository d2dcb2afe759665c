/**
 * Seeded PRNG for resampling and permutations: a comparison run twice with the same seed gives the same
 * numbers, in the dashboard and the CLI alike. The engine's mulberry32, through its public core module.
 */
import { mulberry32 } from '../fingerprint/core';

export type Random = () => number;

export const seeded: (seed: number) => Random = mulberry32;

/** An integer in [0, n). */
export function below(rand: Random, n: number): number {
  return Math.min(n - 1, Math.floor(rand() * n));
}

/**
 * Moves a uniformly random k-subset of `order` to its first k places (partial Fisher-Yates), in place. One
 * random label assignment of a permutation test: the first k indices form group A.
 */
export function shuffleFirst(order: Int32Array, k: number, rand: Random): void {
  const n = order.length;
  for (let i = 0; i < k; i++) {
    const j = i + below(rand, n - i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}

/** Empirical quantile (linear interpolation between order statistics) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = Math.min(n - 1, Math.max(0, q * (n - 1)));
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
