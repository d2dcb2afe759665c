/**
 * buildSignatures(): corpus records → versioned signature JSON. Steps (docs/fingerprint.md §Model):
 *  1. dense feature statistics (mean, sd, per-label means) on the training records;
 *  2. a held-apart split by prompt/topic group: model A trained on the rest, its predictions on the held-apart
 *     part fit the temperature, the pooling exponent, the abstention length and the similarity matrix;
 *  3. model B trained on all training records, pruned to the strongest hashed rows and quantised.
 */
import { DEFAULTS } from './defaults';
import type { BuildOptions } from './defaults';
import { DENSE_NAMES, FEATURE_SET_VERSION } from './features';
import { fitPoolExponent, fitTemperature } from './model/calibrate';
import { encodeModel } from './model/encode';
import { softmaxInPlace, trainSoftmax } from './model/train';
import type { TrainSet } from './model/train';
import { foldOf, prepare } from './prepare';
import type { Prepared } from './prepare';
import { logitsOf, standardize } from './score';
import { loadSignatures, SCHEMA_VERSION } from './signatures';
import type { Signatures, SignaturesJson } from './signatures';
import { similarityFromConfusion } from './model/confusion';
import type { CorpusRecord } from './types';

type Resolved = { -readonly [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends readonly number[] ? number[] : (typeof DEFAULTS)[K] } & BuildOptions;

export function resolveOptions(o: BuildOptions = {}): Resolved {
  return { ...DEFAULTS, abstainBuckets: [...DEFAULTS.abstainBuckets], ...o, blockWeights: { ...DEFAULTS.blockWeights, ...o.blockWeights } } as Resolved;
}

export function buildSignatures(records: CorpusRecord[], options: BuildOptions = {}): SignaturesJson {
  const o = resolveOptions(options);
  const prep = prepare(records, o.hashBits, o.blockWeights, o.log);
  return buildFromPrepared(prep, Array.from(records.keys()), o);
}

const sig6 = (x: number) => Number(x.toPrecision(6));

function round(x: number, d = 4): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

export function buildFromPrepared(prep: Prepared, subset: number[], options: BuildOptions = {}): SignaturesJson {
  const o = resolveOptions(options);
  const log = o.log ?? (() => {});
  const nD = DENSE_NAMES.length;
  const C = prep.labels.length;
  // 1. Dense statistics.
  const mean = new Float64Array(nD), sq = new Float64Array(nD);
  const labelSum = Array.from({ length: C }, () => new Float64Array(nD));
  const labelN = new Float64Array(C);
  for (const i of subset) {
    const y = prep.y[i]!;
    labelN[y]!++;
    for (let f = 0; f < nD; f++) {
      const v = prep.dense[i * nD + f]!;
      mean[f]! += v; sq[f]! += v * v; labelSum[y]![f]! += v;
    }
  }
  const sd = new Float64Array(nD);
  for (let f = 0; f < nD; f++) {
    mean[f] = mean[f]! / Math.max(1, subset.length);
    sd[f] = Math.sqrt(Math.max(0, sq[f]! / Math.max(1, subset.length) - mean[f]! ** 2));
    // The JSON stores 6 significant digits: use those exact values so training and scoring agree.
    mean[f] = sig6(mean[f]!);
    sd[f] = sig6(sd[f]!);
  }
  const invSd = sd.map((s) => (s > 0 ? 1 / s : 0));
  const denseScale = o.denseWeight / Math.sqrt(nD);
  const z = new Float32Array(prep.y.length * nD);
  for (const i of subset) standardize(prep.dense.subarray(i * nD, (i + 1) * nD), mean, invSd, o.zClip, denseScale, z, i * nD);
  const set: TrainSet = { classes: C, dim: 1 << o.hashBits, nDense: nD, idx: prep.idx, val: prep.val, dense: z, y: prep.y };
  const train = { epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, seed: o.seed };

  const base: Omit<SignaturesJson, 'model' | 'calibration' | 'abstention' | 'similarity'> = {
    schemaVersion: SCHEMA_VERSION,
    featureSetVersion: FEATURE_SET_VERSION,
    labels: prep.labels,
    families: prep.families,
    labelFamily: prep.labelFamily,
    build: { date: new Date().toISOString(), tool: 'modelprint buildSignatures', seed: o.seed, trainRecords: subset.length, options: optionsJson(o) },
    corpus: corpusInfo(prep, subset, o),
    vectorizer: { hashBits: o.hashBits, blockWeights: o.blockWeights, denseWeight: o.denseWeight, zClip: o.zClip },
    dense: {
      names: [...DENSE_NAMES],
      mean: Array.from(mean),
      sd: Array.from(sd),
      labelMean: labelSum.map((s, c) => Array.from(s, (x) => round(x / Math.max(1, labelN[c]!), 4))),
    },
  };
  // 2. Held-apart calibration split.
  const fit: number[] = [], held: number[] = [];
  for (const i of subset) (foldOf(prep.groups[i]!, 1000, o.seed ^ 0x5a5a) < o.calibrationShare * 1000 ? held : fit).push(i);
  log(`  model A on ${fit.length} records, calibration on ${held.length}`);
  const modelA = trainSoftmax(set, fit, train);
  const sigA = loadSignatures({
    ...base,
    model: encodeModel(modelA, o.keepRows),
    calibration: { temperature: 1, poolExponent: 1 },
    abstention: { minWords: 0, accuracyByWords: [], uncutAccuracy: 0 },
    similarity: prep.labels.map(() => prep.labels.map(() => 0)),
  });
  const heldLogits = held.map((i) => logitsFor(sigA, prep, i));
  const heldY = held.map((i) => prep.y[i]!);
  const temperature = fitTemperature(heldLogits, heldY);
  const heldP = heldLogits.map((l) => { const p = l.map((x) => x / temperature); softmaxInPlace(p); return p; });
  const poolExponent = fitPoolExponent(heldP.map((p) => p.map((x) => Math.log(Math.max(1e-9, x)))), heldY, C, o.seed);
  const confusion = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  const counts = new Float64Array(C);
  heldP.forEach((p, k) => { counts[heldY[k]!]!++; p.forEach((x, c) => (confusion[heldY[k]!]![c]! += x)); });
  confusion.forEach((row, c) => row.forEach((_, j) => (row[j] = row[j]! / Math.max(1, counts[c]!))));
  const abstention = lengthThreshold(sigA, prep, held, heldLogits, o);
  log(`  temperature ${temperature.toFixed(3)}, pool exponent ${poolExponent.toFixed(3)}, min words ${abstention.minWords}`);
  // 3. Final model on everything (the evaluation may skip this refit to halve its runtime; it then scores
  // model A, which saw 80% of the training folds: a slightly pessimistic measurement).
  const modelB = o.refit === false ? modelA : trainSoftmax(set, subset, train);
  return {
    ...base,
    model: encodeModel(modelB, o.keepRows),
    calibration: { temperature: round(temperature), poolExponent: round(poolExponent) },
    abstention,
    similarity: similarityFromConfusion(confusion),
  };
}

function logitsFor(sig: Signatures, prep: Prepared, i: number): Float64Array {
  const nD = DENSE_NAMES.length;
  const out = new Float64Array(sig.labels.length);
  const v = { dense: prep.dense.subarray(i * nD, (i + 1) * nD) as unknown as Float64Array, nnz: prep.idx[i]!.length, idx: prep.idx[i]!, val: prep.val[i]! };
  logitsOf(sig, v, new Float64Array(nD), out);
  return out;
}

/**
 * Family top-1 accuracy of held-apart answers by natural length bucket (answers as written, not cut: cutting
 * long answers was tried and is far more pessimistic than real short answers, see docs/evaluation.md).
 * minWords is the lowest bucket bound from which every judged bucket reaches abstainRelativeAccuracy × the
 * accuracy over all lengths; never below abstainFloorWords.
 */
function lengthThreshold(sig: Signatures, prep: Prepared, held: number[], heldLogits: Float64Array[], o: Resolved): SignaturesJson['abstention'] {
  const b = o.abstainBuckets;
  const ok = new Float64Array(b.length), n = new Float64Array(b.length);
  let allOk = 0;
  held.forEach((i, k) => {
    const l = heldLogits[k]!;
    let top = 0;
    for (let c = 1; c < l.length; c++) if (l[c]! > l[top]!) top = c;
    const hit = sig.familyOf[top] === sig.familyOf[prep.y[i]!] ? 1 : 0;
    allOk += hit;
    let j = b.length - 1;
    while (j > 0 && prep.words[i]! < b[j]!) j--;
    n[j]!++;
    ok[j]! += hit;
  });
  const overall = allOk / Math.max(1, held.length);
  const accuracyByWords: Array<[number, number]> = b.map((w, j) => [w, n[j]! > 0 ? round(ok[j]! / n[j]!, 3) : -1]);
  let minWords: number = o.abstainFloorWords;
  for (let j = b.length - 1; j >= 0; j--) {
    const judged = n[j]! >= o.abstainMinBucket;
    if (judged && ok[j]! / n[j]! < o.abstainRelativeAccuracy * overall) { minWords = Math.max(o.abstainFloorWords, b[j + 1] ?? b[j]!); break; }
  }
  return { minWords, accuracyByWords, uncutAccuracy: round(overall, 3) };
}

function optionsJson(o: Resolved): Record<string, unknown> {
  const { log: _log, provenance: _p, ...rest } = o;
  return rest;
}

function corpusInfo(prep: Prepared, subset: number[], o: Resolved): SignaturesJson['corpus'] {
  const byTask: Record<string, number> = {}, byLabel: Record<string, number> = {};
  for (const i of subset) {
    const r = prep.records[i]!;
    byTask[r.task ?? 'unknown'] = (byTask[r.task ?? 'unknown'] ?? 0) + 1;
    byLabel[r.label] = (byLabel[r.label] ?? 0) + 1;
  }
  return { file: o.provenance?.file ?? null, sha256: o.provenance?.sha256 ?? null, records: subset.length, byTask, byLabel };
}
