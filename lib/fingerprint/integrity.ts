/**
 * The signatures' content hash: the build seals the JSON with the SHA-256 of everything but the hash itself,
 * and the loader refuses a file whose content no longer matches (issue 15: a signatures file with one parameter
 * changed loaded and silently changed verdicts). It guards against edits and corruption, not against someone
 * who recomputes the hash: anyone may build their own signatures, and they then carry their own provenance.
 */
import { sha256Hex } from './sha256';
import type { SignaturesJson } from './signatures';

type Unsealed = Omit<SignaturesJson, 'integrity'>;

function digest(json: Unsealed): string {
  const { integrity: _ignored, ...rest } = json as SignaturesJson;
  return sha256Hex(JSON.stringify(rest));
}

/** The same JSON with its integrity field (last) set to the hash of the rest. */
export function sealSignatures(json: Unsealed): SignaturesJson {
  const { integrity: _old, ...rest } = json as SignaturesJson;
  return { ...rest, integrity: digest(rest) };
}

/** Why the JSON fails its integrity check, or null when its content matches its hash. */
export function integrityProblem(json: SignaturesJson): string | null {
  if (typeof json.integrity !== 'string' || !/^[0-9a-f]{64}$/.test(json.integrity)) {
    return 'no integrity hash (signatures must be written by npm run signatures or modelprint signatures)';
  }
  const actual = digest(json);
  if (actual !== json.integrity) {
    return `content does not match its integrity hash (expected ${json.integrity.slice(0, 12)}…, content hashes to ${actual.slice(0, 12)}…): the file was edited or corrupted after it was built; rebuild it with npm run signatures`;
  }
  return null;
}
