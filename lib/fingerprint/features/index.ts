/** Registry of feature families. Order matters: it fixes the dense vector layout and the feature-set version. */
import { CANONICAL_VERSION } from '../canonicalize-version';
import { charNgrams } from './char-ngrams';
import type { FeatureFamily } from './family';
import { functionWords } from './function-words';
import { hedges } from './hedges';
import { lengths } from './lengths';
import { markdown } from './markdown';
import { openersClosers } from './openers-closers';
import { punctuation } from './punctuation';
import { signatureWords } from './signature-words';
import { skeleton } from './skeleton';
import { structure } from './structure';
import { vocabulary } from './vocabulary';
import { wordNgrams } from './word-ngrams';

export const FAMILIES = [
  functionWords, punctuation, markdown, lengths, vocabulary, openersClosers, hedges, signatureWords,
  wordNgrams, charNgrams, structure, skeleton,
] as const satisfies readonly FeatureFamily[];

/** Ids of the families whose sparse output forms a separately normalised block, in order. */
export type SparseBlock = 'word-ngrams' | 'char-ngrams' | 'openers-closers' | 'structure' | 'skeleton';
export const SPARSE_BLOCKS: readonly SparseBlock[] = ['word-ngrams', 'char-ngrams', 'openers-closers', 'structure', 'skeleton'];

/** Names of all dense features, in vector order. */
export const DENSE_NAMES: readonly string[] = FAMILIES.flatMap((f) => f.names);

/** Versions of canonicalisation and every family: signatures built with another set are rejected on load. */
export const FEATURE_SET_VERSION: string = [`canon@${CANONICAL_VERSION}`, ...FAMILIES.map((f) => `${f.id}@${f.version}`)].join(';');

const byName = new Map<string, FeatureFamily>();
for (const f of FAMILIES) for (const n of f.names) byName.set(n, f);

export function describeFeature(name: string) {
  return byName.get(name)?.describe(name) ?? { phrase: name, kind: 'rate' as const };
}
