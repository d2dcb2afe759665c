/** Build the sorted model and family score lists of an Attribution from label probabilities. */
import type { FamilyScore, ModelScore } from './types';
import type { Signatures } from './signatures';

const round = (p: number) => Math.round(p * 1e6) / 1e6;

export function scoresOf(sig: Signatures, p: ArrayLike<number>): { models: ModelScore[]; families: FamilyScore[] } {
  const fam = new Float64Array(sig.families.length);
  const models: ModelScore[] = sig.labels.map((model, c) => {
    fam[sig.familyOf[c]!]! += p[c]!;
    return { model, family: sig.families[sig.familyOf[c]!]!, p: p[c]! };
  });
  const families: FamilyScore[] = sig.families.map((family, f) => ({ family, p: fam[f]! }));
  // Ties break by name so equal inputs give identical output order.
  models.sort((a, b) => b.p - a.p || (a.model < b.model ? -1 : 1));
  families.sort((a, b) => b.p - a.p || (a.family < b.family ? -1 : 1));
  for (const m of models) m.p = round(m.p);
  for (const f of families) f.p = round(f.p);
  return { models, families };
}

export function uniform(sig: Signatures): Float64Array {
  return new Float64Array(sig.labels.length).fill(1 / sig.labels.length);
}
