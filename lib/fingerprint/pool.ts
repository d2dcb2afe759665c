/**
 * pool(): combine several answers attributed separately (assumed to come from one model). Sums per-label
 * log-probabilities, tempered by n^(γ-1) (γ = calibration.poolExponent, fitted on held-apart pools) because
 * answers of one model are not independent evidence: γ = 1 is the naive product, γ = 0 a plain average.
 * Undetermined answers carry no evidence and are skipped. Order-invariant: every sum runs over sorted terms.
 */
import { getDefaultSignatures } from './default-signatures';
import { scoresOf, uniform } from './distribution';
import { softmaxInPlace } from './model/train';
import type { Signatures } from './signatures';
import type { Attribution, PooledAttribution } from './types';

/** Floor for a probability before taking its log, so one zero cannot veto a label. */
const P_FLOOR = 1e-9;

export function pool(results: Attribution[], signatures?: Signatures): PooledAttribution {
  const sig = signatures ?? getDefaultSignatures();
  const C = sig.labels.length;
  const index = new Map(sig.labels.map((l, i) => [l, i] as const));
  const used = (Array.isArray(results) ? results : []).filter((r) => r && !r.undetermined && Array.isArray(r.models));
  const n = used.length;
  if (n === 0) {
    const { models, families } = scoresOf(sig, uniform(sig));
    return { model: null, family: null, confidence: 0, undetermined: true, reason: 'no-evidence', models, families, explanation: [], n: 0, mixed: false, components: [] };
  }
  const terms: number[][] = Array.from({ length: C }, () => []);
  for (const r of used) {
    const p = new Float64Array(C).fill(P_FLOOR);
    for (const m of r.models) {
      const i = index.get(m.model);
      if (i !== undefined && Number.isFinite(m.p)) p[i] = Math.max(P_FLOOR, m.p);
    }
    for (let c = 0; c < C; c++) terms[c]!.push(Math.log(p[c]!));
  }
  const temper = Math.pow(n, sig.json.calibration.poolExponent - 1);
  const logits = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const t = terms[c]!.sort((x, y) => x - y);
    let s = 0;
    for (const x of t) s += x;
    logits[c] = s * temper;
  }
  softmaxInPlace(logits);
  const { models, families } = scoresOf(sig, logits);
  const top = models[0]!;
  const agree = used.filter((r) => r.model === top.model).length;
  const explanation = [`Pooled ${n} answer${n === 1 ? '' : 's'}: ${top.model} ranks first in ${agree} of them.`];
  if (models[1]) explanation.push(`Runner-up: ${models[1].model} (p = ${models[1].p.toFixed(3)}).`);
  const components = componentsOf(used);
  const mixed = components.length >= 2;
  return { model: top.model, family: families[0]!.family, confidence: top.p, undetermined: false, reason: null, models, families, explanation, n, mixed, components: mixed ? components : [] };
}

/** Share of the answers a vendor must rank first in to be a component of a mixed group. */
const MIX_MIN_SHARE = 0.25;

/**
 * The vendors the answers rank first, each with its most frequent model, when at least two of them hold
 * {@link MIX_MIN_SHARE} of the answers: a group whose answers disagree is reported as mixed rather than
 * pooled into one confident vendor (issue 14 point 3). At most three, largest share first.
 */
function componentsOf(used: Attribution[]): PooledAttribution['components'] {
  const byFamily = new Map<string, Map<string, number>>();
  for (const r of used) {
    const family = r.family ?? r.models[0]?.family;
    const model = r.models.find((m) => m.family === family)?.model;
    if (!family || !model) continue;
    const models = byFamily.get(family) ?? new Map<string, number>();
    models.set(model, (models.get(model) ?? 0) + 1);
    byFamily.set(family, models);
  }
  return [...byFamily]
    .map(([family, models]) => {
      const ranked = [...models].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      const answers = ranked.reduce((s, [, k]) => s + k, 0);
      return { family, model: ranked[0]![0], share: answers / used.length, answers };
    })
    .filter((c) => c.share >= MIX_MIN_SHARE)
    .sort((a, b) => b.answers - a.answers || (a.family < b.family ? -1 : 1))
    .slice(0, 3);
}
