/**
 * buildSignatures(): corpus records → versioned, sealed signature JSON. Steps (docs/fingerprint.md §Model), one
 * module each under build/:
 *  1. statistics.ts: dense feature statistics (mean, sd, per-label means) on the training records;
 *  2. a held-apart split by prompt/topic group inside the training records, on which
 *     select.ts chooses the options (model A of every candidate trained on the rest, scored there),
 *     calibration.ts fits the temperatures, family-head.ts the family head and its blend, and
 *     abstention.ts the abstention length and the measured accuracy by length; pool()'s scale and exponent,
 *     its group rules (pool-rules.ts) and the similarity matrix come from the same calibrated held-apart
 *     probabilities. Run inside an
 *     evaluation fold, this is a nested selection: no option is chosen on evaluation data;
 *  3. model B (chosen options) trained on all training records, pruned to the strongest rows, quantised, sealed.
 */
import type { BuildOptions } from './defaults';
import { DENSE_NAMES, FEATURE_SET_VERSION } from './features';
import { genreOf } from './corpus';
import { evidenceByLength, lengthThreshold } from './build/abstention';
import { temperatures } from './build/calibration';
import { familyHeadFor } from './build/family-head';
import { fitPoolRules } from './build/pool-rules';
import { optionsJson, resolveOptions, round } from './build/options';
import type { Resolved } from './build/options';
import { uncalibrated } from './build/uncalibrated';
import { selectOptions } from './build/select';
import { denseStatistics } from './build/statistics';
import { sealSignatures } from './integrity';
import { fitPooling } from './model/calibrate';
import { meanConfusion, similarityFromConfusion } from './model/confusion';
import { encodeModel } from './model/encode';
import { trainSoftmax } from './model/train';
import type { LinearModel, TrainSet } from './model/train';
import { foldOf, prepare } from './prepare';
import type { Prepared } from './prepare';
import { logitsOf } from './score';
import { decodeSignatures, SCHEMA_VERSION } from './signatures';
import type { Signatures, SignaturesJson } from './signatures';
import type { CorpusRecord } from './types';

export { resolveOptions } from './build/options';
export { wilsonUpper } from './model/wilson';

export function buildSignatures(records: CorpusRecord[], options: BuildOptions = {}): SignaturesJson {
  const o = resolveOptions(options);
  const prep = prepare(records, o.hashBits, o.blockWeights, o.log);
  return buildFromPrepared(prep, Array.from(records.keys()), o);
}

type Base = Omit<SignaturesJson, 'model' | 'calibration' | 'abstention' | 'similarity' | 'familyHead' | 'integrity'>;

