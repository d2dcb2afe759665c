/**
 * The user's pooled groups: all samples of one site, and all samples the pages claimed came from one model.
 * A single answer is weak evidence; pooling many answers of one source is what lets "site X runs model Y"
 * be read with some confidence. The pooling itself is the engine's (`pool`), injected so this stays pure.
 */
import type { Attribution, PooledAttribution } from '../fingerprint/types';
import { NONE } from './query';
import type { SampleRow } from './row';

/** `label`: the researcher's own labels (pasted texts); samples without one are in no label group. */
export type GroupKind = 'site' | 'claimed' | 'label';

export interface PoolGroup {
  /** `site:<id>`, `claimed:<name>` or `label:<label>`; stable, for keys and anchors. */
  key: string;
  kind: GroupKind;
  /** The site id or claimed model name; {@link NONE} for "the page showed no model". */
  value: string;
  samples: SampleRow[];
  /** The engine's pooled verdict over the group's decided verdicts; null when none is stored. */
  pooled: PooledAttribution | null;
}

export type PoolFn = (results: Attribution[]) => PooledAttribution;

function valueOf(s: SampleRow, kind: GroupKind): string | null {
  if (kind === 'site') return s.site;
  if (kind === 'claimed') return s.claimed ?? NONE;
  return s.userLabel;
}

/** Groups of one kind, largest first (then by name), each pooled by `poolFn`. */
export function poolGroups(list: readonly SampleRow[], kind: GroupKind, poolFn: PoolFn): PoolGroup[] {
  const byValue = new Map<string, SampleRow[]>();
  for (const s of list) {
    const v = valueOf(s, kind);
    if (v === null) continue;
    let bucket = byValue.get(v);
    if (!bucket) byValue.set(v, (bucket = []));
    bucket.push(s);
  }
  return [...byValue]
    .map(([value, samples]): PoolGroup => {
      const verdicts = samples.flatMap((s) => (s.verdict ? [s.verdict] : []));
      return {
        key: `${kind}:${value}`,
        kind,
        value,
        samples,
        pooled: verdicts.length > 0 ? poolFn(verdicts) : null,
      };
    })
    .sort((a, b) => b.samples.length - a.samples.length || (a.value < b.value ? -1 : 1));
}
