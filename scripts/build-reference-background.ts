/**
 * npm run references:background -- [corpus.jsonl] [--per-label N]
 * Writes lib/references/data/background.json: the named features of N answers of every corpus label (one per
 * prompt group, seeded), what custom references are trained against. Rerun after the feature set changes
 * (lib/references refuses a background of another feature set).
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { FEATURE_SET_VERSION } from '../lib/fingerprint';
import { makeBackground } from '../lib/references/make-background';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';

/** The v1 corpus file, as these measurements were designed on. */
const DEFAULT_CORPUS = DEFAULT_CORPUS_FILES[0]!;

const args = process.argv.slice(2);
const per = args.indexOf('--per-label');
const perLabel = per >= 0 ? Number(args[per + 1]) : 24;
const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--per-label') ?? DEFAULT_CORPUS;
const { records, sha256 } = readCorpusFiles([path]);
const json = makeBackground(records, { perLabel, seed: 20261204, corpus: { file: basename(path), sha256 } });
const out = resolve(import.meta.dirname, '../lib/references/data/background.json');
writeFileSync(out, JSON.stringify(json) + '\n');
console.log(`wrote ${out}: ${json.rowLabel.length} answers of ${json.labels.length} labels, feature set ${FEATURE_SET_VERSION}`);
