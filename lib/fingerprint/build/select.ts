/**
 * Step 2 of the build: option selection on the held-apart split. Model A of each candidate (skeleton block
 * kept or dropped, learning-rate floor, minimum prompt groups of an n-gram, genre-balancing exponent) is
 * trained on `fit` and scored on `held`; the search is greedy (from the first value of every option, each
 * option in turn tries its other values with the best so far). The criterion is held-apart model top-1
 * averaged over genres (each genre once), so 30,000 benchmark-chat answers do not decide alone
 * (ties: lower log-loss). Run inside an evaluation fold, this is a nested selection.
 */
import { SPARSE_BLOCKS } from '../features';
import { argmax } from '../model/argmax';
import { fitTemperature, nll } from '../model/calibrate';
import { trainSoftmax } from '../model/train';
import type { LinearModel, TrainSet } from '../model/train';
import type { Prepared } from '../prepare';
import type { SelectionCandidate, Signatures } from '../signatures';
import { round } from './options';
import type { Resolved } from './options';

export interface Candidate { skeleton: number; rateFloor: number; minGroups: number; genreBalance: number }
export type Trial = Candidate & { set: TrainSet; model: LinearModel; logits: Float64Array[]; acc: number; loss: number; temperature: number };

export interface SelectionInput {
  prep: Prepared;
  set: TrainSet;
  subset: number[];
  fit: number[];
  held: number[];
  o: Resolved;
  /** Decoded signatures that score a trained candidate (uncalibrated), for its skeleton setting. */
  scorer: (model: LinearModel, skeleton: number) => Signatures;
  /** Raw logits of record i under scoring signatures, with the candidate's own sparse rows. */
  logitsOf: (sig: Signatures, set: TrainSet, i: number) => Float64Array;
  log: (m: string) => void;
}

export function selectOptions(s: SelectionInput): { chosen: Trial; finalSet: TrainSet; selection: SelectionCandidate[] } {
  const { prep, set, subset, fit, held, o, log } = s;
  const hasSkeleton = (prep.blockWeights.skeleton ?? 0) > 0;
  const grid: Record<keyof Candidate, number[]> = {
    skeleton: hasSkeleton ? [...new Set(o.selectSkeleton.map((x) => (x ? 1 : 0)))] : [0],
    rateFloor: [...new Set(o.selectRateFloor)],
    minGroups: [...new Set(o.selectMinGroups.map((x) => Math.max(1, Math.round(x))))],
    genreBalance: [...new Set(o.selectGenreBalance)],
  };
  const heldY = held.map((i) => prep.y[i]!);
  const dropBlock = (c: Candidate) => (c.skeleton || !hasSkeleton ? -1 : SPARSE_BLOCKS.indexOf('skeleton'));
  const fitCounts = grid.minGroups.some((g) => g > 1) ? groupCounts(prep, fit, set.dim) : null;
  const selection: SelectionCandidate[] = [];
  const tryCandidate = (c: Candidate): Trial => {
    const cset = { ...filtered(set, prep, dropBlock(c), c.minGroups > 1 ? fitCounts : null, c.minGroups, subset), weight: genreWeights(prep, subset, c.genreBalance) };
    log(`  model A (skeleton ${c.skeleton ? 'kept' : 'dropped'}, rate floor ${c.rateFloor}, n-grams in >= ${c.minGroups} prompt groups, genre balance ${c.genreBalance}) on ${fit.length} records, held apart ${held.length}`);
    const model = trainSoftmax(cset, fit, { epochs: o.epochs, learningRate: o.learningRate, l2: o.l2, seed: o.seed, rateFloor: c.rateFloor });
    const sigA = s.scorer(model, c.skeleton);
    const logits = held.map((i) => s.logitsOf(sigA, cset, i));
    const temperature = fitTemperature(logits, heldY);
    const acc = genreMacroAccuracy(prep, held, logits);
    const loss = nll(logits, heldY, temperature);
    selection.push({ ...c, heldAccuracy: round(acc), heldLogLoss: round(loss), chosen: false });
    log(`    held-apart model top-1 (mean over genres) ${(acc * 100).toFixed(1)}%, log-loss ${loss.toFixed(4)}`);
    return { ...c, set: cset, model, logits, acc, loss, temperature };
  };
  let best = tryCandidate({ skeleton: grid.skeleton[0]!, rateFloor: grid.rateFloor[0]!, minGroups: grid.minGroups[0]!, genreBalance: grid.genreBalance[0]! });
  for (const option of ['skeleton', 'rateFloor', 'minGroups', 'genreBalance'] as const) {
    for (const value of grid[option].slice(1)) {
      const t = tryCandidate({ skeleton: best.skeleton, rateFloor: best.rateFloor, minGroups: best.minGroups, genreBalance: best.genreBalance, [option]: value });
      if (t.acc > best.acc || (t.acc === best.acc && t.loss < best.loss)) best = t;
    }
  }
  const same = (c: Candidate) => c.skeleton === best.skeleton && c.rateFloor === best.rateFloor && c.minGroups === best.minGroups && c.genreBalance === best.genreBalance;
  selection.find(same)!.chosen = true;
  // The final model's n-gram filter counts prompt groups over all training records, not only `fit`.
  const finalSet = best.minGroups > 1
    ? { ...filtered(set, prep, dropBlock(best), groupCounts(prep, subset, set.dim), best.minGroups, subset), weight: best.set.weight }
    : best.set;
  return { chosen: best, finalSet, selection };
}

/** Model top-1 of held-apart answers, averaged over the genres present (each genre counts once). */
export function genreMacroAccuracy(prep: Prepared, held: number[], logits: ArrayLike<number>[]): number {
  const hits = new Map<string, [number, number]>();
  held.forEach((i, k) => {
    const h = hits.get(prep.genre[i]!) ?? [0, 0];
    h[0] += argmax(logits[k]!) === prep.y[i] ? 1 : 0;
    h[1]++;
    hits.set(prep.genre[i]!, h);
  });
  let sum = 0;
  for (const [ok, n] of hits.values()) sum += ok / n;
  return hits.size > 0 ? sum / hits.size : 0;
}

/**
 * Genre-balancing weights: (answers of the record's genre among `rows`)^-β, normalised to mean 1 over `rows`;
 * undefined for β = 0 (every answer weighs 1).
 */
export function genreWeights(prep: Prepared, rows: number[], beta: number): Float32Array | undefined {
  if (!(beta > 0)) return undefined;
  const count = new Map<string, number>();
  for (const i of rows) count.set(prep.genre[i]!, (count.get(prep.genre[i]!) ?? 0) + 1);
  const w = new Float32Array(prep.y.length);
  let sum = 0;
  for (const i of rows) { w[i] = count.get(prep.genre[i]!)! ** -beta; sum += w[i]!; }
  const scale = rows.length / Math.max(1e-12, sum);
  for (const i of rows) w[i] = w[i]! * scale;
  return w;
}

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
