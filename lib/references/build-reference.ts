/**
 * Builds a custom reference from a labelled group: a logistic regression of the group's answers against the
 * background (answers of every bundled label) on the named features, calibrated by Platt scaling on
 * cross-validated scores so that exp(a·s + b) is the odds of "this reference" against "one of the bundled labels"
 * under a prior in which the reference is as likely as each bundled label. docs/signature-pack.md has the method
 * and its limits.
 */
import type { Attribution } from '../fingerprint/types';
import { seeded } from '../compare/prng';
import type { Background } from './training-background';
import { zVector } from './features';
import { fitLogistic, fitPlatt, score } from './logistic';
import { CUSTOM_PREFIX, type CustomReference } from './types';

/** Fewest answers a custom reference is built from. */
export const MIN_REFERENCE_SAMPLES = 20;

export interface ReferenceSample {
  features: Record<string, number>;
  /** The bundled-only attribution (to measure whether the reference would win). */
  attribution: Attribution;
  /** Answers of one prompt or conversation share a group, so cross-validation keeps them on one side. */
  group?: string;
  /** Where it came from (site, file), counted into the build record. */
  source?: string;
}

export interface BuildReferenceOptions {
  name: string;
  family?: string;
  featureSetVersion: string;
  skipped?: number;
  folds?: number;
  seed?: number;
  /** Called after each training (folds + the final one). */
  onProgress?: (done: number, total: number) => void;
  now?: () => Date;
}

export function referenceId(name: string): string {
  return CUSTOM_PREFIX + name.trim().toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
}

export function buildReference(samples: readonly ReferenceSample[], bg: Background, o: BuildReferenceOptions): CustomReference {
  const id = referenceId(o.name);
  if (id === CUSTOM_PREFIX) throw new Error('a custom reference needs a name');
  if (samples.length < MIN_REFERENCE_SAMPLES) {
    throw new Error(`a custom reference needs at least ${MIN_REFERENCE_SAMPLES} answers that can be attributed (got ${samples.length})`);
  }
  const folds = Math.max(2, Math.min(o.folds ?? 5, samples.length));
  const seed = o.seed ?? 1;
  const d = bg.d;
  const nP = samples.length, n = nP + bg.n;
  const x = new Float64Array(n * d);
  samples.forEach((s, i) => zVector(s.features, bg.standardization, x.subarray(i * d, (i + 1) * d)));
  x.set(bg.z, nP * d);
  const y = new Float64Array(n);
  y.fill(1, 0, nP);
  // Balanced for training; the prior enters through the calibration's weights below.
  const trainW = new Float64Array(n);
  trainW.fill(0.5 / nP, 0, nP);
  trainW.fill(0.5 / bg.n, nP);
  const prior = 1 / (bg.labels.length + 1);
  const calW = new Float64Array(n);
  calW.fill(prior / nP, 0, nP);
  calW.fill((1 - prior) / bg.n, nP);

  // Folds: the group's answers by prompt/conversation group, the background rows at random (seeded).
  const rand = seeded(seed);
  const groupFold = new Map<string, number>();
  const groups = [...new Set(samples.map((s, i) => s.group ?? `#${i}`))].sort();
  for (let i = groups.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [groups[i], groups[j]] = [groups[j]!, groups[i]!]; }
  groups.forEach((g, k) => groupFold.set(g, k % folds));
  const fold = new Int32Array(n);
  samples.forEach((s, i) => (fold[i] = groupFold.get(s.group ?? `#${i}`)!));
  for (let i = nP; i < n; i++) fold[i] = Math.floor(rand() * folds);

  const total = folds + 1;
  const oof = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (fold[i] !== f) rows.push(i);
    const m = fitLogistic(pick(x, rows, d), pick1(y, rows), pick1(trainW, rows), d);
    for (let i = 0; i < n; i++) if (fold[i] === f) oof[i] = score(m, x, i, d);
    o.onProgress?.(f + 1, total);
  }
  const calibration = fitPlatt(oof, y, calW);
  const final = fitLogistic(x, y, trainW, d);
  o.onProgress?.(total, total);

  const odds = (i: number) => Math.exp(Math.min(50, calibration.a * oof[i]! + calibration.b));
  let won = 0;
  const lost = new Map<string, number>();
  samples.forEach((s, i) => {
    const bundledTop = s.attribution.models[0];
    if (!bundledTop || odds(i) > bundledTop.p) won++;
    else lost.set(bundledTop.model, (lost.get(bundledTop.model) ?? 0) + 1);
  });
  const taken = new Float64Array(bg.labels.length), rowsOf = new Float64Array(bg.labels.length);
  for (let i = nP; i < n; i++) {
    const l = bg.rowLabel[i - nP]!;
    rowsOf[l]!++;
    if (odds(i) >= 1) taken[l]!++;
  }
  const sources: Record<string, number> = {};
  for (const s of samples) if (s.source) sources[s.source] = (sources[s.source] ?? 0) + 1;
  return {
    id,
    name: o.name.trim(),
    family: o.family?.trim() || id,
    standardization: bg.standardization,
    model: { weights: Array.from(final.weights, r6), bias: r6(final.bias), calibration: { a: r6(calibration.a), b: r6(calibration.b) } },
    build: {
      builtAt: (o.now?.() ?? new Date()).toISOString(),
      featureSetVersion: o.featureSetVersion,
      samples: nP,
      skipped: o.skipped ?? 0,
      sources,
      folds,
      seed,
      background: { answers: bg.n, labels: bg.labels.length, corpusSha256: bg.json.corpus.sha256 },
    },
    evaluation: {
      accuracy: r4(won / nP),
      n: nP,
      lostTo: [...lost].map(([label, k]) => ({ label, n: k })).sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1)),
      takes: bg.labels.map((label, l) => ({ label, share: r4(taken[l]! / Math.max(1, rowsOf[l]!)) })).sort((a, b) => b.share - a.share || (a.label < b.label ? -1 : 1)),
    },
  };
}

function pick(x: Float64Array, rows: number[], d: number): Float64Array {
  const out = new Float64Array(rows.length * d);
  rows.forEach((r, i) => out.set(x.subarray(r * d, (r + 1) * d), i * d));
  return out;
}
const pick1 = (a: Float64Array, rows: number[]) => Float64Array.from(rows, (r) => a[r]!);
const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
const r4 = (v: number) => Math.round(v * 1e4) / 1e4;
