/**
 * "Which reference models does this group's style sit closest to?" Each label's share is the mean probability
 * the group's answers give it (so shares sum to 1 over labels, and a family's share is the sum of its labels').
 * A mean, not pool(): the pooled verdict of 100 answers is near certain about its top label, which says nothing
 * about how the group is spread over the others. Intervals are percentile bootstrap intervals over the group's
 * answers; "first" is the share of resamples in which the entry ranks first (the top place's stability).
 */
import { quantileSorted, seeded } from './prng';
import { COMPARE_DEFAULTS, type CompareOptions, type FamilyShare, type Group, type ReferenceRanking, type ReferenceShare } from './types';

interface Columns {
  names: string[];
  /** Row-major n × k probabilities. */
  p: Float64Array;
}

function labelColumns(group: Group): { labels: Columns; families: Columns; familyOf: Map<string, string> } {
  const familyOf = new Map<string, string>();
  const famSet = new Set<string>();
  for (const s of group.samples) {
    for (const m of s.attribution.models) familyOf.set(m.model, m.family);
    for (const f of s.attribution.families) famSet.add(f.family);
  }
  for (const f of familyOf.values()) famSet.add(f);
  const labels = [...familyOf.keys()].sort();
  const families = [...famSet].sort();
  const n = group.samples.length;
  const lp = new Float64Array(n * labels.length);
  const fp = new Float64Array(n * families.length);
  const li = new Map(labels.map((l, i) => [l, i] as const));
  const fi = new Map(families.map((f, i) => [f, i] as const));
  group.samples.forEach((s, r) => {
    for (const m of s.attribution.models) if (Number.isFinite(m.p)) lp[r * labels.length + li.get(m.model)!] = m.p;
    for (const f of s.attribution.families) if (Number.isFinite(f.p)) fp[r * families.length + fi.get(f.family)!] = f.p;
  });
  return { labels: { names: labels, p: lp }, families: { names: families, p: fp }, familyOf };
}

/** Column means of the rows `rows` (with repeats) of an n × k matrix. */
export function meanRows(p: Float64Array, k: number, rows: ArrayLike<number>, out = new Float64Array(k)): Float64Array {
  out.fill(0);
  for (let i = 0; i < rows.length; i++) {
    const base = rows[i]! * k;
    for (let c = 0; c < k; c++) out[c]! += p[base + c]!;
  }
  for (let c = 0; c < k; c++) out[c] = out[c]! / rows.length;
  return out;
}

function argmax(a: Float64Array): number {
  let best = 0;
  for (let c = 1; c < a.length; c++) if (a[c]! > a[best]!) best = c;
  return best;
}

/** Shares with intervals and top-place stability for one set of columns; resample draws are shared. */
function bootstrapColumns(cols: Columns, draws: Int32Array[], level: number) {
  const k = cols.names.length;
  const n = draws[0]?.length ?? 0;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const share = meanRows(cols.p, k, all);
  const samples = cols.names.map(() => new Float64Array(draws.length));
  const firsts = new Float64Array(k);
  const scratch = new Float64Array(k);
  draws.forEach((rows, r) => {
    meanRows(cols.p, k, rows, scratch);
    for (let c = 0; c < k; c++) samples[c]![r] = scratch[c]!;
    firsts[argmax(scratch)]!++;
  });
  const tail = (1 - level) / 2;
  return cols.names.map((name, c) => {
    const s = samples[c]!.sort();
    return { name, share: share[c]!, low: quantileSorted(s, tail), high: quantileSorted(s, 1 - tail), first: firsts[c]! / Math.max(1, draws.length) };
  });
}

/** The resamples (row indices drawn with replacement) of an n-answer group, from one seeded generator. */
export function bootstrapDraws(n: number, resamples: number, seed: number): Int32Array[] {
  const rand = seeded(seed);
  return Array.from({ length: resamples }, () => {
    const rows = new Int32Array(n);
    for (let i = 0; i < n; i++) rows[i] = Math.floor(rand() * n);
    return rows;
  });
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
const bySharesDesc = <T extends { share: number }>(a: T & { key: string }, b: T & { key: string }) => b.share - a.share || (a.key < b.key ? -1 : 1);

export function rankReferences(group: Group, options: CompareOptions = {}): ReferenceRanking {
  const n = group.samples.length;
  if (n === 0) throw new Error(`group "${group.name}" has no answers that can be attributed (${group.skipped.total} too short or not prose)`);
  const resamples = Math.max(1, Math.floor(options.resamples ?? COMPARE_DEFAULTS.resamples));
  const level = options.level ?? COMPARE_DEFAULTS.level;
  const { labels, families, familyOf } = labelColumns(group);
  const draws = bootstrapDraws(n, resamples, options.seed ?? COMPARE_DEFAULTS.seed);
  const references: ReferenceShare[] = bootstrapColumns(labels, draws, level)
    .map((r) => ({ key: r.name, label: r.name, family: familyOf.get(r.name)!, share: r.share, low: r.low, high: r.high, first: r.first }))
    .sort(bySharesDesc)
    .map(({ key: _key, ...r }) => ({ ...r, share: round(r.share), low: round(r.low), high: round(r.high), first: round(r.first) }));
  const fams: FamilyShare[] = bootstrapColumns(families, draws, level)
    .map((r) => ({ key: r.name, family: r.name, share: r.share, low: r.low, high: r.high, first: r.first }))
    .sort(bySharesDesc)
    .map(({ key: _key, ...r }) => ({ ...r, share: round(r.share), low: round(r.low), high: round(r.high), first: round(r.first) }));
  return { n, skipped: group.skipped, resamples, level, references, families: fams };
}
