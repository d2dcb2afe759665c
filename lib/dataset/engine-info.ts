/** The engine of a dataset's writer, as a manifest names it (the same version string the extension stores). */
import { FEATURE_SET_VERSION, type Signatures } from '../fingerprint';
import { createEngine } from '../verdict/verdict-engine';
import type { EngineInfo } from './manifest';

export function engineInfo(signatures: Signatures): EngineInfo {
  return { version: createEngine(() => signatures).version, featureSetVersion: FEATURE_SET_VERSION, signaturesDate: signatures.json.build.date };
}
