/**
 * pool(): combine several answers attributed separately, said to come from one source (a conversation, a
 * site). Answers of one source are not independent evidence, so the group scores each label as
 * α · n^γ · mean log p (calibration.poolScale / poolExponent, fitted by the build on held-apart same-label
 * groups of 2 to 100 answers: γ = 1 with α = 1 would be the naive product, γ = 0 never grows more confident).
 * Then what the answers themselves say is checked (pool-core.ts judgeGroup: mixed and scattered groups, their
 * components, the vote cap of a mixed group's headline, never above MAX_POOLED), with the rule constants the
 * build fitted on its held-apart split (calibration.poolRules; build/pool-rules.ts).
 * Undetermined answers carry no evidence and are skipped. Order-invariant: every sum runs over sorted terms.
 */
import { getDefaultSignatures } from './default-signatures';
import { scoresOf, topLabelOfTopFamily, uniform } from './distribution';
import { argmax } from './model/argmax';
import { judgeGroup, P_FLOOR, poolDistribution } from './pool-core';
import type { Signatures } from './signatures';
import type { Attribution, PooledAttribution } from './types';

export { MAX_POOLED } from './pool-core';

export function pool(results: Attribution[], signatures?: Signatures): PooledAttribution {
  const sig = signatures ?? getDefaultSignatures();
  const C = sig.labels.length, F = sig.families.length;
  const index = new Map(sig.labels.map((l, i) => [l, i] as const));
  const familyIndex = new Map(sig.families.map((f, i) => [f, i] as const));
  const used = (Array.isArray(results) ? results : []).filter((r) => r && !r.undetermined && Array.isArray(r.models));
  const n = used.length;
  if (n === 0) {
    const { models, families } = scoresOf(sig, uniform(sig));
    return { model: null, family: null, confidence: 0, undetermined: true, reason: 'no-evidence', models, families, explanation: [], n: 0, mixed: false, components: [] };
  }
  const terms: number[][] = Array.from({ length: C }, () => []);
  const votes = new Float64Array(F);
  for (const r of used) {
    const p = new Float64Array(C).fill(P_FLOOR);
    for (const m of r.models) {
      const i = index.get(m.model);
      if (i !== undefined && Number.isFinite(m.p)) p[i] = Math.max(P_FLOOR, m.p);
    }
    for (let c = 0; c < C; c++) terms[c]!.push(Math.log(p[c]!));
    const f = familyIndex.get(r.family ?? '') ?? sig.familyOf[argmax(p)]!;
    votes[f]!++;
  }
  const cal = sig.json.calibration;
  const q = poolDistribution(terms, n, cal.poolScale, cal.poolExponent);
  const { mixed, components } = judgeGroup(sig, q, votes, n, sig.poolRules);
  const top = topLabelOfTopFamily(sig, q);
  const topFamily = sig.familyOf[top]!;
  const { models, families } = scoresOf(sig, q);
  const named = components.map((c) => ({ family: sig.families[c.family]!, model: sig.labels[c.label]!, share: c.share, answers: c.answers }));
  const explanation = [`Pooled ${n} answer${n === 1 ? '' : 's'}: ${sig.families[topFamily]} is the top vendor of ${votes[topFamily]} of them.`];
  if (mixed) explanation.push(`The answers point to different vendors: ${named.map((c) => `${c.family} (${c.answers})`).join(', ')}.`);
  else if (models[1]) explanation.push(`Runner-up: ${models[1].model} (p = ${models[1].p.toFixed(3)}).`);
  return {
    model: sig.labels[top]!, family: sig.families[topFamily]!, confidence: Math.round(q[top]! * 1e6) / 1e6, undetermined: false, reason: null,
    models, families, explanation, n, mixed, components: named,
  };
}
