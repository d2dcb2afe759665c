/**
 * Custom references in a verdict. Each enabled reference k gives odds o_k(x) = exp(a·s_k(x) + b) of "k" against
 * "one of the bundled labels" (calibrated by cross-validation, build-reference.ts). With the bundled attribution p_c:
 *   P(k) = o_k / (1 + Σ_j o_j),   P(c) = p_c / (1 + Σ_j o_j).
 * With one reference this is exactly its calibrated probability; with several it treats each one-vs-bundled
 * odds as if the others were absent (docs/signature-pack.md, limits). Families add up as usual; a custom
 * reference in a bundled family adds to that family.
 */
import { judgeGroup, LEGACY_POOL_RULES, P_FLOOR, poolDistribution, topLabelOfTopFamily } from '../fingerprint/core';
import type { PoolRules } from '../fingerprint/core';
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

/**
 * pool() over the labels the results carry (bundled and custom), through the engine's own pooling core
 * (lib/fingerprint/pool-core.ts): softmax(α · n^γ · mean log p) with the signatures' fitted `poolScale` and
 * `poolExponent`, then the same mixed / scattered detection, components and caps with the signatures' fitted
 * `poolRules` (the fixed rules of schema 3 when they have none). With no custom label in the results it gives
 * the engine's pool() numbers (tested); a custom reference votes and can be a component like any label.
 */
export function poolWithReferences(
  results: readonly Attribution[],
  { poolScale, poolExponent, poolRules }: { poolScale: number; poolExponent: number; poolRules?: PoolRules },
): PooledAttribution {
  const used = results.filter((r) => r && !r.undetermined && Array.isArray(r.models) && r.models.length > 0);
  const first = results.find((r) => r && Array.isArray(r.models) && r.models.length > 0);
  const familyOfLabel = new Map<string, string>();
  for (const r of results) for (const m of r?.models ?? []) familyOfLabel.set(m.model, m.family);
  const labels = [...familyOfLabel.keys()].sort();
  const n = used.length;
  if (n === 0 || !first) {
    const p = 1 / Math.max(1, labels.length);
    const base: Attribution = { model: null, family: null, confidence: 0, undetermined: true, reason: 'no-evidence', models: [], families: [], explanation: [] };
    return { ...fromLabelProbabilities(base, labels.map((model) => ({ model, family: familyOfLabel.get(model)!, p })), []), n: 0, mixed: false, components: [] };
  }
  const families = [...new Set(familyOfLabel.values())].sort();
  const space = { families, familyOf: Int32Array.from(labels, (l) => families.indexOf(familyOfLabel.get(l)!)) };
  const idx = new Map(labels.map((l, i) => [l, i] as const));
  const terms: number[][] = labels.map(() => []);
  const votes = new Float64Array(families.length);
  for (const r of used) {
    const p = new Float64Array(labels.length).fill(P_FLOOR);
    for (const m of r.models) if (Number.isFinite(m.p)) p[idx.get(m.model)!] = Math.max(P_FLOOR, m.p);
    for (let c = 0; c < labels.length; c++) terms[c]!.push(Math.log(p[c]!));
    const f = families.indexOf(r.family ?? '');
    votes[f >= 0 ? f : space.familyOf[topLabelOfTopFamily(space, p)]!]!++;
  }
  const q = poolDistribution(terms, n, poolScale, poolExponent);
  const { mixed, components } = judgeGroup(space, q, votes, n, poolRules ?? LEGACY_POOL_RULES);
  const base: Attribution = { model: null, family: null, confidence: 0, undetermined: false, reason: null, models: [], families: [], explanation: [] };
  const pooled = fromLabelProbabilities(base, labels.map((model, c) => ({ model, family: familyOfLabel.get(model)!, p: q[c]! })), []);
  // The headline is the top label within the top family, as in the engine's pool().
  const top = topLabelOfTopFamily(space, q);
  pooled.model = labels[top]!;
  pooled.family = families[space.familyOf[top]!]!;
  pooled.confidence = Math.round(q[top]! * 1e6) / 1e6;
  const named = components.map((c) => ({ family: families[c.family]!, model: labels[c.label]!, share: c.share, answers: c.answers }));
  pooled.explanation = [`Pooled ${n} answer${n === 1 ? '' : 's'}: ${pooled.family} is the top vendor of ${votes[space.familyOf[top]!]} of them.`];
  if (mixed) pooled.explanation.push(`The answers point to different vendors: ${named.map((c) => `${c.family} (${c.answers})`).join(', ')}.`);
  else if (pooled.models[1]) pooled.explanation.push(`Runner-up: ${pooled.models[1].model} (p = ${pooled.models[1].p.toFixed(3)}).`);
  return { ...pooled, n, mixed, components: named };
}
