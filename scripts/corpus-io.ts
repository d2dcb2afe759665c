/** Shared script helpers: read the JSONL corpus (never committed) and fingerprint the file for provenance. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CorpusRecord } from '../lib/fingerprint';

export const DEFAULT_CORPUS = '../shared/corpus/train.jsonl';

export function readCorpus(path: string): { records: CorpusRecord[]; sha256: string } {
  const buf = readFileSync(path);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const records: CorpusRecord[] = [];
  for (const line of buf.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as CorpusRecord;
    if (typeof r.text !== 'string' || typeof r.label !== 'string' || typeof r.family !== 'string') continue;
    records.push(r);
  }
  return { records, sha256 };
}
