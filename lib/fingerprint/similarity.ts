/**
 * Model-to-model similarity for a map UI: the build stores, for every pair of labels, how much probability
 * held-apart answers of one label give to the other, symmetrised as sqrt(m_ij·m_ji / (m_ii·m_jj)) (1 on the diagonal).
 * This measures confusability of actual answers rather than geometry of weight vectors.
 */
import { getDefaultSignatures } from './default-signatures';
import type { Signatures } from './signatures';

export function similarityMatrix(signatures?: Signatures): { labels: string[]; matrix: number[][] } {
  const sig = signatures ?? getDefaultSignatures();
  return { labels: [...sig.labels], matrix: sig.json.similarity.map((row) => [...row]) };
}
