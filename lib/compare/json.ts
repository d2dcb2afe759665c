/**
 * The documented JSON of a comparison (docs/cli.md, `modelprint compare --json`); the dashboard's "export this
 * comparison" embeds the same object, so a finding can be checked with the CLI.
 */
import type { ReferenceRanking, TwoSampleResult } from './types';

export function rankingJson(r: ReferenceRanking) {
  return {
    n: r.n,
    skipped: r.skipped.total,
    references: r.references.map(({ label, family, share, low, high, first }) => ({ label, family, share, low, high, first })),
    families: r.families.map(({ family, share, low, high, first }) => ({ family, share, low, high, first })),
  };
}

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function twoSampleJson(t: TwoSampleResult) {
  return {
    n_a: t.n_a,
    n_b: t.n_b,
    skipped_a: t.skipped_a.total,
    skipped_b: t.skipped_b.total,
    statistic: r6(t.statistic),
    p_value: r6(t.p_value),
    permutations: t.permutations,
    seed: t.seed,
    effect: { value: r6(t.effect.value), low: r6(t.effect.low), high: r6(t.effect.high), level: t.effect.level, chance: r6(t.effect.nullMean) },
    differing_features: t.differing_features.map(({ feature, a, b, phrase }) => ({ feature, a, b, phrase })),
    power: t.power,
  };
}
