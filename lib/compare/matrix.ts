/**
 * The space the two-sample test works in: every named dense feature of the engine (function-word rates,
 * punctuation, markdown, lengths, ...) plus the log-probability the engine gives each reference label (which
 * carries what the hashed n-grams learned). One row per answer, one column per feature, row-major.
 */
import type { GroupSample } from './types';

/** Floor before the log, the same as the engine's pool() uses. */
const P_FLOOR = 1e-9;

export interface FeatureMatrix {
  names: string[];
  n: number;
  d: number;
  /** Row-major n × d. */
  x: Float64Array;
}

/** Prefix of the columns that hold the log-probability of one reference label. */
export const RESEMBLANCE_PREFIX = 'resembles:';

/** Column names: the union of both groups' feature names and labels, sorted (so A/B order does not matter). */
export function columnsOf(samples: readonly GroupSample[]): string[] {
  const features = new Set<string>();
  const labels = new Set<string>();
  for (const s of samples) {
    for (const k of Object.keys(s.features)) features.add(k);
    for (const m of s.attribution.models) labels.add(m.model);
  }
  return [...[...features].sort(), ...[...labels].sort().map((l) => RESEMBLANCE_PREFIX + l)];
}

export function toMatrix(samples: readonly GroupSample[], names: readonly string[]): FeatureMatrix {
  const d = names.length;
  const n = samples.length;
  const x = new Float64Array(n * d);
  const col = new Map(names.map((k, j) => [k, j] as const));
  samples.forEach((s, i) => {
    const row = i * d;
    for (const [k, v] of Object.entries(s.features)) {
      const j = col.get(k);
      if (j !== undefined && Number.isFinite(v)) x[row + j] = v;
    }
    // Labels the answer's attribution does not list get the floor.
    for (const [k, j] of col) if (k.startsWith(RESEMBLANCE_PREFIX)) x[row + j] = Math.log(P_FLOOR);
    for (const m of s.attribution.models) {
      const j = col.get(RESEMBLANCE_PREFIX + m.model);
      if (j !== undefined) x[row + j] = Math.log(Math.max(P_FLOOR, Number.isFinite(m.p) ? m.p : 0));
    }
  });
  return { names: [...names], n, d, x };
}
