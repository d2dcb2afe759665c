/**
 * The real engine behind {@link VerdictEngine}: `lib/fingerprint/` with its bundled signatures. Only the
 * background imports this module, so the pages do not bundle the signatures.
 */
import {
  attribute,
  fingerprint,
  FEATURE_SET_VERSION,
  getDefaultSignatures,
  pool,
  SCHEMA_VERSION,
} from '../fingerprint';
import type { VerdictEngine } from './types';

/**
 * Loads the signatures once (on first use, not at import: the service worker starts faster) and names
 * their version: schema, feature set and build date, so rebuilt signatures make stored verdicts stale.
 */
export function createEngine(): VerdictEngine {
  let version: string | undefined;
  return {
    attribute: (text) => attribute(text),
    pool: (results) => pool(results),
    fingerprint: (text) => fingerprint(text),
    get version() {
      version ??= `s${SCHEMA_VERSION}/f${FEATURE_SET_VERSION}/${getDefaultSignatures().json.build.date}`;
      return version;
    },
  };
}
