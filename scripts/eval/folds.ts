/**
 * The grouped K-fold cross-validation of the product path, and leave-one-genre-out: each run builds signatures
 * with buildFromPrepared() on its training records only (the build holds its own calibration split apart
 * inside them and chooses its options there: nested), then scores the raw test texts with attribute().
 */
import { buildFromPrepared } from '../../lib/fingerprint/build';
import type { Resolved } from '../../lib/fingerprint/build/options';
import { GENRES } from '../../lib/fingerprint/corpus';
import { foldOf } from '../../lib/fingerprint/prepare';
import type { Prepared } from '../../lib/fingerprint/prepare';
import { decodeSignatures } from '../../lib/fingerprint/signatures';
import type { Signatures } from '../../lib/fingerprint/signatures';
import type { Prediction } from '../corpus-metrics';
import { poolFold } from './pooled';
import type { PoolFigures } from './pooled';
import { predict } from './predict';

/** Salt of the outer folds; differs from the build's calibration-split salt so the two splits are independent. */
export const EVAL_SALT = 0xe7a1;
const LOGO_SALT = 0x10e0;

export interface FoldRun { preds: Prediction[]; sigs: Signatures[]; times: number[] }

/** `only`: the folds to run (all by default), so folds can run in separate processes on a busy machine. */
export function crossValidate(prep: Prepared, K: number, o: Resolved, pooled: PoolFigures, log: (m: string) => void, only?: number[]): FoldRun {
  const run: FoldRun = { preds: [], sigs: [], times: [] };
  for (let k = 0; k < K; k++) {
    if (only && !only.includes(k)) continue;
    const train: number[] = [], test: number[] = [];
    prep.groups.forEach((g, i) => (foldOf(g, K, EVAL_SALT) === k ? test : train).push(i));
    const sig = decodeSignatures(buildFromPrepared(prep, train, o));
    run.sigs.push(sig);
    const preds = predict(prep, test, sig, run.times);
    run.preds.push(...preds);
    poolFold(preds, sig, k, pooled);
    const chat = preds.filter((p) => p.genre === 'chat');
    log(`fold ${k + 1}/${K}: ${test.length} test answers, chat vendor top-1 ${(100 * chat.filter((p) => p.familyRank === 0).length / Math.max(1, chat.length)).toFixed(1)}%`);
  }
  return run;
}

/**
 * Leave one genre out: for each genre G, signatures built without any answer of G score every answer of G (the
 * honest estimate for a genre no corpus has). To bound the runtime, each build trains on `share` of the other
 * genres' prompt groups (hash-chosen) and compares no option candidates: it uses the first value of every
 * option grid (fixed before any figure was seen), so nothing is chosen on G.
 */
export function leaveOneGenreOut(prep: Prepared, o: Resolved, share: number, log: (m: string) => void, genres: readonly string[] = GENRES): Prediction[] {
  const out: Prediction[] = [];
  const single = firstCandidateOnly(o);
  for (const g of genres) {
    const test: number[] = [], train: number[] = [];
    prep.genre.forEach((genre, i) => {
      if (genre === g) test.push(i);
      else if (foldOf(prep.groups[i]!, 1000, LOGO_SALT) < share * 1000) train.push(i);
    });
    if (test.length === 0) continue;
    const sig = decodeSignatures(buildFromPrepared(prep, train, single));
    const preds = predict(prep, test, sig);
    out.push(...preds);
    log(`leave out ${g}: trained on ${train.length}, ${test.length} test answers, vendor top-1 ${(100 * preds.filter((p) => p.familyRank === 0).length / preds.length).toFixed(1)}%`);
  }
  return out;
}

/** The options with only the first value of every grid: a build that trains one candidate and compares none. */
export function firstCandidateOnly(o: Resolved): Resolved {
  return { ...o, selectSkeleton: [o.selectSkeleton[0]!], selectRateFloor: [o.selectRateFloor[0]!], selectMinGroups: [o.selectMinGroups[0]!], selectGenreBalance: [o.selectGenreBalance[0]!], familyBlends: [o.familyBlends[0]!] };
}

/** The fold of each cross-validation prediction, in the order crossValidate() made them (fold by fold, records ascending). */
export function foldsOfPredictions(groups: string[], K: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < K; k++) groups.forEach((g) => { if (foldOf(g, K, EVAL_SALT) === k) out.push(k); });
  return out;
}
