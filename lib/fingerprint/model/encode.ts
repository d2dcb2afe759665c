/** Prune a trained model to its strongest hashed rows and encode it for the signature JSON. */
import type { SignaturesJson } from '../signatures';
import { encodeVarints, quantizeRows, toBase64 } from './codec';
import type { LinearModel } from './train';

export function encodeModel(m: LinearModel, keepRows: number): SignaturesJson['model'] {
  const C = m.classes;
  const rows = m.W.length / C;
  const norms: Array<[number, number]> = [];
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < C; c++) s += m.W[r * C + c]! ** 2;
    if (s > 0) norms.push([s, r]);
  }
  norms.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const kept = norms.slice(0, keepRows).map(([, r]) => r).sort((a, b) => a - b);
  const W = new Float32Array(kept.length * C);
  kept.forEach((r, k) => W.set(m.W.subarray(r * C, (r + 1) * C), k * C));
  return {
    rows: toBase64(encodeVarints(kept)),
    weights: toBase64(quantizeRows(W, C)),
    denseWeights: toBase64(quantizeRows(m.Wd, C)),
    bias: Array.from(m.b, (b) => Math.round(b * 1e4) / 1e4),
  };
}
