/**
 * Multinomial logistic (softmax) regression on sparse hashed + dense features, trained by plain SGD with L2
 * weight decay (Bottou's scale trick keeps each step sparse). Deterministic: the only randomness is a seeded
 * shuffle. Build-time only; attribute() uses the decoded weights (see codec.ts).
 */
import { mulberry32 } from '../hash';

export interface TrainSet {
  classes: number;
  /** Hashed dimension (2^hashBits). */
  dim: number;
  nDense: number;
  idx: Int32Array[];
  val: Float32Array[];
  /** Standardised, weighted dense features; row i at [i*nDense, (i+1)*nDense). */
  dense: Float32Array;
  y: Int32Array;
  /** Optional weight of each record (indexed like y; 1 when absent): its loss counts this many times. */
  weight?: Float32Array;
}

export interface LinearModel {
  classes: number;
  /** Row-major [feature][class]. */
  W: Float32Array;
  Wd: Float32Array;
  b: Float64Array;
}

export interface TrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /**
   * Floor of the linear learning-rate ramp, as a share of the 1/t rate: 1 = no ramp (plain 1/t), 0.02 = the
   * rate falls linearly to 2% by the last step. Default 0.02.
   */
  rateFloor?: number;
}

export function trainSoftmax(set: TrainSet, rows: ArrayLike<number>, o: TrainOptions): LinearModel {
  const C = set.classes;
  const D = set.nDense;
  const W = new Float32Array(set.dim * C);
  const Wd = new Float32Array(D * C);
  const b = new Float64Array(C);
  const p = new Float64Array(C);
  const order = Array.from(rows);
  const rand = mulberry32(o.seed);
  let s = 1; // true weights = s * stored weights
  let t = 0;
  const total = o.epochs * order.length;
  const floor = o.rateFloor ?? 0.02;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      // Bottou's 1/t schedule times a linear ramp to a small floor: the last iterates settle near the optimum
      // instead of jittering at a constant rate (a cheap stand-in for iterate averaging).
      const eta = (o.learningRate / (1 + o.learningRate * o.l2 * t)) * Math.max(floor, 1 - t / total);
      t++;
      const idx = set.idx[r]!;
      const val = set.val[r]!;
      const zo = r * D;
      logits(W, Wd, b, s, idx, val, set.dense, zo, D, C, p);
      softmaxInPlace(p);
      p[set.y[r]!]! -= 1; // p now holds the gradient of the loss wrt the logits
      const w = set.weight ? set.weight[r]! : 1;
      s *= 1 - eta * o.l2;
      const step = (eta * w) / s;
      for (let k = 0; k < idx.length; k++) {
        const base = idx[k]! * C;
        const v = val[k]! * step;
        for (let c = 0; c < C; c++) W[base + c]! -= v * p[c]!;
      }
      for (let f = 0; f < D; f++) {
        const v = set.dense[zo + f]! * step;
        if (v === 0) continue;
        const base = f * C;
        for (let c = 0; c < C; c++) Wd[base + c]! -= v * p[c]!;
      }
      for (let c = 0; c < C; c++) b[c]! -= eta * w * p[c]!;
      if (s < 1e-4) { rescale(W, s); rescale(Wd, s); s = 1; }
    }
  }
  rescale(W, s);
  rescale(Wd, s);
  return { classes: C, W, Wd, b };
}

function rescale(a: Float32Array, s: number): void {
  if (s !== 1) for (let i = 0; i < a.length; i++) a[i]! *= s;
}

function logits(W: Float32Array, Wd: Float32Array, b: Float64Array, s: number, idx: Int32Array, val: Float32Array,
  dense: Float32Array, zo: number, D: number, C: number, out: Float64Array): void {
  out.fill(0);
  for (let k = 0; k < idx.length; k++) {
    const base = idx[k]! * C;
    const v = val[k]!;
    for (let c = 0; c < C; c++) out[c]! += v * W[base + c]!;
  }
  for (let f = 0; f < D; f++) {
    const v = dense[zo + f]!;
    if (v === 0) continue;
    const base = f * C;
    for (let c = 0; c < C; c++) out[c]! += v * Wd[base + c]!;
  }
  for (let c = 0; c < C; c++) out[c] = out[c]! * s + b[c]!;
}

/** Numerically stable softmax in place; uniform for all-equal or non-finite input. */
export function softmaxInPlace(p: Float64Array | number[]): void {
  let max = -Infinity;
  for (let c = 0; c < p.length; c++) if (p[c]! > max) max = p[c]!;
  if (!Number.isFinite(max)) { p.fill(1 / p.length); return; }
  let sum = 0;
  for (let c = 0; c < p.length; c++) { const e = Math.exp(p[c]! - max); p[c] = e; sum += e; }
  for (let c = 0; c < p.length; c++) p[c] = p[c]! / sum;
}
