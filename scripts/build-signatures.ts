/**
 * npm run signatures -- [corpus.jsonl]  (default ../shared/corpus/train.jsonl)
 * Builds lib/fingerprint/data/signatures.json from the corpus: aggregate statistics and quantised weights
 * only, never corpus text. Deterministic apart from the build date.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
// Imports the modules, not the index: the index loads the bundled JSON that this script creates.
import { buildSignatures } from '../lib/fingerprint/build';
import { loadSignatures } from '../lib/fingerprint/signatures';
import { DEFAULT_CORPUS, readCorpus } from './corpus-io';

const OUT = resolve(import.meta.dirname, '../lib/fingerprint/data/signatures.json');
/** Hard limit on the committed data (issue: at most 1.5 MB). */
const MAX_BYTES = 1.5e6;

const path = process.argv[2] ?? DEFAULT_CORPUS;
const t0 = performance.now();
const { records, sha256 } = readCorpus(path);
console.log(`read ${records.length} records from ${path} (sha256 ${sha256.slice(0, 12)}…)`);
const json = buildSignatures(records, { log: (m) => console.log(m), provenance: { file: basename(path), sha256 } });
loadSignatures(json); // refuse to write something the engine cannot read
const text = JSON.stringify(json);
if (text.length > MAX_BYTES) throw new Error(`signatures are ${text.length} bytes, over the ${MAX_BYTES} limit`);
writeFileSync(OUT, text + '\n');
console.log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
