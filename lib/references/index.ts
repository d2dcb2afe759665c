/** Custom reference signatures: build, combine into verdicts, and exchange as signature packs. Pure. */
export type * from './types';
export { CUSTOM_PREFIX, isCustomLabel } from './types';
export { buildReference, referenceId, MIN_REFERENCE_SAMPLES, type ReferenceSample, type BuildReferenceOptions } from './build-reference';
export { withReferences, poolWithReferences, referenceOdds } from './combine';
export { makePack, parsePack, readPackText, PackError, PACK_FORMAT, PACK_VERSION, type SignaturePack } from './pack';
export { loadBackground, type Background, type BackgroundJson } from './training-background';
export { referenceEngine, type ReferenceEngine } from './reference-engine';
export { buildFromAnswers, bundledOnly, type ReferenceAnswer } from './from-answers';
