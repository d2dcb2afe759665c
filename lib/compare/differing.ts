/**
 * The few named features that differ most between two groups, ranked by standardised mean difference
 * (difference of means over the pooled within-group sd) and put in words.
 */
import type { FeatureMatrix } from './matrix';
import { RESEMBLANCE_PREFIX } from './matrix';
import { featurePhrase } from './phrases';
import type { DifferingFeature } from './types';

/** How many features a result lists. */
export const DIFFERING_COUNT = 5;

/** Rows [0, nA) of `m` are group A, the rest group B. */
export function differingFeatures(m: FeatureMatrix, nA: number, nameA = 'group A', nameB = 'group B', count = DIFFERING_COUNT): DifferingFeature[] {
  const nB = m.n - nA;
  const out: DifferingFeature[] = [];
  for (let j = 0; j < m.d; j++) {
    const name = m.names[j]!;
    if (name.startsWith(RESEMBLANCE_PREFIX)) continue; // the ranking view covers resemblance; here: habits
    let sa = 0, sb = 0;
    for (let i = 0; i < nA; i++) sa += m.x[i * m.d + j]!;
    for (let i = nA; i < m.n; i++) sb += m.x[i * m.d + j]!;
    const ma = sa / nA, mb = sb / nB;
    let va = 0, vb = 0;
    for (let i = 0; i < nA; i++) va += (m.x[i * m.d + j]! - ma) ** 2;
    for (let i = nA; i < m.n; i++) vb += (m.x[i * m.d + j]! - mb) ** 2;
    const pooled = Math.sqrt((va + vb) / Math.max(1, m.n - 2));
    if (!(pooled > 0)) continue;
    const d = (ma - mb) / pooled;
    out.push({ feature: name, a: round(ma), b: round(mb), d: round(d), phrase: featurePhrase(name, ma, mb, nameA, nameB) });
  }
  out.sort((x, y) => Math.abs(y.d) - Math.abs(x.d) || (x.feature < y.feature ? -1 : 1));
  return out.slice(0, count);
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
