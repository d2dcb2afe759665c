/** The uniform shape of a feature family (one file each in this folder). */
import type { Analysis } from '../analysis';

/** Receives hashed sparse features; the vectoriser weights and normalises each family's block. */
export interface SparseSink {
  add(hash: number, value: number): void;
}

/** How an explanation talks about a dense feature. */
export interface FeatureDescription {
  /** Noun phrase, e.g. 'em dashes' or 'the opener "Certainly"'. */
  phrase: string;
  /** 'rate': compared as "N× more often"; 'level': compared as "longer/shorter (a vs b unit)". */
  kind: 'rate' | 'level';
  /** Unit for 'level' features, e.g. 'words per sentence'. */
  unit?: string;
}

export interface FeatureFamily {
  /** Stable id; also the file name. */
  id: string;
  /** Bump when the family's output changes for some input: it changes the feature-set version. */
  version: number;
  /** Names of the dense features, in output order (human-readable, prefixed by the family). */
  names: readonly string[];
  /** Write the dense values for `a` at `out[offset .. offset + names.length)`. */
  dense?(a: Analysis, out: Float64Array, offset: number): void;
  /** Emit hashed sparse features (n-grams, positional tokens). */
  sparse?(a: Analysis, sink: SparseSink): void;
  describe(name: string): FeatureDescription;
}

/** Occurrences per `per` words, 0 for empty text (never NaN). */
export function rate(count: number, words: number, per = 100): number {
  return words > 0 ? (count * per) / words : 0;
}
