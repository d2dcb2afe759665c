/**
 * Node-only: read one or more corpus JSONL files (never committed) and fingerprint each for provenance.
 * Shared by the scripts (npm run signatures / eval / bench) and the CLI, which must not import each other.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCorpus } from '../fingerprint/corpus';
import type { CorpusRecord } from '../fingerprint/types';

/** The corpus the product is built from: v1, the extra v1-style chat answers and the 2025 genres. */
export const DEFAULT_CORPUS_FILES = ['../shared/corpus/train.jsonl', '../shared/corpus/train-chat-extra.jsonl', '../shared/corpus/train-2025.jsonl'];

export interface CorpusFile { file: string; sha256: string; records: number }

export function readCorpusFiles(paths: string[]): { records: CorpusRecord[]; files: CorpusFile[]; sha256: string } {
  const records: CorpusRecord[] = [];
  const files: CorpusFile[] = [];
  for (const path of paths) {
    const buf = readFileSync(path);
    const parsed = parseCorpus(buf.toString('utf8'), path);
    files.push({ file: basename(path), sha256: createHash('sha256').update(buf).digest('hex'), records: parsed.records.length });
    for (const r of parsed.records) records.push(r);
  }
  // One digest for the set: the files' own digests in the order read.
  const sha256 = createHash('sha256').update(files.map((f) => `${f.file}:${f.sha256}`).join('\n')).digest('hex');
  return { records, files, sha256 };
}
