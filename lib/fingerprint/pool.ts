/**
 * pool(): combine several answers attributed separately, said to come from one source (a conversation, a
 * site). Answers of one source are not independent evidence, so the group scores each label as
 * α · n^γ · mean log p (calibration.poolScale / poolExponent, fitted by the build on held-apart same-label
 * groups of 2 to 100 answers: γ = 1 with α = 1 would be the naive product, γ = 0 never grows more confident).
 * Then what the answers themselves say is checked: each determined answer votes for its own top family.
 *  - Mixed: two or three families are each the top family of at least a quarter of the answers (and of 2+
 *    answers) and none has two thirds: `mixed` is set and `components` lists them, so a group from several
 *    vendors is not reported as one confident vendor that no answer ranked first; and the headline family's p
 *    may not exceed the upper 95% Wilson bound of its share of the answers, so a group that agrees weakly
 *    never reads as certain.
 *  - No pooled family ever exceeds MAX_POOLED: a group is never "100%".
 * (A first version capped every group whose headline family topped under two thirds of the answers; for one
 * source whose single answers are right 55-65% of the time, that made the pooled confidence far lower than
 * the pooled accuracy (evaluation.md), so the vote cap now applies to mixed groups only.)
 * Undetermined answers carry no evidence and are skipped. Order-invariant: every sum runs over sorted terms.
 */
import { getDefaultSignatures } from './default-signatures';
import { scoresOf, topLabelOfTopFamily, uniform } from './distribution';
import { argmax } from './model/argmax';
import { softmaxInPlace } from './model/train';
import { wilsonUpper } from './model/wilson';
import type { Signatures } from './signatures';
import type { Attribution, PoolComponent, PooledAttribution } from './types';

/** Floor for a probability before taking its log, so one zero cannot veto a label. */
const P_FLOOR = 1e-9;
/** No pooled family probability above this: a group of answers is never certain. */
export const MAX_POOLED = 0.99;
/** Share of the answers the leading family must top for a group with a second component not to be mixed. */
export const STRONG_AGREEMENT = 2 / 3;
/** A family is a component of a mixed group when it tops at least this share of the answers ... */
export const COMPONENT_SHARE = 0.25;
/** ... and at least this many answers. */
export const COMPONENT_ANSWERS = 2;
const MAX_COMPONENTS = 3;
/** From this many answers, a headline family that tops none of them makes the group mixed. */
export const SCATTERED_MIN = 3;

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
  const scale = cal.poolScale * Math.pow(n, cal.poolExponent) / n;
  const q = new Float64Array(C);
  for (let c = 0; c < C; c++) {
    const t = terms[c]!.sort((x, y) => x - y);
    let s = 0;
    for (const x of t) s += x;
    q[c] = s * scale;
  }
  softmaxInPlace(q);
  let components = componentsOf(sig, q, votes, n);
  let mixed = components.length >= 2 && components[0]!.share < STRONG_AGREEMENT;
  // A headline vendor that no answer ranked first (answers scattered over many vendors, each a second choice
  // of the pooled one): the group is reported as mixed, with the vendors its answers did rank first, and the
  // headline is capped by its (zero) vote share, never one confident vendor no answer chose (issue 14).
  if (!mixed && n >= SCATTERED_MIN && votes[sig.familyOf[topLabelOfTopFamily(sig, q)]!] === 0) {
    components = componentsOf(sig, q, votes, n, 1, 0);
    mixed = components.length >= 2;
  }
  capHeadline(sig, q, votes, n, mixed);
  const top = topLabelOfTopFamily(sig, q);
  const topFamily = sig.familyOf[top]!;
  const { models, families } = scoresOf(sig, q);
  const agree = votes[topFamily]!;
  const explanation = [`Pooled ${n} answer${n === 1 ? '' : 's'}: ${sig.families[topFamily]} is the top vendor of ${agree} of them.`];
  if (mixed) explanation.push(`The answers point to different vendors: ${components.map((c) => `${c.family} (${c.answers})`).join(', ')}.`);
  else if (models[1]) explanation.push(`Runner-up: ${models[1].model} (p = ${models[1].p.toFixed(3)}).`);
  return {
    model: sig.labels[top]!, family: sig.families[topFamily]!, confidence: Math.round(q[top]! * 1e6) / 1e6, undetermined: false, reason: null,
    models, families, explanation, n, mixed, components: mixed ? components : [],
  };
}

/**
 * Caps the headline family in place (labels rescaled within each family, the rest spread over the other
 * families in proportion): at MAX_POOLED always, and at the Wilson upper bound of its vote share when the
 * group is mixed. A cap can hand the lead to another family, which is then checked the same way.
 */
function capHeadline(sig: Signatures, q: Float64Array, votes: Float64Array, n: number, mixed: boolean): void {
  for (let round = 0; round < 3; round++) {
    const f = sig.familyOf[topLabelOfTopFamily(sig, q)]!;
    let mass = 0;
    for (let c = 0; c < q.length; c++) if (sig.familyOf[c] === f) mass += q[c]!;
    const cap = Math.min(MAX_POOLED, mixed ? wilsonUpper(votes[f]!, n) : 1);
    if (mass <= cap) return;
    const rest = 1 - mass;
    for (let c = 0; c < q.length; c++) {
      if (sig.familyOf[c] === f) q[c] = (q[c]! * cap) / mass;
      // The others share what the cap frees in proportion to their mass (evenly when they had none).
      else q[c] = rest > 1e-12 ? (q[c]! * (1 - cap)) / rest : (1 - cap) / (q.length - countOf(sig, f));
    }
  }
}

/** Families that top a sizeable share of the answers, largest first (ties: higher pooled p), at most three. */
function componentsOf(
  sig: Signatures,
  q: Float64Array,
  votes: Float64Array,
  n: number,
  minAnswers = COMPONENT_ANSWERS,
  minShare = COMPONENT_SHARE,
): PoolComponent[] {
  const out: Array<PoolComponent & { p: number }> = [];
  for (let f = 0; f < votes.length; f++) {
    if (votes[f]! < Math.max(1, minAnswers) || votes[f]! < minShare * n) continue;
    let best = -1, mass = 0;
    for (let c = 0; c < q.length; c++) if (sig.familyOf[c] === f) { mass += q[c]!; if (best < 0 || q[c]! > q[best]!) best = c; }
    out.push({ family: sig.families[f]!, model: sig.labels[best]!, share: Math.round((votes[f]! / n) * 1e6) / 1e6, answers: votes[f]!, p: mass });
  }
  out.sort((a, b) => b.answers - a.answers || b.p - a.p || (a.family < b.family ? -1 : 1));
  return out.slice(0, MAX_COMPONENTS).map(({ p: _p, ...c }) => c);
}

function countOf(sig: Signatures, f: number): number {
  let k = 0;
  for (let c = 0; c < sig.familyOf.length; c++) if (sig.familyOf[c] === f) k++;
  return k;
}
