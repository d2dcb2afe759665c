/**
 * Turns an Analysis into the model input: raw dense features (named) plus a sparse hashed vector where each
 * family's block is sublinearly weighted (log1p of counts), L2-normalised and scaled by its block weight.
 * Buffers are allocated once per vectoriser and reused, so attribute() allocates almost nothing per call.
 */
import type { Analysis } from './analysis';
import type { SparseBlock } from './features';
import { DENSE_NAMES, FAMILIES, SPARSE_BLOCKS } from './features';
import type { SparseSink } from './features/family';

export interface VectorizerOptions {
  hashBits: number;
  blockWeights: Record<SparseBlock, number>;
}

export interface Vector {
  dense: Float64Array;
  /** Number of valid entries in idx/val (entries may repeat an index across blocks). */
  nnz: number;
  idx: Int32Array;
  val: Float32Array;
  /** Sparse block (index in SPARSE_BLOCKS) of each entry: lets experiments re-weight blocks without re-extracting. */
  blk: Uint8Array;
}

export class Vectorizer implements SparseSink {
  readonly dim: number;
  private readonly mask: number;
  private readonly acc: Float32Array;
  private touched: Int32Array = new Int32Array(4096);
  private nTouched = 0;
  private out: Vector;

  constructor(private readonly options: VectorizerOptions) {
    this.dim = 1 << options.hashBits;
    this.mask = this.dim - 1;
    this.acc = new Float32Array(this.dim);
    this.out = { dense: new Float64Array(DENSE_NAMES.length), nnz: 0, idx: new Int32Array(4096), val: new Float32Array(4096), blk: new Uint8Array(4096) };
  }

  add(hash: number, value: number): void {
    const b = hash & this.mask;
    if (this.acc[b] === 0) {
      if (this.nTouched === this.touched.length) this.touched = grow(this.touched);
      this.touched[this.nTouched++] = b;
    }
    this.acc[b]! += value;
  }

  /** The returned Vector is reused by the next call: copy it to keep it. */
  vectorize(a: Analysis): Vector {
    const out = this.out;
    out.nnz = 0;
    let offset = 0;
    for (const f of FAMILIES) {
      if (f.dense) f.dense(a, out.dense, offset);
      offset += f.names.length;
    }
    for (const f of FAMILIES) {
      const weight = this.options.blockWeights[f.id as SparseBlock] ?? 0;
      if (!f.sparse || weight <= 0) continue; // a block switched off costs nothing
      this.nTouched = 0;
      f.sparse(a, this);
      this.flush(weight, SPARSE_BLOCKS.indexOf(f.id as SparseBlock));
    }
    for (let i = 0; i < out.dense.length; i++) if (!Number.isFinite(out.dense[i]!)) out.dense[i] = 0;
    return out;
  }

  private flush(weight: number, block: number): void {
    const out = this.out;
    let sq = 0;
    for (let j = 0; j < this.nTouched; j++) {
      const b = this.touched[j]!;
      const v = Math.log1p(this.acc[b]!);
      this.acc[b] = v;
      sq += v * v;
    }
    const scale = sq > 0 ? weight / Math.sqrt(sq) : 0;
    while (out.nnz + this.nTouched > out.idx.length) { out.idx = grow(out.idx); out.val = growF(out.val); out.blk = growU(out.blk); }
    for (let j = 0; j < this.nTouched; j++) {
      const b = this.touched[j]!;
      if (scale > 0) { out.idx[out.nnz] = b; out.blk[out.nnz] = block; out.val[out.nnz++] = this.acc[b]! * scale; }
      this.acc[b] = 0;
    }
  }
}

function grow(a: Int32Array): Int32Array { const b = new Int32Array(a.length * 2); b.set(a); return b; }
function growF(a: Float32Array): Float32Array { const b = new Float32Array(a.length * 2); b.set(a); return b; }
function growU(a: Uint8Array): Uint8Array { const b = new Uint8Array(a.length * 2); b.set(a); return b; }

