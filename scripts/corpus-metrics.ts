/** Metric helpers of the evaluation script (pure functions over per-answer predictions). */

export interface Prediction {
  label: number;
  family: number;
  task: string;
  genre: string;
  words: number;
  /** Calibrated p per label (signature label order). */
  p: Float32Array;
  modelRank: number;
  familyRank: number;
  /** The headline (what attribute() names): top family, and the top label within it. */
  headModel: number;
  headFamily: number;
  /** p of the headline model and of the headline family. */
  confidence: number;
  familyConfidence: number;
  undetermined: boolean;
  reason: string | null;
  strength: 'weak' | 'moderate' | 'strong';
}

/** A share as a percentage with one decimal; a value that rounds to zero is 0.0%, never -0.0%. */
export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1).replace(/^-(0\.0)$/, '$1')}%` : '–');

export function accuracy(ps: Prediction[], key: 'modelRank' | 'familyRank', k: number): number {
  if (ps.length === 0) return NaN;
  return ps.filter((p) => p[key] < k).length / ps.length;
}

/** Share of predictions whose headline model (what the user reads) is the true label. */
export function headlineModelAccuracy(ps: Prediction[]): number {
  return ps.length === 0 ? NaN : ps.filter((p) => p.headModel === p.label).length / ps.length;
}

export interface ReliabilityBin { lo: number; hi: number; n: number; conf: number; acc: number }

/** Expected calibration error of top-1 confidences (equal-width bins), with its reliability table. */
export function calibration(conf: number[], correct: boolean[], bins = 10): { ece: number; table: ReliabilityBin[] } {
  const table: ReliabilityBin[] = Array.from({ length: bins }, (_, b) => ({ lo: b / bins, hi: (b + 1) / bins, n: 0, conf: 0, acc: 0 }));
  conf.forEach((c, i) => {
    const b = table[Math.min(bins - 1, Math.floor(c * bins))]!;
    b.n++; b.conf += c; b.acc += correct[i] ? 1 : 0;
  });
  let ece = 0;
  for (const b of table) {
    if (b.n === 0) continue;
    ece += (b.n / conf.length) * Math.abs(b.acc / b.n - b.conf / b.n);
    b.conf /= b.n; b.acc /= b.n;
  }
  return { ece: conf.length > 0 ? ece : NaN, table };
}

/** ECE of the headline model confidence and of the headline family confidence, over determined answers. */
export function eceOf(ps: Prediction[]): { model: number; family: number } {
  const det = ps.filter((p) => !p.undetermined);
  return {
    model: calibration(det.map((p) => p.confidence), det.map((p) => p.headModel === p.label)).ece,
    family: calibration(det.map((p) => p.familyConfidence), det.map((p) => p.headFamily === p.family)).ece,
  };
}

/** Rank of `target` in p (0 = top), ties broken against the target (pessimistic). */
export function rankOf(p: ArrayLike<number>, target: number): number {
  let r = 0;
  for (let c = 0; c < p.length; c++) if (c !== target && p[c]! >= p[target]!) r++;
  return r;
}

export function markdownTable(head: string[], rows: Array<Array<string | number>>): string {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** n distinct members drawn uniformly (partial Fisher–Yates, seeded). */
export function sample<T>(xs: T[], n: number, rand: () => number): T[] {
  const a = [...xs];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}
