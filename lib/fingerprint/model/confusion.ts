/** Similarity between labels from held-apart confusion (see similarity.ts for how the UI reads it). */

/** Symmetrised similarity from a mean-probability confusion matrix m[i][j] = mean p(j | answers of i). */
export function similarityFromConfusion(m: number[][]): number[][] {
  const n = m.length;
  return m.map((_, i) => m.map((__, j) => {
    const sij = Math.sqrt((m[i]![j]! * m[j]![i]!) / Math.max(1e-12, m[i]![i]! * m[j]![j]!));
    return i === j ? 1 : Math.round(Math.min(1, sij) * 1000) / 1000;
  }).slice(0, n));
}
