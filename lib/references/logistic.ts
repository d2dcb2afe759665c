/**
 * Weighted, L2-regularised binary logistic regression by full-batch gradient descent with Nesterov momentum:
 * deterministic (no shuffling), a few hundred passes over at most a few thousand rows of ~300 features, well
 * under a second. Rows are row-major in `x` (n × d); `w` weights each row's loss.
 */

export interface Logistic {
  weights: Float64Array;
  bias: number;
}

export interface LogisticOptions {
  /** L2 strength on the weights (not the bias), per unit of total row weight. Default 0.01. */
  l2?: number;
  iterations?: number;
  learningRate?: number;
}

export function score(m: Logistic, x: Float64Array, row: number, d: number): number {
  let s = m.bias;
  const base = row * d;
  for (let j = 0; j < d; j++) s += m.weights[j]! * x[base + j]!;
  return s;
}

const sigmoid = (s: number) => (s >= 0 ? 1 / (1 + Math.exp(-s)) : Math.exp(s) / (1 + Math.exp(s)));

export function fitLogistic(x: Float64Array, y: ArrayLike<number>, w: ArrayLike<number>, d: number, o: LogisticOptions = {}): Logistic {
  const n = y.length;
  const l2 = o.l2 ?? 0.01;
  const iterations = o.iterations ?? 300;
  const lr = o.learningRate ?? 0.5;
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i]!;
  const theta = new Float64Array(d + 1); // weights then bias
  const look = new Float64Array(d + 1);
  const vel = new Float64Array(d + 1);
  const grad = new Float64Array(d + 1);
  const m: Logistic = { weights: look.subarray(0, d), bias: 0 };
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j <= d; j++) look[j] = theta[j]! + 0.9 * vel[j]!;
    m.bias = look[d]!;
    grad.fill(0);
    for (let i = 0; i < n; i++) {
      const g = (w[i]! / total) * (sigmoid(score(m, x, i, d)) - y[i]!);
      const base = i * d;
      for (let j = 0; j < d; j++) grad[j]! += g * x[base + j]!;
      grad[d]! += g;
    }
    for (let j = 0; j < d; j++) grad[j]! += l2 * look[j]!;
    for (let j = 0; j <= d; j++) {
      vel[j] = 0.9 * vel[j]! - lr * grad[j]!;
      theta[j]! += vel[j]!;
    }
  }
  return { weights: theta.slice(0, d), bias: theta[d]! };
}

/**
 * Platt scaling: a and b minimising the weighted log-loss of sigmoid(a·s + b) on held-out scores `s` (Newton's
 * method on two parameters, with a small ridge so separable data stays finite).
 */
export function fitPlatt(s: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): { a: number; b: number } {
  let a = 1, b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-3;
    for (let i = 0; i < s.length; i++) {
      const p = sigmoid(a * s[i]! + b);
      const r = w[i]! * (p - y[i]!);
      const q = w[i]! * p * (1 - p);
      ga += r * s[i]!; gb += r;
      haa += q * s[i]! * s[i]!; hab += q * s[i]!; hbb += q;
    }
    ga += 1e-3 * (a - 1); // ridge towards the raw scores
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da; b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a, b };
}
