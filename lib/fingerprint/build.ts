/**
 * buildSignatures(): corpus records → versioned signature JSON. Steps (docs/fingerprint.md §Model):
 *  1. dense feature statistics (mean, sd, per-label means) on the training records;
 *  2. a held-apart split by prompt/topic group: model A of every option candidate (skeleton block kept or
 *     dropped × learning-rate ramp) trained on the rest and scored there; the best candidate's predictions on
 *     the held-apart part fit the temperatures (one per task of the top label), the pooling exponent, the
 *     abstention length and the similarity matrix. Run inside an evaluation fold, this is a nested selection:
 *     no option is chosen on evaluation data;
 *  3. model B (chosen options) trained on all training records, pruned to the strongest rows and quantised.
 */
import { DEFAULTS } from './defaults';
import type { BuildOptions } from './defaults';
import { DENSE_NAMES, FEATURE_SET_VERSION, SPARSE_BLOCKS } from './features';
import { fitPoolExponent, fitTemperature, nll } from './model/calibrate';
import { encodeModel } from './model/encode';
import { softmaxInPlace, trainSoftmax } from './model/train';
import type { LinearModel, TrainOptions, TrainSet } from './model/train';
import { foldOf, prepare } from './prepare';
import type { Prepared } from './prepare';
import { applyFamilyHead, linearLogits, logitsOf, standardize } from './score';
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
  const vectorizer = (skeleton: number) => ({
    hashBits: o.hashBits,
    blockWeights: { ...prep.blockWeights, skeleton: skeleton ? prep.blockWeights.skeleton : 0 },
    denseWeight: o.denseWeight,
    zClip: o.zClip,
  });
  const base = (selection: Selection, skeleton: number): Omit<SignaturesJson, 'model' | 'calibration' | 'abstention' | 'similarity' | 'familyHead'> => ({
    schemaVersion: SCHEMA_VERSION,
    featureSetVersion: FEATURE_SET_VERSION,
    labels: prep.labels,
    families: prep.families,
    labelFamily: prep.labelFamily,
    build: { date: new Date().toISOString(), tool: 'modelprint buildSignatures', seed: o.seed, trainRecords: subset.length, options: optionsJson(o), selection },
    corpus: corpusInfo(prep, subset, o),
    vectorizer: vectorizer(skeleton),
    dense: {
      names: [...DENSE_NAMES],
      mean: Array.from(mean),
      sd: Array.from(sd),
      labelMean: labelSum.map((s, c) => Array.from(s, (x) => round(x / Math.max(1, labelN[c]!), 4))),
    },
  });
  // 2. Held-apart calibration split (by prompt / topic group, inside the training records).
  const fit: number[] = [], held: number[] = [];
  for (const i of subset) (foldOf(prep.groups[i]!, 1000, o.seed ^ 0x5a5a) < o.calibrationShare * 1000 ? held : fit).push(i);
  const heldY = held.map((i) => prep.y[i]!);
  // 2a. Option selection on the held-apart split (greedy, one option at a time from the first candidates):
  // model A of each candidate is trained on `fit` and scored on the held-apart answers.
  const hasSkeleton = (prep.blockWeights.skeleton ?? 0) > 0;
  const grid: Record<keyof Candidate, number[]> = {
    skeleton: hasSkeleton ? [...new Set(o.selectSkeleton.map((x) => (x ? 1 : 0)))] : [0],
    rateFloor: [...new Set(o.selectRateFloor)],
    minGroups: [...new Set(o.selectMinGroups.map((x) => Math.max(1, Math.round(x))))],
  };
  const fitCounts = grid.minGroups.some((g) => g > 1) ? groupCounts(prep, fit, set.dim) : null;
  const selection: Selection = [];
  const tryCandidate = (c: Candidate): Trial => {
    const cset = filtered(set, prep, c.skeleton || !hasSkeleton ? -1 : SPARSE_BLOCKS.indexOf('skeleton'), c.minGroups > 1 ? fitCounts : null, c.minGroups, subset);
    log(`  model A (skeleton ${c.skeleton ? 'kept' : 'dropped'}, rate floor ${c.rateFloor}, n-grams seen in >= ${c.minGroups} prompt groups) on ${fit.length} records, held apart ${held.length}`);
    const model = trainSoftmax(cset, fit, { ...train, rateFloor: c.rateFloor });
    const sigA = loadSignatures({
      ...base([], c.skeleton),
      model: encodeModel(model, o.keepRows),
      calibration: { temperature: 1, temperatureByTop: prep.labels.map(() => 1), taskOfLabel: prep.labels.map(() => ''), poolExponent: 1 },
      abstention: { minWords: 0, accuracyByWords: [], uncutAccuracy: 0 },
      similarity: prep.labels.map(() => prep.labels.map(() => 0)),
      familyHead: null,
    });
    const logits = held.map((i) => logitsFor(sigA, cset, prep, i));
    const temperature = fitTemperature(logits, heldY);
    const acc = logits.reduce((n, l, k) => n + (argmax(l) === heldY[k] ? 1 : 0), 0) / Math.max(1, held.length);
    const loss = nll(logits, heldY, temperature);
    selection.push({ ...c, heldAccuracy: round(acc), heldLogLoss: round(loss), chosen: false });
    log(`    held-apart model top-1 ${(acc * 100).toFixed(1)}%, log-loss ${loss.toFixed(4)}`);
    return { ...c, set: cset, model, logits, acc, loss, temperature };
  };
  let best = tryCandidate({ skeleton: grid.skeleton[0]!, rateFloor: grid.rateFloor[0]!, minGroups: grid.minGroups[0]! });
  for (const option of ['skeleton', 'rateFloor', 'minGroups'] as const) {
    for (const value of grid[option].slice(1)) {
      const t = tryCandidate({ skeleton: best.skeleton, rateFloor: best.rateFloor, minGroups: best.minGroups, [option]: value });
      if (t.acc > best.acc || (t.acc === best.acc && t.loss < best.loss)) best = t;
    }
  }
  const chosen = best;
  selection.find((c) => c.skeleton === chosen.skeleton && c.rateFloor === chosen.rateFloor && c.minGroups === chosen.minGroups)!.chosen = true;
  // The final model's n-gram filter counts prompt groups over all training records, not only `fit`.
  const finalSet = chosen.minGroups > 1 ? filtered(set, prep, chosen.skeleton || !hasSkeleton ? -1 : SPARSE_BLOCKS.indexOf('skeleton'), groupCounts(prep, subset, set.dim), chosen.minGroups, subset) : chosen.set;
  // 2b. Calibration of the chosen model A: one temperature per task of the top label, then pooling,
  // abstention and similarity from the calibrated held-apart probabilities.
  const heldLogits = chosen.logits;
  const taskOfLabel = majorityTask(prep, subset);
  const byTask = new Map<string, number>();
  for (const task of new Set(taskOfLabel)) {
    const ks = held.map((_, k) => k).filter((k) => taskOfLabel[argmax(heldLogits[k]!)] === task);
    const enough = o.minTaskCalibration > 0 && ks.length >= o.minTaskCalibration;
    byTask.set(task, enough ? fitTemperature(ks.map((k) => heldLogits[k]!), ks.map((k) => heldY[k]!)) : chosen.temperature);
  }
  const temperatureByTop = taskOfLabel.map((t) => round(byTask.get(t)!));
  const labelP = heldLogits.map((l) => { const t = temperatureByTop[argmax(l)]!; const p = Float64Array.from(l, (x) => x / t); softmaxInPlace(p); return p; });
  const familyOf = Int32Array.from(prep.labels, (l) => prep.families.indexOf(prep.labelFamily[l]!));
  // 2c. Family head: the same features, trained to predict the family; blended with the summed label
  // probabilities by the weight that does best on the held-apart answers (0 = no head).
  const head = familyHeadFor(prep, chosen, familyOf, fit, held, labelP, base([], chosen.skeleton), train, o, log);
  const heldP = head.heldP;
  const poolExponent = fitPoolExponent(heldP.map((p) => Float64Array.from(p, (x) => Math.log(Math.max(1e-9, x)))), heldY, C, o.seed);
  const confusion = Array.from({ length: C }, () => new Array<number>(C).fill(0));
  const counts = new Float64Array(C);
  heldP.forEach((p, k) => { counts[heldY[k]!]!++; p.forEach((x, c) => (confusion[heldY[k]!]![c]! += x)); });
  confusion.forEach((row, c) => row.forEach((_, j) => (row[j] = row[j]! / Math.max(1, counts[c]!))));
  const abstention = lengthThreshold(familyOf, prep, held, heldLogits, o);
  log(`  chosen: skeleton ${chosen.skeleton ? 'kept' : 'dropped'}, rate floor ${chosen.rateFloor}, min prompt groups ${chosen.minGroups}; temperature ${chosen.temperature.toFixed(3)} (${[...byTask].map(([t, v]) => `${t} ${v.toFixed(3)}`).join(', ')}), pool exponent ${poolExponent.toFixed(3)}, min words ${abstention.minWords}`);
  // 3. Final model on everything (the evaluation may skip this refit to halve its runtime; it then scores
  // model A, which saw 80% of the training folds: a slightly pessimistic measurement).
  const modelB = o.refit === false ? chosen.model : trainSoftmax(finalSet, subset, { ...train, rateFloor: chosen.rateFloor });
  const headB = head.blend === 0 ? null : o.refit === false ? head.modelA! : trainSoftmax({ ...head.set, idx: finalSet.idx, val: finalSet.val }, subset, { ...train, rateFloor: chosen.rateFloor });
  return {
    ...base(selection, chosen.skeleton),
    model: encodeModel(modelB, o.keepRows),
    calibration: { temperature: round(chosen.temperature), temperatureByTop, taskOfLabel, poolExponent: round(poolExponent) },
    abstention,
    similarity: similarityFromConfusion(confusion),
    familyHead: headB ? { model: encodeModel(headB, o.familyKeepRows), temperature: round(head.temperature), blend: head.blend } : null,
  };
}