export function buildFromPrepared(prep: Prepared, subset: number[], options: BuildOptions = {}): SignaturesJson {
  const o = resolveOptions(options);
  const log = o.log ?? (() => {});
  // 1. Dense statistics and the standardised training set.
  const { dense, set } = denseStatistics(prep, subset, o);
  const base = (selection: SignaturesJson['build']['selection'], skeleton: number): Base => ({
    schemaVersion: SCHEMA_VERSION,
    featureSetVersion: FEATURE_SET_VERSION,
    labels: prep.labels,
    families: prep.families,
    labelFamily: prep.labelFamily,
    build: { date: new Date().toISOString(), tool: 'modelprint buildSignatures', seed: o.seed, trainRecords: subset.length, options: optionsJson(o), selection },
    corpus: corpusInfo(prep, subset, o),
    vectorizer: {
      hashBits: o.hashBits,
      blockWeights: { ...prep.blockWeights, skeleton: skeleton ? prep.blockWeights.skeleton : 0 },
      denseWeight: o.denseWeight,
      zClip: o.zClip,
    },
    dense,
  });
  const scorer = (model: LinearModel, skeleton: number): Signatures =>
    decodeSignatures({ ...base([], skeleton), model: encodeModel(model, o.keepRows), ...uncalibrated(prep.labels), familyHead: null, integrity: '' });
  // 2. Held-apart split (by prompt / topic group, inside the training records) and option selection.
  const fit: number[] = [], held: number[] = [];
  for (const i of subset) (foldOf(prep.groups[i]!, 1000, o.seed ^ 0x5a5a) < o.calibrationShare * 1000 ? held : fit).push(i);
  const heldY = held.map((i) => prep.y[i]!);
  const { chosen, finalSet, selection } = selectOptions({ prep, set, subset, fit, held, o, scorer, logitsOf: (sig, s, i) => logitsFor(sig, s, prep, i), log });
  // 2b-d. Calibration of the chosen model A on the held-apart answers.
  const temps = temperatures(prep, subset, chosen.logits, heldY, chosen.temperature, o);
  const familyOf = Int32Array.from(prep.labels, (l) => prep.families.indexOf(prep.labelFamily[l]!));
  const train = { epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, seed: o.seed };
  const head = familyHeadFor(prep, chosen, familyOf, fit, held, temps.heldP, scorer(chosen.model, chosen.skeleton), train, o, log);
  const logP = head.heldP.map((p) => Float64Array.from(p, (x) => Math.log(Math.max(1e-9, x))));
  const pooling = fitPooling(logP, heldY, familyOf, prep.families.length, o.poolSizes, o.seed);
  const poolRules = fitPoolRules(head.heldP, heldY, { familyOf, families: prep.families }, pooling, o);
  const abstention = lengthThreshold(familyOf, prep, held, chosen.logits, o);
  const evidence = evidenceByLength(familyOf, prep, held, head.heldP, o.evidenceBuckets);
  log(`  chosen: skeleton ${chosen.skeleton ? 'kept' : 'dropped'}, rate floor ${chosen.rateFloor}, min prompt groups ${chosen.minGroups}, genre balance ${chosen.genreBalance}; temperature ${chosen.temperature.toFixed(3)} (${[...temps.byTask].map(([t, v]) => `${t} ${v.toFixed(3)}`).join(', ')}), pool scale ${pooling.scale.toFixed(3)} exponent ${pooling.exponent.toFixed(2)}, pool rules ${JSON.stringify({ ...poolRules, held: undefined })}, min words ${abstention.minWords}`);
  // 3. Final model on everything (the evaluation may skip this refit to halve its runtime; it then scores
  // model A, which saw 80% of the training folds: a slightly pessimistic measurement).
  const modelB = o.refit === false ? chosen.model : trainSoftmax(finalSet, subset, { ...train, rateFloor: chosen.rateFloor });
  const headB = head.blend === 0 ? null : o.refit === false ? head.modelA! : trainSoftmax({ ...head.set, idx: finalSet.idx, val: finalSet.val }, subset, { ...train, rateFloor: chosen.rateFloor });
  return sealSignatures({
    ...base(selection, chosen.skeleton),
    model: encodeModel(modelB, o.keepRows),
    calibration: {
      temperature: round(chosen.temperature), temperatureByTop: temps.temperatureByTop, taskOfLabel: temps.taskOfLabel,
      poolExponent: round(pooling.exponent), poolScale: round(pooling.scale), evidenceByLength: evidence, poolRules,
    },
    abstention,
    similarity: similarityFromConfusion(meanConfusion(head.heldP, heldY, prep.labels.length)),
    familyHead: headB ? { model: encodeModel(headB, o.familyKeepRows), temperature: round(head.temperature), blend: head.blend } : null,
  });
}

function logitsFor(sig: Signatures, set: TrainSet, prep: Prepared, i: number): Float64Array {
  const nD = DENSE_NAMES.length;
  const out = new Float64Array(sig.labels.length);
  const v = { dense: prep.dense.subarray(i * nD, (i + 1) * nD) as unknown as Float64Array, nnz: set.idx[i]!.length, idx: set.idx[i]!, val: set.val[i]! };
  logitsOf(sig, v, new Float64Array(nD), out);
  return out;
}

function corpusInfo(prep: Prepared, subset: number[], o: Resolved): SignaturesJson['corpus'] {
  const byTask: Record<string, number> = {}, byLabel: Record<string, number> = {}, byGenre: Record<string, number> = {};
  const models = new Map<string, Set<string>>();
  for (const i of subset) {
    const r = prep.records[i]!;
    if (typeof r.model === 'string') models.set(r.label, (models.get(r.label) ?? new Set()).add(r.model));
    byTask[r.task ?? 'unknown'] = (byTask[r.task ?? 'unknown'] ?? 0) + 1;
    byLabel[r.label] = (byLabel[r.label] ?? 0) + 1;
    const g = genreOf(r);
    byGenre[g] = (byGenre[g] ?? 0) + 1;
  }
  return { file: o.provenance?.file ?? null, sha256: o.provenance?.sha256 ?? null, records: subset.length, byTask, byLabel, byGenre, files: o.provenance?.files ?? [],
    modelsByLabel: Object.fromEntries([...models].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([l, m]) => [l, [...m].sort()])),
  };
}
