/**
 * The signatures attribute(), pool() and similarityMatrix() use when none are passed. The engine itself never
 * imports the data: each runtime installs it once. Node (the CLI, scripts, tests) imports `lib/fingerprint`
 * (index.ts), which installs the committed JSON through `install-default-signatures.ts`; the extension imports
 * `lib/fingerprint/core` and fetches the one copy of `signatures.json` the build ships
 * (lib/verdict/fetch-signatures.ts), so the 0.75 MB of data is in the package once, not in every bundle.
 */
import type { Signatures } from './signatures';

let cached: Signatures | undefined;
let source: (() => Signatures) | undefined;

/** Installs the defaults: a decoded set, or a function that decodes them on first use. */
export function setDefaultSignatures(signatures: Signatures | (() => Signatures)): void {
  if (typeof signatures === 'function') {
    source = signatures;
    cached = undefined;
  } else {
    cached = signatures;
  }
}

export function getDefaultSignatures(): Signatures {
  if (!cached && source) cached = source();
  if (!cached) {
    throw new Error('ModelPrint: no default signatures installed (import lib/fingerprint, or call setDefaultSignatures first)');
  }
  return cached;
}