type Selection = SignaturesJson['build']['selection'];


/**
 * Trains family head A on `fit`, fits its temperature on the held-apart answers and picks the blend with the
 * best held-apart family top-1 (ties: lower family log-loss). Returns the held-apart label probabilities after
 * the blend (for pooling, similarity), and what the final build needs to refit the head.
 */
function familyHeadFor(prep: Prepared, chosen: Trial, familyOf: Int32Array, fit: number[], held: number[], labelP: Float64Array[],
  base: Omit<SignaturesJson, 'model' | 'calibration' | 'abstention' | 'similarity' | 'familyHead'>, train: TrainOptions, o: Resolved, log: (m: string) => void) {
  const F = prep.families.length;
  const set: TrainSet = { ...chosen.set, classes: F, y: Int32Array.from(prep.y, (y) => familyOf[y]!) };
  const none = { blend: 0, heldP: labelP, temperature: 1, set, modelA: undefined as LinearModel | undefined };
  const blends = [...new Set(o.familyBlends)].sort((a, b) => a - b);
  if (!blends.some((b) => b > 0) || held.length === 0) return none;
  log(`  family head A on ${fit.length} records`);
  const modelA = trainSoftmax(set, fit, { ...train, rateFloor: chosen.rateFloor });
  const sig = loadSignatures({
    ...base,
    model: encodeModel(chosen.model, o.keepRows),
    calibration: { temperature: 1, temperatureByTop: prep.labels.map(() => 1), taskOfLabel: prep.labels.map(() => ''), poolExponent: 1 },
    abstention: { minWords: 0, accuracyByWords: [], uncutAccuracy: 0 },
    similarity: prep.labels.map(() => prep.labels.map(() => 0)),
    familyHead: { model: encodeModel(modelA, o.familyKeepRows), temperature: 1, blend: 1 },
  });
  const nD = DENSE_NAMES.length;
  const z = new Float64Array(nD), scratch = new Float64Array(prep.labels.length);
  const famLogits = held.map((i) => {
    const v = { dense: prep.dense.subarray(i * nD, (i + 1) * nD) as unknown as Float64Array, nnz: set.idx[i]!.length, idx: set.idx[i]!, val: set.val[i]! };
    logitsOf(sig, v, z, scratch);
    const out = new Float64Array(F);
    linearLogits(sig.familyHead!, v, z, out);
    return out;
  });
  const famY = held.map((i) => familyOf[prep.y[i]!]!);
  const temperature = fitTemperature(famLogits, famY);
  let best = { ...none, acc: -1, loss: Infinity };
  for (const blend of blends) {
    const trial = loadSignatures({ ...sig.json, familyHead: { ...sig.json.familyHead!, temperature, blend } });
    let hits = 0, loss = 0;
    const heldP = labelP.map((p, k) => {
      const q = Float64Array.from(p), f = Float64Array.from(famLogits[k]!);
      applyFamilyHead(trial, q, f);
      if (argmax(f) === famY[k]) hits++;
      loss -= Math.log(Math.max(1e-12, f[famY[k]!]!));
      return q;
    });
    const acc = hits / held.length;
    loss /= held.length;
    log(`    family blend ${blend}: held-apart family top-1 ${(acc * 100).toFixed(1)}%, log-loss ${loss.toFixed(4)}`);
    if (acc > best.acc || (acc === best.acc && loss < best.loss)) best = { blend, heldP, temperature, set, modelA, acc, loss };
  }
  return best;
}

