/**
 * The real engine behind {@link VerdictEngine}: `lib/fingerprint/` bound to one set of signatures. The
 * background creates it before its signatures are fetched (lib/verdict/fetch-signatures.ts) and answers no
 * message until they are; the pages never bundle the engine's data.
 */
import { attribute, fingerprint, FEATURE_SET_VERSION, SCHEMA_VERSION } from '../fingerprint/core';
import type { Signatures } from '../fingerprint/core';
import type { CustomReference } from '../references/types';
import { attributeWithReferences, poolAll, referencesVersion } from '../references/verdict-hook';
import type { VerdictEngine } from './types';

/**
 * `signatures` is read at each call, so the engine can exist before they are loaded (a call before then
 * throws). The version names schema, feature set and build date, so rebuilt signatures make stored
 * verdicts stale.
 */
export function createEngine(signatures: () => Signatures, references: () => readonly CustomReference[] = () => []): VerdictEngine {
  let version: string | undefined;
  return {
    // Enabled custom references (issue 11) compete in every verdict; with none, these are the engine's own.
    attribute: (text) => attributeWithReferences(attribute(text, signatures()), text, references()),
    pool: (results) => poolAll(results, signatures(), references()),
    fingerprint: (text) => fingerprint(text),
    get version() {
      version ??= `s${SCHEMA_VERSION}/f${FEATURE_SET_VERSION}/${signatures().json.build.date}`;
      return version + referencesVersion(references());
    },
  };
}
