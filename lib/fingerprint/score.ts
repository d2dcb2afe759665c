/** Raw class scores of a vector under decoded signatures: the one scoring path for build, eval and attribute(). */
import { softmaxInPlace } from './model/train';
import type { DecodedModel, Signatures } from './signatures';
import type { Vector } from './vectorize';

/** Standardise raw dense features into `out` exactly as training did (clipped z-scores times the block scale). */
export function standardize(dense: ArrayLike<number>, mean: ArrayLike<number>, invSd: ArrayLike<number>, zClip: number, scale: number, out: Float32Array | Float64Array, offset = 0): void {
  for (let f = 0; f < mean.length; f++) {
    let z = (dense[f]! - mean[f]!) * invSd[f]!;
    if (!(z === z)) z = 0; // NaN guard
    out[offset + f] = (z > zClip ? zClip : z < -zClip ? -zClip : z) * scale;
  }
}

/** Write uncalibrated label logits (length = #labels) into `out`; `z` receives the standardised dense features. */
export function logitsOf(sig: Signatures, v: Pick<Vector, 'dense' | 'nnz' | 'idx' | 'val'>, z: Float64Array, out: Float64Array): void {
  standardize(v.dense, sig.mean, sig.invSd, sig.zClip, sig.denseScale, z);
  linearLogits(sig, v, z, out);
}

/** Logits of one decoded linear model (labels or family head) for a vector whose dense part is standardised in `z`. */
export function linearLogits(m: DecodedModel, v: Pick<Vector, 'nnz' | 'idx' | 'val'>, z: Float64Array, out: Float64Array): void {
  const C = out.length;
  const { W, Wd, rowOf } = m;
  for (let c = 0; c < C; c++) out[c] = m.bias[c]!;
  for (let k = 0; k < v.nnz; k++) {
    const r = rowOf[v.idx[k]!]!;
    if (r < 0) continue;
    const base = r * C;
    const x = v.val[k]!;
    for (let c = 0; c < C; c++) out[c]! += x * W[base + c]!;
  }
  for (let f = 0; f < z.length; f++) {
    const x = z[f]!;
    if (x === 0) continue;
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += x * Wd[base + c]!;
  }
}

/**
 * Combines label probabilities `p` (calibrated, sum 1) with the family head's logits, in place: each family's
 * mass becomes sum(labels)^(1-blend) × head^blend, renormalised, and its labels are rescaled to that mass.
 * `famLogits` is scratch of length #families and holds the family probabilities afterwards.
 */
export function applyFamilyHead(sig: Signatures, p: Float64Array, famLogits: Float64Array): void {
  const h = sig.familyHead;
  if (!h) return;
  const F = famLogits.length;
  for (let f = 0; f < F; f++) famLogits[f] = famLogits[f]! / h.temperature;
  softmaxInPlace(famLogits);
  const fromLabels = new Float64Array(F);
  for (let c = 0; c < p.length; c++) fromLabels[sig.familyOf[c]!]! += p[c]!;
  let total = 0;
  for (let f = 0; f < F; f++) {
    const a = Math.max(1e-300, fromLabels[f]!), b = Math.max(1e-300, famLogits[f]!);
    famLogits[f] = Math.exp((1 - h.blend) * Math.log(a) + h.blend * Math.log(b));
    total += famLogits[f]!;
  }
  for (let f = 0; f < F; f++) famLogits[f] = famLogits[f]! / total;
  for (let c = 0; c < p.length; c++) {
    const f = sig.familyOf[c]!;
    p[c] = fromLabels[f]! > 0 ? (p[c]! * famLogits[f]!) / fromLabels[f]! : famLogits[f]! / countOf(sig, f);
  }
}

function countOf(sig: Signatures, f: number): number {
  let n = 0;
  for (let c = 0; c < sig.familyOf.length; c++) if (sig.familyOf[c] === f) n++;
  return n;
}
