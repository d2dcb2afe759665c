/** Raw class scores of a vector under decoded signatures: the one scoring path for build, eval and attribute(). */
import type { Signatures } from './signatures';
import type { Vector } from './vectorize';

/** Standardise raw dense features into `out` exactly as training did (clipped z-scores times the block scale). */
export function standardize(dense: ArrayLike<number>, mean: ArrayLike<number>, invSd: ArrayLike<number>, zClip: number, scale: number, out: Float32Array | Float64Array, offset = 0): void {
  for (let f = 0; f < mean.length; f++) {
    let z = (dense[f]! - mean[f]!) * invSd[f]!;
    if (!(z === z)) z = 0; // NaN guard
    out[offset + f] = (z > zClip ? zClip : z < -zClip ? -zClip : z) * scale;
  }
}

/** Write uncalibrated logits (length = #labels) into `out`; `z` is a scratch buffer of #dense. */
export function logitsOf(sig: Signatures, v: Pick<Vector, 'dense' | 'nnz' | 'idx' | 'val'>, z: Float64Array, out: Float64Array): void {
  const C = sig.labels.length;
  const { W, Wd, rowOf } = sig;
  for (let c = 0; c < C; c++) out[c] = sig.bias[c]!;
  for (let k = 0; k < v.nnz; k++) {
    const r = rowOf[v.idx[k]!]!;
    if (r < 0) continue;
    const base = r * C;
    const x = v.val[k]!;
    for (let c = 0; c < C; c++) out[c]! += x * W[base + c]!;
  }
  standardize(v.dense, sig.mean, sig.invSd, sig.zClip, sig.denseScale, z);
  for (let f = 0; f < z.length; f++) {
    const x = z[f]!;
    if (x === 0) continue;
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += x * Wd[base + c]!;
  }
}
