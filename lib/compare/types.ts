/** Types of group comparison (pure data; the statistics are in shares.ts and two-sample.ts). */
import type { Attribution } from '../fingerprint/types';

/**
 * One answer of a group, as the statistics see it: the engine's named features of its text and its attribution
 * (with custom references mixed in when any are enabled). The dashboard builds it from a stored sample, the CLI
 * from a file record; both through {@link toGroupSample}, so they give the same numbers for the same texts.
 */
export interface GroupSample {
  id: string;
  features: Record<string, number>;
  attribution: Attribution;
  /** The prompt, when known (kept so a comparison can be reproduced; the statistics do not use it). */
  prompt?: string;
}

/** A group ready to compare: the answers that carry evidence, and how many were left out and why. */
export interface Group {
  name: string;
  samples: GroupSample[];
  /** Answers too short or not prose to attribute ("undetermined"): counted and reported, never used. */
  skipped: { total: number; byReason: Record<string, number> };
}

export interface ShareInterval {
  share: number;
  low: number;
  high: number;
  /** Share of bootstrap resamples in which this entry ranks first. */
  first: number;
}

export interface ReferenceShare extends ShareInterval {
  label: string;
  family: string;
}

export interface FamilyShare extends ShareInterval {
  family: string;
}

/** Group vs every reference: mean probability the group's answers give to each label and family. */
export interface ReferenceRanking {
  n: number;
  skipped: Group['skipped'];
  resamples: number;
  level: number;
  references: ReferenceShare[];
  families: FamilyShare[];
}

export interface DifferingFeature {
  feature: string;
  /** Group means of the raw feature. */
  a: number;
  b: number;
  /** Standardised difference (A − B over the pooled within-group sd). */
  d: number;
  phrase: string;
}

/** Group A vs group B: the permutation test of "same source". */
export interface TwoSampleResult {
  n_a: number;
  n_b: number;
  skipped_a: Group['skipped'];
  skipped_b: Group['skipped'];
  statistic: number;
  p_value: number;
  permutations: number;
  seed: number;
  /** RMS standardised mean difference beyond chance (two-sample.ts), its interval, and the chance level `nullMean`. */
  effect: { value: number; low: number; high: number; level: number; nullMean: number };
  differing_features: DifferingFeature[];
  power: string | null;
}

export interface CompareOptions {
  /** Seed of every resample and permutation. Default 1. */
  seed?: number;
  /** Bootstrap resamples for intervals. Default 1,000. */
  resamples?: number;
  /** Permutations of the two-sample test. Default 1,000. */
  permutations?: number;
  /** Interval level. Default 0.95. */
  level?: number;
}

export const COMPARE_DEFAULTS = { seed: 1, resamples: 1000, permutations: 1000, level: 0.95, effectResamples: 200 } as const;
