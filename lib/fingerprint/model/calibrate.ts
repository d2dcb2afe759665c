/** Temperature scaling and pooling-exponent fits on held-apart predictions (never on evaluation folds). */
import { mulberry32 } from '../hash';
import { softmaxInPlace } from './train';

/** Mean negative log-likelihood of true labels for logits / T. */
export function nll(logits: Float64Array[], y: ArrayLike<number>, T: number): number {
  let s = 0;
  const p = new Float64Array(logits[0]?.length ?? 0);
  for (let i = 0; i < logits.length; i++) {
    for (let c = 0; c < p.length; c++) p[c] = logits[i]![c]! / T;
    softmaxInPlace(p);
    s -= Math.log(Math.max(1e-12, p[y[i]!]!));
  }
  return logits.length > 0 ? s / logits.length : 0;
}

/** Golden-section search of a 1-D function on [lo, hi] (assumed unimodal). */
export function minimize(f: (x: number) => number, lo: number, hi: number, iters = 40): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo, b = hi;
  let c = b - g * (b - a), d = a + g * (b - a);
  let fc = f(c), fd = f(d);
  for (let i = 0; i < iters; i++) {
    if (fc < fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
    else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
  }
  return (a + b) / 2;
}

/** Temperature T > 0 minimising held-apart NLL (searched on log T in [e^-3, e^3]). */
export function fitTemperature(logits: Float64Array[], y: ArrayLike<number>): number {
  if (logits.length === 0) return 1;
  return Math.exp(minimize((lt) => nll(logits, y, Math.exp(lt)), -3, 3));
}

/**
 * Pooling exponent γ in [0, 1]: pooled logits = n^(γ-1) Σ log p_i. Fitted on random same-label pools of
 * held-apart answers (sizes 2..10), minimising the NLL of the true label.
 */
export function fitPoolExponent(logp: Float64Array[], y: ArrayLike<number>, classes: number, seed: number): number {
  const byLabel: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < logp.length; i++) byLabel[y[i]!]!.push(i);
  const rand = mulberry32(seed);
  const pools: Array<{ y: number; sum: Float64Array; n: number }> = [];
  for (let c = 0; c < classes; c++) {
    const members = byLabel[c]!;
    if (members.length < 2) continue;
    for (const n of [2, 3, 5, 10]) {
      for (let k = 0; k < 40; k++) {
        const sum = new Float64Array(classes);
        for (let j = 0; j < n; j++) {
          const row = logp[members[Math.floor(rand() * members.length)]!]!;
          for (let q = 0; q < classes; q++) sum[q]! += row[q]!;
        }
        pools.push({ y: c, sum, n });
      }
    }
  }
  if (pools.length === 0) return 0.5;
  const loss = (g: number) => {
    let s = 0;
    const p = new Float64Array(classes);
    for (const pl of pools) {
      const t = Math.pow(pl.n, g - 1);
      for (let q = 0; q < classes; q++) p[q] = pl.sum[q]! * t;
      softmaxInPlace(p);
      s -= Math.log(Math.max(1e-12, p[pl.y]!));
    }
    return s / pools.length;
  };
  return minimize(loss, 0, 1, 30);
}
