/** The bundled signatures (lib/fingerprint/data/signatures.json), decoded once on first use. */
import data from './data/signatures.json';
import { loadSignatures } from './signatures';
import type { Signatures } from './signatures';

let cached: Signatures | undefined;

export function getDefaultSignatures(): Signatures {
  cached ??= loadSignatures(data);
  return cached;
}
