/**
 * The core of pooling, shared by pool() (bundled labels), poolWithReferences() (bundled and custom labels) and
 * the build, which fits the group rules on held-apart answers (build/pool-rules.ts): one code path, so what
 * the build measures is what the product does.
 *  - poolDistribution(): softmax(α · n^γ · mean log p) over the labels (α, γ fitted by the build).
 *  - judgeGroup(): what the answers themselves say. Each determined answer votes for its own top family.
 *    Mixed: two or three families each top at least `componentShare` of the answers (and `componentAnswers`
 *    of them) and the leading one tops under `strongAgreement`: components are listed, so a group from several
 *    vendors is not reported as one confident vendor. Scattered: from `scatteredMin` answers, a headline
 *    family that tops none of them makes the group mixed, with the families its answers did rank first.
 *    A mixed group's headline family is capped at the upper 95% Wilson bound of its vote share (`capMixed`),
 *    and no family ever exceeds MAX_POOLED.
 * The rule constants are fitted by each build on its held-apart split and shipped in the signatures
 * (calibration.poolRules); LEGACY_POOL_RULES are the fixed values of schema 3, used for such files.
 */
import { topLabelOfTopFamily } from './distribution';
import { wilsonUpper } from './model/wilson';
import { softmaxInPlace } from './model/train';

/** Floor for a probability before taking its log, so one zero cannot veto a label. */
export const P_FLOOR = 1e-9;
/** No pooled family probability above this: a group of answers is never certain. */
export const MAX_POOLED = 0.99;
const MAX_COMPONENTS = 3;

export interface PoolRules {
  /** Share of the answers the leading family must top for a group with a second component not to be mixed. */
  strongAgreement: number;
  /** A family is a component when it tops at least this share of the answers ... */
  componentShare: number;
  /** ... and at least this many answers. */
  componentAnswers: number;
  /** From this many answers, a headline family that tops none of them makes the group mixed; null: never. */
  scatteredMin: number | null;
  /** Cap a mixed group's headline family at the Wilson upper bound of its vote share. */
  capMixed: boolean;
}

/** The fixed rules of schema-3 signatures (before the build fitted them). */
export const LEGACY_POOL_RULES: Readonly<PoolRules> = { strongAgreement: 2 / 3, componentShare: 0.25, componentAnswers: 2, scatteredMin: 3, capMixed: true };

/** Labels → families: what the rules need to know of a label space (Signatures has this shape). */
export interface FamilySpace { familyOf: Int32Array; families: string[] }

export interface GroupJudgement {
  mixed: boolean;
  /** Largest first (ties: higher pooled mass, then family index); empty when not mixed. */
  components: Array<{ family: number; label: number; answers: number; share: number }>;
}

/** Pooled label distribution of a group: `terms[c]` holds each answer's floored log p of label c. */
export function poolDistribution(terms: number[][], n: number, scale: number, exponent: number): Float64Array {
  const k = (scale * Math.pow(n, exponent)) / n;
  const q = new Float64Array(terms.length);
  for (let c = 0; c < terms.length; c++) {
    // Sorted so the sum, hence the result, does not depend on the order of the answers.
    const t = terms[c]!.slice().sort((x, y) => x - y);
    let s = 0;
    for (const x of t) s += x;
    q[c] = s * k;
  }
  softmaxInPlace(q);
  return q;
}

/** Mixed / scattered detection and the caps, applied to `q` in place. `votes[f]`: answers whose top family is f. */
export function judgeGroup(space: FamilySpace, q: Float64Array, votes: ArrayLike<number>, n: number, rules: PoolRules): GroupJudgement {
  let components = componentsOf(space, q, votes, n, rules.componentAnswers, rules.componentShare);
  let mixed = components.length >= 2 && components[0]!.share < rules.strongAgreement;
  if (!mixed && rules.scatteredMin !== null && n >= rules.scatteredMin && votes[space.familyOf[topLabelOfTopFamily(space, q)]!] === 0) {
    components = componentsOf(space, q, votes, n, 1, 0);
    mixed = components.length >= 2;
  }
  capHeadline(space, q, votes, n, mixed && rules.capMixed);
  return { mixed, components: mixed ? components : [] };
}

/**
 * Caps the headline family in place (labels rescaled within the family, the rest spread over the other
 * families in proportion): at MAX_POOLED always, and at the Wilson upper bound of its vote share when
 * `byVotes`. A cap can hand the lead to another family, which is then checked the same way.
 */
function capHeadline(space: FamilySpace, q: Float64Array, votes: ArrayLike<number>, n: number, byVotes: boolean): void {
  for (let round = 0; round < 3; round++) {
    const f = space.familyOf[topLabelOfTopFamily(space, q)]!;
    let mass = 0, members = 0;
    for (let c = 0; c < q.length; c++) if (space.familyOf[c] === f) { mass += q[c]!; members++; }
    const cap = Math.min(MAX_POOLED, byVotes ? wilsonUpper(votes[f]!, n) : 1);
    if (mass <= cap) return;
    const rest = 1 - mass;
    for (let c = 0; c < q.length; c++) {
      if (space.familyOf[c] === f) q[c] = (q[c]! * cap) / mass;
      // The others share what the cap frees in proportion to their mass (evenly when they had none).
      else q[c] = rest > 1e-12 ? (q[c]! * (1 - cap)) / rest : (1 - cap) / (q.length - members);
    }
  }
}

/** Families that top a sizeable share of the answers, largest first (ties: higher pooled p), at most three. */
function componentsOf(space: FamilySpace, q: Float64Array, votes: ArrayLike<number>, n: number, minAnswers: number, minShare: number): GroupJudgement['components'] {
  const out: Array<GroupJudgement['components'][number] & { p: number }> = [];
  for (let f = 0; f < votes.length; f++) {
    if (votes[f]! < Math.max(1, minAnswers) || votes[f]! < minShare * n) continue;
    let best = -1, mass = 0;
    for (let c = 0; c < q.length; c++) if (space.familyOf[c] === f) { mass += q[c]!; if (best < 0 || q[c]! > q[best]!) best = c; }
    out.push({ family: f, label: best, answers: votes[f]!, share: Math.round((votes[f]! / n) * 1e6) / 1e6, p: mass });
  }
  out.sort((a, b) => b.answers - a.answers || b.p - a.p || a.family - b.family);
  return out.slice(0, MAX_COMPONENTS).map(({ p: _p, ...c }) => c);
}
