/** Similarity between labels from held-apart confusion (see similarity.ts for how the UI reads it). */

/**
 * Mean-probability confusion: m[i][j] = mean p(j) over the answers whose true label is i (rows of labels
 * without answers stay 0). Shared by the build (held-apart answers) and the evaluation (test folds).
 */
export function meanConfusion(p: ArrayLike<ArrayLike<number>>, y: ArrayLike<number>, classes: number): number[][] {
  const m = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  const counts = new Float64Array(classes);
  for (let k = 0; k < y.length; k++) {
    const row = m[y[k]!]!, pk = p[k]!;
    counts[y[k]!]!++;
    for (let c = 0; c < classes; c++) row[c]! += pk[c]!;
  }
  m.forEach((row, c) => row.forEach((_, j) => (row[j] = row[j]! / Math.max(1, counts[c]!))));
  return m;
}

/** Symmetrised similarity from a mean-probability confusion matrix m[i][j] = mean p(j | answers of i). */
export function similarityFromConfusion(m: number[][]): number[][] {
  const n = m.length;
  return m.map((_, i) => m.map((__, j) => {
    const sij = Math.sqrt((m[i]![j]! * m[j]![i]!) / Math.max(1e-12, m[i]![i]! * m[j]![j]!));
    return i === j ? 1 : Math.round(Math.min(1, sij) * 1000) / 1000;
  }).slice(0, n));
}
