/** Per-signatures scratch state (vectoriser and buffers), created once and reused by every call. */
import { DENSE_NAMES } from './features';
import type { Signatures } from './signatures';
import { Vectorizer } from './vectorize';

export interface Engine {
  vectorizer: Vectorizer;
  z: Float64Array;
  logits: Float64Array;
  familyLogits: Float64Array;
}

const engines = new WeakMap<Signatures, Engine>();

export function engineFor(sig: Signatures): Engine {
  let e = engines.get(sig);
  if (!e) {
    const v = sig.json.vectorizer;
    e = {
      vectorizer: new Vectorizer({ hashBits: v.hashBits, blockWeights: v.blockWeights }),
      z: new Float64Array(DENSE_NAMES.length),
      logits: new Float64Array(sig.labels.length),
      familyLogits: new Float64Array(sig.families.length),
    };
    engines.set(sig, e);
  }
  return e;
}