function argmax(l: ArrayLike<number>): number {
  let top = 0;
  for (let c = 1; c < l.length; c++) if (l[c]! > l[top]!) top = c;
  return top;
}

/** The task (chat-instruction, persuasion-dialogue, ...) most of each label's training answers belong to. */
function majorityTask(prep: Prepared, subset: number[]): string[] {
  const counts = prep.labels.map(() => new Map<string, number>());
  for (const i of subset) {
    const m = counts[prep.y[i]!]!;
    const t = prep.records[i]!.task ?? 'unknown';
    m.set(t, (m.get(t) ?? 0) + 1);
  }
  return counts.map((m) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'unknown');
}

interface Candidate { skeleton: number; rateFloor: number; minGroups: number }
type Trial = Candidate & { set: TrainSet; model: LinearModel; logits: Float64Array[]; acc: number; loss: number; temperature: number };

/** In how many distinct split groups (prompts / debate topics) of `rows` each hashed bucket occurs. */
function groupCounts(prep: Prepared, rows: number[], dim: number): Int32Array {
  const byGroup = new Map<string, number[]>();
  for (const i of rows) {
    const g = byGroup.get(prep.groups[i]!);
    if (g) g.push(i);
    else byGroup.set(prep.groups[i]!, [i]);
  }
  const count = new Int32Array(dim), last = new Int32Array(dim).fill(-1);
  let g = 0;
  for (const members of byGroup.values()) {
    for (const i of members) for (const b of prep.idx[i]!) if (last[b] !== g) { last[b] = g; count[b]!++; }
    g++;
  }
  return count;
}

