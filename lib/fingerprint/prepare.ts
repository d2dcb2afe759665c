/**
 * Corpus preparation for building and evaluating: analyse and vectorise every record once, keep the compact
 * sparse vectors, raw dense features and grouping keys. Build and eval then train on any subset without
 * re-reading text.
 */
import { analyze } from './analysis';
import { DENSE_NAMES } from './features';
import type { SparseBlock } from './features';
import { genreOf, groupOf } from './corpus';
import { hashString } from './hash';
import type { CorpusRecord } from './types';
import { Vectorizer } from './vectorize';

export interface Prepared {
  records: CorpusRecord[];
  labels: string[];
  families: string[];
  labelFamily: Record<string, string>;
  y: Int32Array;
  idx: Int32Array[];
  val: Float32Array[];
  /** Sparse block (index in SPARSE_BLOCKS) of each entry, so a build can drop or re-weight a block without re-extracting. */
  blk: Uint8Array[];
  /** Raw dense features, row-major (n × #dense). */
  dense: Float32Array;
  words: Int32Array;
  /** Split group: prompt_id for chat, debate topic for persuasion turns (a topic never straddles a split). */
  groups: string[];
  /** Genre of each record (corpus.ts: chat, debate, puzzle, ...). */
  genre: string[];
  hashBits: number;
  blockWeights: Record<SparseBlock, number>;
}


/** Deterministic bucket in [0, k) of a group for a given salt. */
export function foldOf(group: string, k: number, salt: number): number {
  return hashString(group, salt >>> 0) % k;
}

export function prepare(records: CorpusRecord[], hashBits: number, blockWeights: Record<SparseBlock, number>, log?: (m: string) => void): Prepared {
  const labels = [...new Set(records.map((r) => r.label))].sort();
  const labelFamily: Record<string, string> = {};
  for (const r of records) {
    const f = labelFamily[r.label];
    if (f !== undefined && f !== r.family) throw new Error(`label ${r.label} appears with families ${f} and ${r.family}`);
    labelFamily[r.label] = r.family;
  }
  const families = [...new Set(Object.values(labelFamily))].sort();
  const index = new Map(labels.map((l, i) => [l, i] as const));
  const vec = new Vectorizer({ hashBits, blockWeights });
  const nD = DENSE_NAMES.length;
  const n = records.length;
  const p: Prepared = {
    records, labels, families, labelFamily, y: new Int32Array(n), idx: new Array(n), val: new Array(n), blk: new Array(n),
    dense: new Float32Array(n * nD), words: new Int32Array(n), groups: new Array(n), genre: new Array(n), hashBits, blockWeights,
  };
  for (let i = 0; i < n; i++) {
    const r = records[i]!;
    const a = analyze(r.text);
    const v = vec.vectorize(a);
    p.y[i] = index.get(r.label)!;
    p.idx[i] = v.idx.slice(0, v.nnz);
    p.val[i] = v.val.slice(0, v.nnz);
    p.blk[i] = v.blk.slice(0, v.nnz);
    p.dense.set(v.dense, i * nD);
    p.words[i] = a.words.length;
    p.groups[i] = groupOf(r);
    p.genre[i] = genreOf(r);
    if (log && (i + 1) % 5000 === 0) log(`  prepared ${i + 1}/${n}`);
  }
  return p;
}
