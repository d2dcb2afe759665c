/**
 * Step 2c of the build: the family head. A second linear model over the same features predicts the family; it
 * is blended with the family probabilities summed from the labels by the weight that does best on the
 * held-apart answers (0 = no head). Returns the held-apart label probabilities after the blend and what the
 * final build needs to refit the head.
 */
import { DENSE_NAMES } from '../features';
import { argmax } from '../model/argmax';
import { fitTemperature } from '../model/calibrate';
import { encodeModel } from '../model/encode';
import { trainSoftmax } from '../model/train';
import type { LinearModel, TrainOptions, TrainSet } from '../model/train';
import type { Prepared } from '../prepare';
import { applyFamilyHead, linearLogits, logitsOf } from '../score';
import { decodeSignatures } from '../signatures';
import type { Signatures } from '../signatures';
import type { Resolved } from './options';
import type { Trial } from './select';

export interface FamilyHead { blend: number; heldP: Float64Array[]; temperature: number; set: TrainSet; modelA: LinearModel | undefined }

export function familyHeadFor(prep: Prepared, chosen: Trial, familyOf: Int32Array, fit: number[], held: number[], labelP: Float64Array[],
  scorer: Signatures, train: TrainOptions, o: Resolved, log: (m: string) => void): FamilyHead {
  const F = prep.families.length;
  const set: TrainSet = { ...chosen.set, classes: F, y: Int32Array.from(prep.y, (y) => familyOf[y]!) };
  const none: FamilyHead = { blend: 0, heldP: labelP, temperature: 1, set, modelA: undefined };
  const blends = [...new Set(o.familyBlends)].sort((a, b) => a - b);
  if (!blends.some((b) => b > 0) || held.length === 0) return none;
  log(`  family head A on ${fit.length} records`);
  const modelA = trainSoftmax(set, fit, { ...train, rateFloor: chosen.rateFloor });
  const sig = decodeSignatures({ ...scorer.json, familyHead: { model: encodeModel(modelA, o.familyKeepRows), temperature: 1, blend: 1 } });
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
    const trial = decodeSignatures({ ...sig.json, familyHead: { ...sig.json.familyHead!, temperature, blend } });
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
