/**
 * Custom references in a verdict. Each enabled reference k gives odds o_k(x) = exp(a·s_k(x) + b) of "k" against
 * "one of the bundled labels" (calibrated by cross-validation, build-reference.ts). With the bundled attribution p_c:
 *   P(k) = o_k / (1 + Σ_j o_j),   P(c) = p_c / (1 + Σ_j o_j).
 * With one reference this is exactly its calibrated probability; with several it treats each one-vs-bundled
 * odds as if the others were absent (docs/signature-pack.md, limits). Families add up as usual; a custom
 * reference in a bundled family adds to that family.
 */
import type { Attribution, FamilyScore, ModelScore, PooledAttribution } from '../fingerprint/types';
import { zVector } from './features';
import type { CustomReference } from './types';

/** The odds of one reference for an answer's named features. */
export function referenceOdds(ref: CustomReference, features: Record<string, number>): number {
  const z = zVector(features, ref.standardization);
  let s = ref.model.bias;
  for (let j = 0; j < z.length; j++) s += ref.model.weights[j]! * z[j]!;
  const logit = ref.model.calibration.a * s + ref.model.calibration.b;
  return Math.exp(Math.max(-50, Math.min(50, logit)));
}

const round = (p: number) => Math.round(p * 1e6) / 1e6;

/** Rebuilds the sorted lists and top fields of an attribution from label probabilities. */
export function fromLabelProbabilities(base: Attribution, labels: Array<{ model: string; family: string; p: number }>, explanation: string[]): Attribution {
  const fam = new Map<string, number>();
  for (const m of labels) fam.set(m.family, (fam.get(m.family) ?? 0) + m.p);
  const models: ModelScore[] = labels.map((m) => ({ ...m })).sort((a, b) => b.p - a.p || (a.model < b.model ? -1 : 1));
  const families: FamilyScore[] = [...fam].map(([family, p]) => ({ family, p })).sort((a, b) => b.p - a.p || (a.family < b.family ? -1 : 1));
  const top = models[0]!;
  const out: Attribution = {
    model: base.undetermined ? null : top.model,
    family: base.undetermined ? null : families[0]!.family,
    confidence: base.undetermined ? 0 : round(top.p),
    undetermined: base.undetermined,
    reason: base.reason,
    models: models.map((m) => ({ ...m, p: round(m.p) })),
    families: families.map((f) => ({ ...f, p: round(f.p) })),
    explanation,
  };
  return out;
}

/** The attribution with every enabled custom reference competing; unchanged when there is none. */
export function withReferences(att: Attribution, features: Record<string, number> | null, refs: readonly CustomReference[]): Attribution {
  if (refs.length === 0 || !features) return att;
  const odds = refs.map((r) => referenceOdds(r, features));
  const norm = 1 + odds.reduce((s, o) => s + o, 0);
  const labels = [
    ...att.models.filter((m) => !refs.some((r) => r.id === m.model)).map((m) => ({ model: m.model, family: m.family, p: m.p / norm })),
    ...refs.map((r, i) => ({ model: r.id, family: r.family, p: odds[i]! / norm })),
  ];
  const mixed = fromLabelProbabilities(att, labels, att.explanation);
  const top = refs.find((r) => r.id === mixed.model);
  if (top) {
    mixed.explanation = [
      `${top.id} is your own reference (built from ${top.build.samples} answers; cross-validated accuracy ${Math.round(top.evaluation.accuracy * 100)}%), not a bundled model.`,
      ...att.explanation,
    ];
  }
  return mixed;
}

/** Floor for a probability before its log, as the engine's pool() uses. */
const P_FLOOR = 1e-9;

/**
 * pool() over the labels the results carry (bundled and custom), with the engine's fitted pooling
 * (signatures `calibration.poolScale`, `poolExponent`): softmax(α · n^γ · mean log p). The same core as the
 * engine's pool(), which only knows the bundled labels; with no custom label in the results both give the
 * same numbers for a group the engine does not call mixed (tested). Mixed groups and the vote cap are the
 * engine's alone: with custom references in play a group is not reported as mixed (a known gap).
 */
export function poolWithReferences(
  results: readonly Attribution[],
  { poolScale, poolExponent }: { poolScale: number; poolExponent: number },
): PooledAttribution {
  const used = results.filter((r) => r && !r.undetermined && Array.isArray(r.models) && r.models.length > 0);
  const first = results.find((r) => r && Array.isArray(r.models) && r.models.length > 0);
  const familyOf = new Map<string, string>();
  for (const r of results) for (const m of r?.models ?? []) familyOf.set(m.model, m.family);
  const labels = [...familyOf.keys()].sort();
  const n = used.length;
  if (n === 0 || !first) {
    const p = 1 / Math.max(1, labels.length);
    const base: Attribution = { model: null, family: null, confidence: 0, undetermined: true, reason: 'no-evidence', models: [], families: [], explanation: [] };
    return { ...fromLabelProbabilities(base, labels.map((model) => ({ model, family: familyOf.get(model)!, p })), []), n: 0, mixed: false, components: [] };
  }
  const idx = new Map(labels.map((l, i) => [l, i] as const));
  const terms: number[][] = labels.map(() => []);
  for (const r of used) {
    const p = new Float64Array(labels.length).fill(P_FLOOR);
    for (const m of r.models) if (Number.isFinite(m.p)) p[idx.get(m.model)!] = Math.max(P_FLOOR, m.p);
    for (let c = 0; c < labels.length; c++) terms[c]!.push(Math.log(p[c]!));
  }
  const temper = (poolScale * Math.pow(n, poolExponent)) / n;
  const logits = terms.map((t) => t.sort((a, b) => a - b).reduce((s, x) => s + x, 0) * temper);
  const max = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - max));
  const sum = e.reduce((s, x) => s + x, 0);
  const probs = labels.map((model, c) => ({ model, family: familyOf.get(model)!, p: e[c]! / sum }));
  const base: Attribution = { model: null, family: null, confidence: 0, undetermined: false, reason: null, models: [], families: [], explanation: [] };
  const pooled = fromLabelProbabilities(base, probs, []);
  const agree = used.filter((r) => r.model === pooled.model).length;
  pooled.explanation = [`Pooled ${n} answer${n === 1 ? '' : 's'}: ${pooled.model} ranks first in ${agree} of them.`];
  if (pooled.models[1]) pooled.explanation.push(`Runner-up: ${pooled.models[1].model} (p = ${pooled.models[1].p.toFixed(3)}).`);
  // Mixed groups are detected by the engine's pool(); with custom references in play they are not (yet).
  return { ...pooled, n, mixed: false, components: [] };
}
