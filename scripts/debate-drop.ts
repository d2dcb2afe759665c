/**
 * npm exec tsx scripts/debate-drop.ts -- [--share 0.3]
 * Why debate model top-1 fell (issue 14: 83.3% in v1, 77.6% in the 3-fold run), on TRAINING data only: a split
 * of the debate topics and prompt groups by its own salt (not the evaluation folds). Every answer of
 * `share` of the non-debate prompt groups plus every debate answer; debate topics of fold 0 (of 5) are
 * the test. Variants: the v1 data (train.jsonl) only vs all three files, genre balance 0.5 vs 0, the kept
 * hashed rows (pruning) doubled. Each
 * prints debate model top-1 (headline: top label within the top vendor, and plain argmax label), vendor
 * top-1, and where the headline errors go (another label of the same vendor, or another vendor).
 */
import { buildFromPrepared, resolveOptions } from '../lib/fingerprint/build';
import { foldOf } from '../lib/fingerprint/prepare';
import { decodeSignatures } from '../lib/fingerprint/signatures';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';
import { firstCandidateOnly } from './eval/folds';
import { predict } from './eval/predict';
import { preparedFor } from './prepared-cache';

const args = process.argv.slice(2);
const share = args.includes('--share') ? Number(args[args.indexOf('--share') + 1]) : 0.3;
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`);
const corpus = readCorpusFiles(DEFAULT_CORPUS_FILES);
const base = resolveOptions();
const prep = preparedFor(corpus.records, corpus.sha256, base.hashBits, base.blockWeights, log);
const v1Records = corpus.files[0]!.records; // train.jsonl comes first
const test: number[] = [], trainAll: number[] = [];
prep.groups.forEach((g, i) => {
  const debate = prep.genre[i] === 'debate';
  if (debate && foldOf(g, 5, 0xdeba) === 0) test.push(i);
  else if (debate || foldOf(g, 1000, 0x1e7e) < share * 1000) trainAll.push(i);
});
const trainV1 = trainAll.filter((i) => i < v1Records);
log(`debate test ${test.length} (${new Set(test.map((i) => prep.groups[i])).size} topics); train all ${trainAll.length}, v1 only ${trainV1.length}`);
const single = firstCandidateOnly({ ...base, refit: false, log: () => {} });
const variants: Array<[string, number[], number, number]> = [
  ['all three files, genre balance 0.5 (shipped)', trainAll, 0.5, base.keepRows],
  ['v1 data (train.jsonl), genre balance 0', trainV1, 0, base.keepRows],
  ['all three files, genre balance 0.5, twice the kept rows', trainAll, 0.5, 2 * base.keepRows],
  ['all three files, genre balance 0', trainAll, 0, base.keepRows],
];
for (const [name, train, beta, keepRows] of variants) {
  const sig = decodeSignatures(buildFromPrepared(prep, train, { ...single, selectGenreBalance: [beta], keepRows }));
  const ps = predict(prep, test, sig);
  const head = ps.filter((p) => p.headModel === p.label).length / ps.length;
  const arg = ps.filter((p) => p.modelRank === 0).length / ps.length;
  const vend = ps.filter((p) => p.familyRank === 0).length / ps.length;
  const wrong = ps.filter((p) => p.headModel !== p.label);
  const sameVendor = wrong.filter((p) => sig.familyOf[p.headModel] === sig.familyOf[p.label]).length;
  const to = new Map<string, number>();
  for (const p of wrong) { const k = `${sig.labels[p.label]}→${sig.labels[p.headModel]}`; to.set(k, (to.get(k) ?? 0) + 1); }
  log(`${name}: model top-1 headline ${(100 * head).toFixed(1)}%, argmax ${(100 * arg).toFixed(1)}%, vendor ${(100 * vend).toFixed(1)}%; errors ${wrong.length}, same vendor ${sameVendor}; top confusions ${[...to].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}
