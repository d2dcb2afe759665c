/**
 * npm run coverage -- [corpus dir]  (default ../shared/corpus)
 * Writes lib/verdict/data/coverage.json: which exact models each reference label holds and which
 * generations each vendor's references span, from every `*.jsonl` of the corpus (the files the signatures
 * are built from). Only model ids and labels are written, never text.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCoverage, type Coverage, type CoverageRecord } from '../lib/verdict/coverage-build';

export const COVERAGE_FILE = resolve(import.meta.dirname, '../lib/verdict/data/coverage.json');
export const DEFAULT_CORPUS_DIR = resolve(import.meta.dirname, '../../shared/corpus');

/** The `model`, `label` and `family` of every record; a line without them is an error with its place. */
function* recordsOf(path: string): Generator<CoverageRecord> {
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const { model, label, family } = JSON.parse(lines[i]!) as Partial<CoverageRecord>;
    if (typeof model !== 'string' || typeof label !== 'string' || typeof family !== 'string') {
      throw new Error(`${path}:${i + 1}: a record needs string model, label and family`);
    }
    yield { model, label, family };
  }
}

export function corpusCoverage(dir: string = DEFAULT_CORPUS_DIR): Coverage {
  const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
  if (files.length === 0) throw new Error(`no *.jsonl corpus files in ${dir}`);
  return buildCoverage(files.map((file) => ({ file, records: recordsOf(join(dir, file)) })));
}

export function coverageJson(coverage: Coverage): string {
  return JSON.stringify(coverage, null, 1) + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const coverage = corpusCoverage(process.argv[2] ? resolve(process.argv[2]) : undefined);
  writeFileSync(COVERAGE_FILE, coverageJson(coverage));
  for (const [family, v] of Object.entries(coverage.vendors)) console.log(`${family}: ${v.range}`);
  console.log(`wrote ${COVERAGE_FILE} from ${coverage.sources.map((s) => `${s.file} (${s.records})`).join(', ')}`);
}
