/**
 * Types of the verdict layer: what the background stores on a sample and what it answers to the pages.
 * The engine itself (`lib/fingerprint/`) is reached only through {@link VerdictEngine}, so everything here is
 * testable with a table-driven fake engine and the pages never bundle the signatures.
 */
import type { Attribution, PooledAttribution } from '../fingerprint/types';

export type { Attribution, PooledAttribution };

/** The part of the engine the verdict layer uses. `lib/verdict/verdict-engine.ts` binds the real one. */
export interface VerdictEngine {
  attribute(text: string): Attribution;
  pool(results: Attribution[]): PooledAttribution;
  fingerprint(text: string): Record<string, number>;
  /**
   * Identifies signatures + feature set (+ schema): a stored verdict with another version is stale and is
   * recomputed. Changes whenever the bundled signatures are rebuilt.
   */
  readonly version: string;
}

/** A verdict as stored on a sample (database v2). */
export interface StoredVerdict {
  /** {@link VerdictEngine.version} of the engine that computed it. */
  version: string;
  /** Epoch milliseconds. */
  computedAt: number;
  attribution: Attribution;
}
