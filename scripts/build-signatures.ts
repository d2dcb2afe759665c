/**
 * npm run signatures -- [corpus.jsonl ...]  (default: the three corpus files, lib/node/corpus-files.ts)
 * Builds lib/fingerprint/data/signatures.json from the corpus: aggregate statistics and quantised weights
 * only, never corpus text, sealed with its content hash. Deterministic apart from the build date.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
// Imports the modules, not the index: the index loads the bundled JSON that this script creates.
import { buildFromPrepared, resolveOptions } from '../lib/fingerprint/build';
import { loadSignatures } from '../lib/fingerprint/signatures';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';
import { preparedFor } from './prepared-cache';

const OUT = resolve(import.meta.dirname, '../lib/fingerprint/data/signatures.json');
/** Hard limit on the committed data (issue 14: at most 2 MB in the extension). */
const MAX_BYTES = 2e6;

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_CORPUS_FILES;
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const { records, files, sha256 } = readCorpusFiles(paths);
log(`read ${records.length} records from ${files.map((f) => `${f.file} (${f.records})`).join(', ')}`);
const o = resolveOptions({ log, provenance: { file: files.map((f) => f.file).join(' + '), sha256, files } });
const prep = preparedFor(records, sha256, o.hashBits, o.blockWeights, log);
const json = buildFromPrepared(prep, Array.from(records.keys()), o);
loadSignatures(json); // refuse to write something the engine cannot read
const text = JSON.stringify(json);
if (text.length > MAX_BYTES) throw new Error(`signatures are ${text.length} bytes, over the ${MAX_BYTES} limit`);
writeFileSync(OUT, text + '\n');
log(`wrote ${OUT} (${(text.length / 1024).toFixed(0)} KiB)`);
