/**
 * npm run levers -- [--share 0.2] [--leave puzzle]
 * Exploratory comparison of the genre-robustness levers of issue 14 on a subsample of TRAINING data only
 * (never on the folds docs/evaluation.md reports): `share` of the prompt groups (hash-chosen), split 80/20 by
 * group; every variant trains one model on the 80% without genre `leave`, and is scored on the 20% of the other
 * genres (in-genre, vendor top-1 averaged over genres) and on every `leave` answer of the subsample (left-out
 * genre). Prints a markdown table; the figures are quoted in docs/evaluation.md's notes.
 */
import { buildFromPrepared, resolveOptions } from '../lib/fingerprint/build';
import { DENSE_NAMES, SPARSE_BLOCKS } from '../lib/fingerprint/features';
import { foldOf } from '../lib/fingerprint/prepare';
import type { Prepared } from '../lib/fingerprint/prepare';
import { decodeSignatures } from '../lib/fingerprint/signatures';
import type { Signatures } from '../lib/fingerprint/signatures';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';
import { markdownTable, pct } from './corpus-metrics';
import type { Prediction } from './corpus-metrics';
import { firstCandidateOnly } from './eval/folds';
import { predict } from './eval/predict';
import { preparedFor } from './prepared-cache';

const args = process.argv.slice(2);
const share = args.includes('--share') ? Number(args[args.indexOf('--share') + 1]) : 0.2;
const leave = args.includes('--leave') ? args[args.indexOf('--leave') + 1]! : 'puzzle';
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const corpus = readCorpusFiles(DEFAULT_CORPUS_FILES);
const base = resolveOptions();
const prep = preparedFor(corpus.records, corpus.sha256, base.hashBits, base.blockWeights, log);
const sub: number[] = [];
prep.groups.forEach((g, i) => { if (foldOf(g, 1000, 0x1e7e) < share * 1000) sub.push(i); });
const train = sub.filter((i) => foldOf(prep.groups[i]!, 5, 0x2e7e) !== 0 && prep.genre[i] !== leave);
const inGenre = sub.filter((i) => foldOf(prep.groups[i]!, 5, 0x2e7e) === 0 && prep.genre[i] !== leave);
const leftOut = sub.filter((i) => prep.genre[i] === leave);
log(`subsample ${sub.length}: train ${train.length}, in-genre test ${inGenre.length}, left-out ${leave} ${leftOut.length}`);

/** The prepared data without one sparse block (a view: vectors filtered, nothing re-extracted). */
function withoutBlock(p: Prepared, block: string): Prepared {
  const b = SPARSE_BLOCKS.indexOf(block as never);
  const idx = p.idx.map((x, i) => x.filter((_, k) => p.blk[i]![k] !== b));
  const val = p.val.map((x, i) => x.filter((_, k) => p.blk[i]![k] !== b));
  const blk = p.blk.map((x) => x.filter((v) => v !== b));
  return { ...p, idx, val, blk, blockWeights: { ...p.blockWeights, [block]: 0 } };
}

/** Dense rates centred on the mean of the same prompt's answers (all models) before training: style contrasts, not topic. */
function promptCentred(p: Prepared, rows: number[]): Prepared {
  const nD = DENSE_NAMES.length;
  const dense = Float32Array.from(p.dense);
  const sums = new Map<string, { s: Float64Array; n: number }>();
  const global = new Float64Array(nD);
  for (const i of rows) {
    const e = sums.get(p.groups[i]!) ?? { s: new Float64Array(nD), n: 0 };
    for (let f = 0; f < nD; f++) { e.s[f]! += p.dense[i * nD + f]!; global[f]! += p.dense[i * nD + f]! / rows.length; }
    e.n++;
    sums.set(p.groups[i]!, e);
  }
  for (const i of rows) {
    const e = sums.get(p.groups[i]!)!;
    if (e.n < 3) continue;
    for (let f = 0; f < nD; f++) dense[i * nD + f] = p.dense[i * nD + f]! - e.s[f]! / e.n + global[f]!;
  }
  return { ...p, dense };
}

const single = firstCandidateOnly({ ...base, refit: false });
const macro = (ps: Prediction[]) => {
  const gs = [...new Set(ps.map((p) => p.genre))];
  return gs.reduce((s, g) => { const sel = ps.filter((p) => p.genre === g); return s + sel.filter((p) => p.familyRank === 0).length / sel.length; }, 0) / gs.length;
};
const top1 = (ps: Prediction[]) => ps.filter((p) => p.familyRank === 0).length / Math.max(1, ps.length);
const rows: Array<Array<string | number>> = [];
const scored = new Map<string, { sig: Signatures; p: Prediction[]; q: Prediction[] }>();
const variants: Array<[string, Prepared, Partial<typeof single>]> = [
  ['reference: all features, genre balance 0.5', prep, {}],
  ['no genre balancing (β = 0)', prep, { selectGenreBalance: [0] }],
  ['genre-surviving features: without word n-grams (skeleton, structure, openers, dense rates)', withoutBlock(prep, 'word-ngrams'), {}],
  ['same-prompt contrast: dense rates centred per prompt in training', promptCentred(prep, train), {}],
];
for (const [name, p, extra] of variants) {
  log(`training: ${name}`);
  const sig = decodeSignatures(buildFromPrepared(p, train, { ...single, ...extra }));
  const ps = predict(p === prep ? prep : { ...p, records: prep.records }, inGenre, sig);
  const qs = predict(prep, leftOut, sig);
  scored.set(name, { sig, p: ps, q: qs });
  rows.push([name, pct(macro(ps)), pct(top1(ps.filter((x) => x.genre === 'chat'))), pct(top1(qs))]);
  log(`  in-genre ${pct(macro(ps))}, left-out ${leave} ${pct(top1(qs))}`);
}
// Ensemble of feature views: mean of the reference's and the genre-surviving model's label probabilities.
const [a, b] = [scored.get(variants[0]![0])!, scored.get(variants[2]![0])!];
const ensembled = (x: Prediction[], y: Prediction[]) => x.map((p, k) => {
  const q = Float32Array.from(p.p, (v, c) => (v + y[k]!.p[c]!) / 2);
  const fam = new Float64Array(a.sig.families.length);
  q.forEach((v, c) => (fam[a.sig.familyOf[c]!]! += v));
  let rank = 0;
  for (let f = 0; f < fam.length; f++) if (f !== p.family && fam[f]! >= fam[p.family]!) rank++;
  return { ...p, p: q, familyRank: rank };
});
const ep = ensembled(a.p, b.p), eq = ensembled(a.q, b.q);
rows.push(['ensemble of feature views: mean of the reference and the genre-surviving model', pct(macro(ep)), pct(top1(ep.filter((x) => x.genre === 'chat'))), pct(top1(eq))]);
console.log(`\nSubsample: ${share * 100}% of prompt groups, ${train.length} training answers (no ${leave}), ${inGenre.length} in-genre test answers, ${leftOut.length} left-out ${leave} answers. One model per row, no refit.\n`);
console.log(markdownTable(['lever', 'in-genre vendor top-1 (mean over genres)', 'chat vendor top-1', `left-out ${leave}: vendor top-1`], rows));
log('done');
