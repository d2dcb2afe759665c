/** Step 1 of the build: dense feature statistics of the training records and the standardised training set. */
import { DENSE_NAMES } from '../features';
import type { TrainSet } from '../model/train';
import type { Prepared } from '../prepare';
import { standardize } from '../score';
import type { SignaturesJson } from '../signatures';
import { round } from './options';
import type { Resolved } from './options';

const sig6 = (x: number) => Number(x.toPrecision(6));

export interface Statistics {
  dense: SignaturesJson['dense'];
  /** Every record's standardised dense features are filled for `subset` (row-major, n × #dense). */
  set: TrainSet;
}

export function denseStatistics(prep: Prepared, subset: number[], o: Resolved): Statistics {
  const nD = DENSE_NAMES.length;
  const C = prep.labels.length;
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
  const z = new Float32Array(prep.y.length * nD);
  for (const i of subset) standardize(prep.dense.subarray(i * nD, (i + 1) * nD), mean, invSd, o.zClip, o.denseWeight / Math.sqrt(nD), z, i * nD);
  return {
    dense: {
      names: [...DENSE_NAMES],
      mean: Array.from(mean),
      sd: Array.from(sd),
      labelMean: labelSum.map((s, c) => Array.from(s, (x) => round(x / Math.max(1, labelN[c]!), 4))),
    },
    set: { classes: C, dim: 1 << o.hashBits, nDense: nD, idx: prep.idx, val: prep.val, dense: z, y: prep.y },
  };
}
