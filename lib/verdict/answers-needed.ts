/**
 * How many more answers "of the same kind" would bring the pooled family verdict to 95%.
 *
 * Derived from the engine's own `pool()` rather than from a formula about its internals: the future answers
 * are assumed to look like the ones seen so far on average, so the projection pools the determined answers
 * cycled to a larger count m and finds the smallest m whose pooled probability of the current top family
 * reaches the target (exponential then binary search; `pool()` is order-invariant and its confidence grows
 * with evidence). It is an estimate: real answers vary, and the UI says so.
 */
import type { Attribution, PooledAttribution } from './types';

export const ANSWERS_NEEDED_DEFAULTS = {
  /** Pooled probability of the top family to reach. 0..1; default 0.95. */
  target: 0.95,
  /** Projections beyond this many answers in total are reported as "more than". Default 100. */
  maxAnswers: 100,
} as const;

export type AnswersNeeded =
  /** No determined answer yet: nothing to project from. */
  | { kind: 'no-evidence' }
  /** The answers point to several vendors: more of the same mix settles on none. */
  | { kind: 'mixed'; answers: number }
  | { kind: 'reached'; family: string; p: number }
  /** `more` additional answers (beyond `answers`) are projected to reach `target`. */
  | { kind: 'estimate'; family: string; p: number; answers: number; more: number; target: number }
  /** Even `maxAnswers` answers like these would not reach the target (they disagree, or are weak). */
  | { kind: 'beyond'; family: string; p: number; answers: number; maxAnswers: number; target: number };

type Pool = (results: Attribution[]) => PooledAttribution;

export function answersNeeded(
  pool: Pool,
  results: readonly Attribution[],
  {
    target = ANSWERS_NEEDED_DEFAULTS.target,
    maxAnswers = ANSWERS_NEEDED_DEFAULTS.maxAnswers,
  }: { target?: number; maxAnswers?: number } = {},
): AnswersNeeded {
  const seen = results.filter((r) => !r.undetermined);
  if (seen.length === 0) return { kind: 'no-evidence' };
  const current = pool(seen);
  const top = current.families[0];
  if (!top || current.undetermined) return { kind: 'no-evidence' };
  const family = top.family;
  const n = seen.length;
  if (current.mixed) return { kind: 'mixed', answers: n };
  if (top.p >= target && !current.mixed) return { kind: 'reached', family, p: top.p };

  // A mixed pool (answers pointing to several vendors) reaches no vendor, however many answers it holds.
  const pAt = (m: number) => {
    const p = pool(cycle(seen, m));
    return p.mixed ? 0 : (p.families.find((f) => f.family === family)?.p ?? 0);
  };
  let lo = n;
  let hi = Math.min(n * 2, maxAnswers);
  while (hi < maxAnswers && pAt(hi) < target) {
    lo = hi;
    hi = Math.min(hi * 2, maxAnswers);
  }
  if (hi <= n || pAt(hi) < target) return { kind: 'beyond', family, p: top.p, answers: n, maxAnswers, target };
  // Invariant: pAt(lo) < target <= pAt(hi).
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (pAt(mid) >= target) hi = mid;
    else lo = mid;
  }
  return { kind: 'estimate', family, p: top.p, answers: n, more: hi - n, target };
}

/** The first `m` items of `items` repeated: m answers with the same mix as the ones seen. */
function cycle<T>(items: readonly T[], m: number): T[] {
  return Array.from({ length: m }, (_, i) => items[i % items.length]!);
}
