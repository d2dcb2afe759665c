/**
 * The real engine behind {@link VerdictEngine}: `lib/fingerprint/` bound to one set of signatures. The
 * background creates it before its signatures are fetched (lib/verdict/bundled-signatures.ts) and answers no
 * message until they are; the pages never bundle the engine's data.
 */
import { attribute, fingerprint, FEATURE_SET_VERSION, pool, SCHEMA_VERSION } from '../fingerprint/core';
import type { Signatures } from '../fingerprint/core';
import type { VerdictEngine } from './types';

/**
 * `signatures` is read at each call, so the engine can exist before they are loaded (a call before then
 * throws). The version names schema, feature set and build date, so rebuilt signatures make stored
 * verdicts stale.
 */
export function createEngine(signatures: () => Signatures): VerdictEngine {
  let version: string | undefined;
  return {
    attribute: (text) => attribute(text, signatures()),
    pool: (results) => pool(results, signatures()),
    fingerprint: (text) => fingerprint(text),
    get version() {
      version ??= `s${SCHEMA_VERSION}/f${FEATURE_SET_VERSION}/${signatures().json.build.date}`;
      return version;
    },
  };
}
