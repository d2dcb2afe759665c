/**
 * Prepared features of a corpus, cached on disk between script runs (eval, signatures): extracting 48,000
 * answers takes minutes, and the result depends only on the corpus files, the feature set and the hashed
 * space. The cache lives in the OS temp directory (it holds derived vectors of corpus text, never committed).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { FEATURE_SET_VERSION } from '../lib/fingerprint/features';
import type { SparseBlock } from '../lib/fingerprint/features';
import { prepare } from '../lib/fingerprint/prepare';
import type { Prepared } from '../lib/fingerprint/prepare';
import type { CorpusRecord } from '../lib/fingerprint/types';

const DIR = join(tmpdir(), 'modelprint-prepared');

export function preparedFor(records: CorpusRecord[], sha256: string, hashBits: number, blockWeights: Record<SparseBlock, number>, log?: (m: string) => void): Prepared {
  const key = createHash('sha256').update(JSON.stringify([sha256, hashBits, FEATURE_SET_VERSION, blockWeights])).digest('hex').slice(0, 24);
  const file = join(DIR, `${key}.v8`);
  if (existsSync(file)) {
    const cached = deserialize(readFileSync(file)) as Omit<Prepared, 'records'>;
    if (cached.y.length === records.length) {
      log?.(`prepared features read from ${file}`);
      return { ...cached, records };
    }
  }
  const prep = prepare(records, hashBits, blockWeights, log);
  mkdirSync(DIR, { recursive: true });
  const { records: _r, ...rest } = prep;
  writeFileSync(file, serialize(rest));
  return prep;
}
