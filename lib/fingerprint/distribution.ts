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

/**
 * The headline label: the label with the highest p inside the family with the highest summed p (ties go to
 * the lower index, i.e. the name order scoresOf uses). An Attribution's `model` is always a label of its `family`.
 */
export function topLabelOfTopFamily(sig: Pick<Signatures, 'familyOf' | 'families'>, p: ArrayLike<number>): number {
  const fam = new Float64Array(sig.families.length);
  for (let c = 0; c < p.length; c++) fam[sig.familyOf[c]!]! += p[c]!;
  let f = 0;
  for (let k = 1; k < fam.length; k++) if (fam[k]! > fam[f]!) f = k;
  let top = -1;
  for (let c = 0; c < p.length; c++) if (sig.familyOf[c] === f && (top < 0 || p[c]! > p[top]!)) top = c;
  return top;
}
