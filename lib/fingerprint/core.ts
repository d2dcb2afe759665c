/**
 * ModelPrint fingerprint engine: the public API without data. Nothing here imports the signatures, so a bundle
 * that imports this module stays small (the extension fetches its one copy; see default-signatures.ts);
 * `lib/fingerprint` (index.ts) is the same API with the committed signatures installed as defaults.
 * Pure TypeScript: no DOM, browser, idb or Preact imports, so the extension and the CLI run the same code
 * (tests/unit/fingerprint/purity.test.ts checks it).
 */
export type { Attribution, CorpusRecord, FamilyScore, ModelScore, PoolComponent, PooledAttribution, Tokenizer } from './types';
export type { EvidenceStrength } from './evidence';
export type { EvidenceBucket, Signatures, SignaturesJson } from './signatures';
export type { BuildOptions } from './defaults';
export type { AttributeOptions } from './attribute';

export { attribute } from './attribute';
export { pool } from './pool';
// The pooling core, for pooling over other label sets (custom references: lib/references/combine.ts).
export { judgeGroup, LEGACY_POOL_RULES, P_FLOOR, poolDistribution } from './pool-core';
export type { FamilySpace, PoolRules } from './pool-core';
export { topLabelOfTopFamily } from './distribution';
export { evidenceStrength, proseWords } from './evidence';
export { GENRES, genreOf, parseCorpus } from './corpus';
export { fingerprint } from './fingerprint';
export { canonicalize } from './canonicalize';
export { mulberry32 } from './hash';
export { loadSignatures, SCHEMA_VERSION } from './signatures';
export { buildSignatures } from './build';
export { similarityMatrix } from './similarity';
export { getDefaultSignatures, setDefaultSignatures } from './default-signatures';
export { FEATURE_SET_VERSION } from './features';
export { DEFAULTS } from './defaults';
export { defaultTokenizer, segmenterTokenizer } from './tokenize';
