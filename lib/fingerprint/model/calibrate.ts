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
 * pool()'s scale α and exponent γ: a group of n answers scores α · n^γ · mean_i log p_i (γ = 1 with α = 1 is the
 * naive product of independent evidence; γ = 0 never grows more confident with n). Fitted on random same-label
 * groups of held-apart answers of each size in `sizes` (drawn without replacement; sizes larger than a
 * label's answers are skipped), minimising the negative log-likelihood of the true *family*, the headline.
 * Answers of one model are not independent evidence, and this fit measures by how much.
 */
export function fitPooling(logp: Float64Array[], y: ArrayLike<number>, familyOf: Int32Array, families: number, sizes: readonly number[], seed: number): { scale: number; exponent: number } {
  const classes = familyOf.length;
  const byLabel: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < logp.length; i++) byLabel[y[i]!]!.push(i);
  const rand = mulberry32(seed);
  const pools: Array<{ f: number; mean: Float64Array; n: number }> = [];
  for (let c = 0; c < classes; c++) {
    const members = [...byLabel[c]!];
    for (const n of sizes) {
      if (members.length < n) continue;
      for (let k = 0; k < 30; k++) {
        const mean = new Float64Array(classes);
        for (let j = 0; j < n; j++) {
          const pick = j + Math.floor(rand() * (members.length - j));
          [members[j], members[pick]] = [members[pick]!, members[j]!];
          const row = logp[members[j]!]!;
          for (let q = 0; q < classes; q++) mean[q]! += row[q]! / n;
        }
        pools.push({ f: familyOf[c]!, mean, n });
      }
    }
  }
  if (pools.length === 0) return { scale: 1, exponent: 0.5 };
  const p = new Float64Array(classes);
  const fam = new Float64Array(families);
  const loss = (g: number, logScale: number) => {
    const a = Math.exp(logScale);
    let s = 0;
    for (const pl of pools) {
      const t = a * Math.pow(pl.n, g);
      for (let q = 0; q < classes; q++) p[q] = pl.mean[q]! * t;
      softmaxInPlace(p);
      fam.fill(0);
      for (let q = 0; q < classes; q++) fam[familyOf[q]!]! += p[q]!;
      s -= Math.log(Math.max(1e-12, fam[pl.f]!));
    }
    return s / pools.length;
  };
  let best = { scale: 1, exponent: 0.5, loss: Infinity };
  for (let g = 0; g <= 1.0001; g += 0.05) {
    const ls = minimize((x) => loss(g, x), -3, 3, 25);
    const l = loss(g, ls);
    if (l < best.loss) best = { scale: Math.exp(ls), exponent: g, loss: l };
  }
  return { scale: best.scale, exponent: best.exponent };
}
