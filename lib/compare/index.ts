/** Group comparison: pure statistics over attributed answers (no DOM, browser or database imports). */
export type * from './types';
export { COMPARE_DEFAULTS } from './types';
export { buildGroup, type AnswerInput, type GroupEngine } from './group';
export { rankReferences } from './shares';
export { compareGroups } from './two-sample';
export { readRanking, readTwoSample, familyName, CAVEAT } from './reading';
export { powerNote } from './power';
export { featurePhrase, featureWords } from './phrases';
export { rankingJson, twoSampleJson } from './json';
export { runComparison, type GroupInput, type ComparisonResult } from './run';
