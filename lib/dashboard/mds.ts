/**
 * Classical (Torgerson) multidimensional scaling: places the reference models in 2-D so that distances
 * on the map approximate their stylometric distances. Deterministic: fixed start vectors and a sign
 * convention, so the map looks the same on every load and in screenshots.
 *
 * Why classical MDS rather than a force layout: it has one exact answer (the top two eigenvectors of the
 * double-centred squared-distance matrix), no random start and no iteration count to tune for 29 points.
 */

export type Point = readonly [number, number];

/**
 * Distance from a similarity matrix. When `s` is a kernel (cosine similarities, diagonal 1) this is the
 * Euclidean distance between the models' unit vectors, sqrt(s_ii + s_jj − 2 s_ij); negative values from a
 * matrix that is not quite a kernel are clamped to 0.
 */
export function similarityToDistance(s: readonly (readonly number[])[]): number[][] {
  const n = s.length;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const v = (s[i]![i] ?? 1) + (s[j]![j] ?? 1) - 2 * ((s[i]![j]! + s[j]![i]!) / 2);
      return i === j ? 0 : Math.sqrt(Math.max(0, v));
    }),
  );
}

/** B = −½ J D² J, with J the centring matrix. */
function doubleCentre(d: readonly (readonly number[])[]): number[][] {
  const n = d.length;
  const sq = d.map((row) => row.map((v) => v * v));
  const rowMean = sq.map((row) => row.reduce((a, b) => a + b, 0) / n);
  const all = rowMean.reduce((a, b) => a + b, 0) / n;
  return sq.map((row, i) => row.map((v, j) => -0.5 * (v - rowMean[i]! - rowMean[j]! + all)));
}

/** Largest eigenpair of a symmetric matrix by power iteration from a fixed, non-degenerate start. */
function topEigen(b: readonly (readonly number[])[], seed: number): { value: number; vector: number[] } {
  const n = b.length;
  let v = Array.from({ length: n }, (_, i) => 1 + Math.sin((i + 1) * seed));
  let value = 0;
  for (let iter = 0; iter < 1000; iter++) {
    const w = b.map((row) => row.reduce((acc, x, j) => acc + x * v[j]!, 0));
    const norm = Math.hypot(...w);
    if (norm < 1e-12) return { value: 0, vector: new Array<number>(n).fill(0) };
    const next = w.map((x) => x / norm);
    const delta = next.reduce((acc, x, i) => acc + Math.abs(x - v[i]!), 0);
    v = next;
    value = norm;
    if (delta < 1e-10) break;
  }
  // Rayleigh quotient keeps the sign of the eigenvalue (power iteration's norm does not).
  const bv = b.map((row) => row.reduce((acc, x, j) => acc + x * v[j]!, 0));
  value = bv.reduce((acc, x, i) => acc + x * v[i]!, 0);
  // Sign convention: the component largest in magnitude is positive.
  const big = v.reduce((best, x, i) => (Math.abs(x) > Math.abs(v[best]!) + 1e-12 ? i : best), 0);
  if (v[big]! < 0) v = v.map((x) => -x);
  return { value, vector: v };
}

/**
 * 2-D coordinates for each row of a distance matrix, scaled so the farthest point is at distance 1 from
 * the centre. Fewer than two points, or all points equal, gives the centre.
 */
export function classicalMds(distances: readonly (readonly number[])[]): Point[] {
  const n = distances.length;
  if (n < 2) return Array.from({ length: n }, () => [0, 0] as const);
  const b = doubleCentre(distances);
  const first = topEigen(b, 1.3);
  const deflated = b.map((row, i) =>
    row.map((x, j) => x - first.value * first.vector[i]! * first.vector[j]!),
  );
  const second = topEigen(deflated, 2.7);
  const scale = (e: { value: number; vector: number[] }) =>
    e.vector.map((x) => x * Math.sqrt(Math.max(0, e.value)));
  const xs = scale(first);
  const ys = scale(second);
  const radius = Math.max(...xs.map((x, i) => Math.hypot(x, ys[i]!)));
  if (!(radius > 1e-12)) return Array.from({ length: n }, () => [0, 0] as const);
  return xs.map((x, i) => [x / radius, ys[i]! / radius] as const);
}
