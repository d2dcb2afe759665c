/**
 * Which model generations the references hold, derived from the corpus the signatures are built from
 * (`model`, `label`, `family` of every record). Pure: scripts/build-coverage.ts feeds it the corpus files and
 * writes lib/verdict/data/coverage.json; tests/unit/verdict/coverage.test.ts checks the committed file
 * against the corpus when ../shared is present.
 */
import { compareVersions, parseModelVersion, versionName } from './model-versions';

export const COVERAGE_SCHEMA = 1;

export interface LineCoverage {
  line: string;
  /** Oldest and newest version among the references; null when no name of the line carries one. */
  from: number[] | null;
  to: number[] | null;
}

export interface Coverage {
  schema: typeof COVERAGE_SCHEMA;
  /** Corpus files and how many records each gave. */
  sources: Array<{ file: string; records: number }>;
  /** Exact model ids per reference label, sorted. */
  labels: Record<string, { family: string; models: string[] }>;
  /** Per vendor: its product lines with their version range, and that said in words. */
  vendors: Record<string, { lines: LineCoverage[]; range: string }>;
}

export interface CoverageRecord {
  model: string;
  label: string;
  family: string;
}

export function buildCoverage(sources: Array<{ file: string; records: Iterable<CoverageRecord> }>): Coverage {
  const labels = new Map<string, { family: string; models: Set<string> }>();
  const counted: Coverage['sources'] = [];
  for (const { file, records } of sources) {
    let n = 0;
    for (const r of records) {
      n++;
      const entry = labels.get(r.label) ?? { family: r.family, models: new Set<string>() };
      if (entry.family !== r.family) throw new Error(`${file}: label ${r.label} is in two families (${entry.family}, ${r.family})`);
      entry.models.add(r.model);
      labels.set(r.label, entry);
    }
    counted.push({ file, records: n });
  }
  const byVendor = new Map<string, Set<string>>();
  for (const { family, models } of labels.values()) {
    const set = byVendor.get(family) ?? new Set<string>();
    for (const m of models) set.add(m);
    byVendor.set(family, set);
  }
  const sorted = <T>(m: Map<string, T>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    schema: COVERAGE_SCHEMA,
    sources: counted,
    labels: Object.fromEntries(sorted(labels).map(([label, { family, models }]) => [label, { family, models: [...models].sort() }])),
    vendors: Object.fromEntries(sorted(byVendor).map(([family, models]) => [family, vendorCoverage([...models].sort())])),
  };
}

function vendorCoverage(models: string[]): { lines: LineCoverage[]; range: string } {
  const lines = new Map<string, LineCoverage>();
  for (const model of models) {
    const parsed = parseModelVersion(model);
    if (!parsed) continue;
    const entry = lines.get(parsed.line) ?? { line: parsed.line, from: null, to: null };
    const v = parsed.version;
    if (v) {
      // Of equal versions the shorter spelling is kept: "Claude 2", not "Claude 2.0".
      if (!entry.from || compareVersions(v, entry.from) < 0 || (compareVersions(v, entry.from) === 0 && v.length < entry.from.length)) entry.from = v;
      if (!entry.to || compareVersions(v, entry.to) > 0 || (compareVersions(v, entry.to) === 0 && v.length < entry.to.length)) entry.to = v;
    }
    lines.set(parsed.line, entry);
  }
  const list = [...lines.values()];
  // Without any named line (Cohere's "command-r", 01.AI's "yi-large"), the exact ids are the honest answer.
  const range = list.length > 0 ? list.map(lineRange).join(', ') : models.join(', ');
  return { lines: list, range };
}

/** "Claude 2 to Claude 4.6", "o1 to o4", "Gemma" (no version read). */
export function lineRange({ line, from, to }: LineCoverage): string {
  if (!from || !to) return line;
  return compareVersions(from, to) === 0 ? versionName(line, to) : `${versionName(line, from)} to ${versionName(line, to)}`;
}