/**
 * The training set (records of `rows`) without the entries of one sparse block (`dropBlock`, -1 for none) and,
 * when `counts` is given, without hashed buckets seen in fewer than `minGroups` prompt groups: words tied to
 * a few prompts teach topic, not style. Same dense part and labels. Returns `set` itself when nothing is cut.
 */
function filtered(set: TrainSet, prep: Prepared, dropBlock: number, counts: Int32Array | null, minGroups: number, rows: number[]): TrainSet {
  if (dropBlock < 0 && !counts) return set;
  const keep = (b: number, bucket: number) => b !== dropBlock && (!counts || counts[bucket]! >= minGroups);
  const idx: Int32Array[] = new Array(set.idx.length);
  const val: Float32Array[] = new Array(set.val.length);
  for (const i of rows) {
    const b = prep.blk[i]!, x = set.idx[i]!, v = set.val[i]!;
    let n = 0;
    for (let k = 0; k < b.length; k++) if (keep(b[k]!, x[k]!)) n++;
    const xi = new Int32Array(n), vi = new Float32Array(n);
    for (let k = 0, j = 0; k < b.length; k++) if (keep(b[k]!, x[k]!)) { xi[j] = x[k]!; vi[j++] = v[k]!; }
    idx[i] = xi;
    val[i] = vi;
  }
  return { ...set, idx, val };
}

function logitsFor(sig: Signatures, set: TrainSet, prep: Prepared, i: number): Float64Array {
  const nD = DENSE_NAMES.length;
  const out = new Float64Array(sig.labels.length);
  const v = { dense: prep.dense.subarray(i * nD, (i + 1) * nD) as unknown as Float64Array, nnz: set.idx[i]!.length, idx: set.idx[i]!, val: set.val[i]! };
  logitsOf(sig, v, new Float64Array(nD), out);
  return out;
}

/**
 * Family top-1 accuracy of held-apart answers by natural length bucket (answers as written, not cut: cutting
 * long answers was tried and is far more pessimistic than real short answers, see docs/evaluation.md).
 * minWords is the lowest bucket bound from which no judged bucket is clearly below abstainRelativeAccuracy × the
 * accuracy over all lengths (upper 95% Wilson bound under it); never below abstainFloorWords.
 */
function lengthThreshold(familyOf: Int32Array, prep: Prepared, held: number[], heldLogits: Float64Array[], o: Resolved): SignaturesJson['abstention'] {
  const b = o.abstainBuckets;
  const ok = new Float64Array(b.length), n = new Float64Array(b.length);
  let allOk = 0;
  held.forEach((i, k) => {
    const l = heldLogits[k]!;
    let top = 0;
    for (let c = 1; c < l.length; c++) if (l[c]! > l[top]!) top = c;
    const hit = familyOf[top] === familyOf[prep.y[i]!] ? 1 : 0;
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
    // A bucket blocks only when it is clearly worse: even the upper end of its 95% Wilson interval is below
    // the bar (a few dozen answers per bucket otherwise move the threshold from fold to fold).
    if (judged && wilsonUpper(ok[j]!, n[j]!) < o.abstainRelativeAccuracy * overall) { minWords = Math.max(o.abstainFloorWords, b[j + 1] ?? b[j]!); break; }
  }
  return { minWords, accuracyByWords, uncutAccuracy: round(overall, 3) };
}

/** Upper bound of the 95% Wilson score interval of a proportion (hits of n). */
export function wilsonUpper(hits: number, n: number): number {
  if (n <= 0) return 1;
  const z = 1.96, p = hits / n, z2 = z * z;
  return (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
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
