/**
 * The hook through which enabled custom references enter every stored verdict (lib/verdict/verdict-engine.ts): the
 * bundled attribution with the references mixed in, pooling over bundled and custom labels, and a version
 * suffix naming the enabled references, so enabling or disabling one makes stored verdicts stale (they are
 * then recomputed lazily, like after a signatures update).
 */
import { fingerprint, pool, type Attribution, type PooledAttribution, type Signatures } from '../fingerprint/core';
import { poolWithReferences, withReferences } from './combine';
import type { CustomReference } from './types';

export function attributeWithReferences(bundled: Attribution, text: string, refs: readonly CustomReference[]): Attribution {
  return refs.length === 0 ? bundled : withReferences(bundled, fingerprint(text), refs);
}

export function poolAll(results: Attribution[], sig: Signatures, refs: readonly CustomReference[]): PooledAttribution {
  const custom = refs.length > 0 || results.some((r) => r?.models?.some((m) => m.model.startsWith('custom/')));
  return custom ? poolWithReferences(results, sig.json.calibration) : pool(results, sig);
}

/** `''` with no enabled reference (versions stay as they were), else `/c<hash of ids and build dates>`. */
export function referencesVersion(refs: readonly CustomReference[]): string {
  if (refs.length === 0) return '';
  let h = 0x811c9dc5;
  for (const r of [...refs].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const ch of `${r.id}@${r.build.builtAt};`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  }
  return `/c${(h >>> 0).toString(36)}`;
}
