/**
 * The engine with custom references mixed in: one function for the CLI, the dashboard's worker and the
 * background, so all three give the same verdict for the same text.
 */
import { attribute, fingerprint, type Attribution, type Signatures } from '../fingerprint/core';
import { withReferences } from './combine';
import type { CustomReference } from './types';

export interface ReferenceEngine {
  attribute(text: string): Attribution;
  fingerprint(text: string): Record<string, number>;
}

export function referenceEngine(sig: Signatures, refs: readonly CustomReference[], explain = false): ReferenceEngine {
  return {
    attribute: (text) => {
      const bundled = attribute(text, sig, { explain });
      return refs.length === 0 ? bundled : withReferences(bundled, fingerprint(text), refs);
    },
    fingerprint: (text) => fingerprint(text),
  };
}
