/** Build options with every default filled in (DEFAULTS in ../defaults.ts documents each). */
import { DEFAULTS } from '../defaults';
import type { BuildOptions } from '../defaults';

export type Resolved = { -readonly [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends readonly number[] ? number[] : (typeof DEFAULTS)[K] } & BuildOptions;

export function resolveOptions(o: BuildOptions = {}): Resolved {
  return { ...DEFAULTS, abstainBuckets: [...DEFAULTS.abstainBuckets], ...o, blockWeights: { ...DEFAULTS.blockWeights, ...o.blockWeights } } as Resolved;
}

/** The options as written into the signatures (no callbacks, no provenance). */
export function optionsJson(o: Resolved): Record<string, unknown> {
  const { log: _log, provenance: _p, ...rest } = o;
  return rest;
}

export const round = (x: number, d = 4): number => Math.round(x * 10 ** d) / 10 ** d;
