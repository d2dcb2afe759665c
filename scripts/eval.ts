/**
 * npm run eval -- [corpus.jsonl ...] [--folds 5] [--refit] [--logo-share 0.5] [--single] [--no-logo] [--no-write] [--part cv|logo]
 *   [--fold k] [--genres chat,debate] [--report-only]
 * Grouped K-fold evaluation of the exact product path (scripts/eval/folds.ts), figures per genre, leave-one-
 * genre-out, pooled groups and their calibration, the evidence label by length and a field check on real saved
 * chatbot pages. Groups: prompt_id (SpeechMap China questions with their translations), debate topic for
 * persuasion turns, so a prompt or a topic never appears on both sides. Prints and writes docs/evaluation.md
 * (a hand-written part after the NOTES marker is kept).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { resolveOptions } from '../lib/fingerprint/build';
import { GENRES, groupOf } from '../lib/fingerprint/corpus';
import { decodeSignatures, loadSignatures } from '../lib/fingerprint/signatures';
import type { SignaturesJson } from '../lib/fingerprint/signatures';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';
import type { Prediction } from './corpus-metrics';
import { eceOf, headlineModelAccuracy, markdownTable, pct, accuracy } from './corpus-metrics';
import { fieldCheck } from './eval/field-check';
import { crossValidate, firstCandidateOnly, foldsOfPredictions, leaveOneGenreOut } from './eval/folds';
import { relabelStrength } from './eval/predict';
import type { FoldRun } from './eval/folds';
import { emptyPoolFigures, mergePoolFigures, POOL_SIZES } from './eval/pooled';
import type { PoolFigures } from './eval/pooled';
import { evidenceTable, familyConfusion, similarityTable, fieldTables, GENRES_2025, genreTable, logoTable, mixedTable, poolTable, reliabilityTable, vendorRecall } from './eval/report';
import { preparedFor } from './prepared-cache';

const DOC = resolve(import.meta.dirname, '../docs/evaluation.md');
const DATA = resolve(import.meta.dirname, '../lib/fingerprint/data/signatures.json');
const NOTES = '<!-- NOTES: everything below is hand-written and kept by scripts/eval.ts -->';

const args = process.argv.slice(2);
const valueOf = (name: string, fallback: number) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const K = valueOf('--folds', 5);
let logoShare = valueOf('--logo-share', 0.5);
const paths = args.filter((a, i) => !a.startsWith('--') && !['--folds', '--logo-share', '--part', '--fold', '--genres'].includes(args[i - 1] ?? ''));
const files = paths.length > 0 ? paths : DEFAULT_CORPUS_FILES;
/**
 * Without --refit each fold scores the calibration model (trained on the training folds minus the held-apart
 * calibration groups) instead of refitting on all training folds: half the runtime, slightly pessimistic.
 */
const refit = args.includes('--refit');
/**
 * --single: each fold's build trains the first candidate of every option grid and compares none (to bound the
 * runtime on a busy machine); the shipped build's own comparison is in signatures.json build.selection.
 */
const single = args.includes('--single');
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`);

const corpus = readCorpusFiles(files);
const { records } = corpus;
log(`read ${records.length} records (${corpus.files.map((f) => `${f.file} ${f.records}`).join(', ')}), ${K} grouped folds`);
const o = resolveOptions({ refit, log });
const prep = args.includes('--report-only') ? null! : preparedFor(records, corpus.sha256, o.hashBits, o.blockWeights, log);
/**
 * The measured figures are kept in a temporary file, so a report can be rewritten (--report-only) without
 * another hour of training on a busy machine.
 */
const CACHE = (part: string) => resolve(tmpdir(), `modelprint-eval-${corpus.sha256.slice(0, 12)}-k${K}${single ? '-single' : ''}-${part}.v8`);
/**
 * --part cv | logo runs one half; --fold k (1..K) runs one fold of the cross-validation and --genres a,b the
 * leave-one-genre-out builds of those genres only, so the work can share a busy machine's CPU in several
 * processes. Every fold and every left-out genre keeps its figures in its own temporary file as soon as it is
 * done; --report-only writes the report from those files without training anything.
 */
const part = args.includes('--part') ? args[args.indexOf('--part') + 1]! : 'all';
const onlyFold = args.includes('--fold') ? Number(args[args.indexOf('--fold') + 1]) - 1 : null;
const logoGenres = args.includes('--genres') ? args[args.indexOf('--genres') + 1]!.split(',') : [...GENRES];
if (onlyFold !== null && !(Number.isInteger(onlyFold) && onlyFold >= 0 && onlyFold < K)) throw new Error(`--fold must be 1..${K}`);
if (logoGenres.some((g) => !(GENRES as readonly string[]).includes(g))) throw new Error(`--genres must name genres of ${GENRES.join(', ')}`);
type FoldPart = { preds: Prediction[]; times: number[]; pooled: PoolFigures; sigJson: SignaturesJson; seconds: number };
/** `source`: where the figures come from when not from this run's processes (said in the report). */
type LogoPart = { logo: Prediction[]; share: number; seconds: number; source?: string };
let measured: { cv: FoldRun; pooled: PoolFigures; logo: Prediction[]; sigJson: SignaturesJson[] };
let partSeconds: { cv: number[]; logo: number[] } | null = null;
let foldsDone = Array.from({ length: K }, (_, k) => k);
let logoSource = '';
if (args.includes('--report-only')) {
  // A fold that did not finish is left out and the report says so (the machine may not allow all of them).
  foldsDone = Array.from({ length: K }, (_, k) => k).filter((k) => existsSync(CACHE(`cv-fold${k + 1}`)));
  if (foldsDone.length === 0) throw new Error(`--report-only found no fold figures (${CACHE('cv-fold1')} ...)`);
  const folds = foldsDone.map((k) => deserialize(readFileSync(CACHE(`cv-fold${k + 1}`))) as FoldPart);
  const logos = GENRES.filter((g) => existsSync(CACHE(`logo-${g}`))).map((g) => deserialize(readFileSync(CACHE(`logo-${g}`))) as LogoPart);
  if (new Set(logos.map((l) => l.share)).size > 1) throw new Error('the stored leave-one-genre-out figures were run with different shares');
  if (logos.length) logoShare = logos[0]!.share;
  const sigJson = folds.map((f) => f.sigJson);
  measured = {
    cv: { preds: folds.flatMap((f) => f.preds), times: folds.flatMap((f) => f.times), sigs: sigJson.map((j) => decodeSignatures(j)) },
    pooled: mergePoolFigures(folds.map((f) => f.pooled)), logo: logos.flatMap((l) => l.logo), sigJson,
  };
  partSeconds = { cv: folds.map((f) => f.seconds), logo: logos.map((l) => l.seconds).filter(Number.isFinite) };
  logoSource = [...new Set(logos.map((l) => l.source).filter(Boolean))].join('; ');
  const foldOfPred = foldsOfPredictions(records.map(groupOf), K).filter((k) => foldsDone.includes(k)).map((k) => foldsDone.indexOf(k));
  relabelStrength(measured.cv.preds, foldOfPred, measured.cv.sigs);
  // The pooled figures are the ones measured in the run, with the pool rules each fold's build fitted.
  log(`figures read from ${folds.length} fold files and ${logos.length} left-out genre files`);
} else {
  const oFold = single ? firstCandidateOnly(o) : o;
  const run: FoldRun = { preds: [], sigs: [], times: [] };
  const pooledParts: PoolFigures[] = [];
  for (let k = 0; k < K && part !== 'logo'; k++) {
    if (onlyFold !== null && k !== onlyFold) continue;
    const t = performance.now();
    const pooled = emptyPoolFigures();
    const r = crossValidate(prep, K, oFold, pooled, log, [k]);
    run.preds.push(...r.preds); run.times.push(...r.times); run.sigs.push(...r.sigs);
    pooledParts.push(pooled);
    writeFileSync(CACHE(`cv-fold${k + 1}`), serialize({ preds: r.preds, times: r.times, pooled, sigJson: r.sigs[0]!.json, seconds: (performance.now() - t) / 1000 } satisfies FoldPart));
  }
  const logo: Prediction[] = [];
  for (const g of args.includes('--no-logo') || part === 'cv' ? [] : logoGenres) {
    const t = performance.now();
    const preds = leaveOneGenreOut(prep, { ...o, log: () => {} }, logoShare, log, [g]);
    logo.push(...preds);
    writeFileSync(CACHE(`logo-${g}`), serialize({ logo: preds, share: logoShare, seconds: (performance.now() - t) / 1000 } satisfies LogoPart));
  }
  if (part !== 'all' || onlyFold !== null || args.includes('--genres')) {
    log(`part done; figures kept in ${CACHE('*')} (npm run eval -- --report-only ... writes the report)`);
    process.exit(0);
  }
  measured = { cv: run, pooled: mergePoolFigures(pooledParts), logo, sigJson: run.sigs.map((s) => s.json) };
}
const { cv, pooled, logo } = measured;
let shipped = null, fieldProblem = 'the committed signatures were not found';
try {
  shipped = loadSignatures(JSON.parse(readFileSync(DATA, 'utf8')));
} catch (error) {
  fieldProblem = `the committed signatures do not load: ${(error as Error).message}`;
}
const field = shipped ? await fieldCheck(shipped) : null;

// ---------- report ----------
const seconds = (performance.now() - t0) / 1000;
const preds = cv.preds;
const sig = cv.sigs[0]!;
const byGenre = (g: string) => preds.filter((p) => p.genre === g);
const chat = byGenre('chat'), debate = byGenre('debate'), g2025 = preds.filter((p) => GENRES_2025.includes(p.genre));
const trainCount = new Map<string, number>();
for (const r of records) if (GENRES_2025.includes(r.genre ?? '')) trainCount.set(r.family, (trainCount.get(r.family) ?? 0) + 1);
const recall = vendorRecall(preds, sig, trainCount);
const ece = eceOf(preds);
const pool10 = pooled.bySize[10]!;
const poolEce = POOL_SIZES.map((n) => eceOfPool(n));
const dataBytes = existsSync(DATA) ? statSync(DATA).size : NaN;
const times = [...cv.times].sort((a, b) => a - b);

function eceOfPool(n: number): number {
  const s = pooled.bySize[n]!;
  let e = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, c: 0, a: 0 }));
  s.familyConf.forEach((c, i) => { const b = bins[Math.min(9, Math.floor(c * 10))]!; b.n++; b.c += c; b.a += s.familyOk[i] ? 1 : 0; });
  for (const b of bins) if (b.n) e += (b.n / s.familyConf.length) * Math.abs(b.a / b.n - b.c / b.n);
  return e;
}

const yes = (ok: boolean) => (ok ? 'yes' : 'no');
const targets: Array<[string, string, string, boolean]> = [
  ['2025 genres: vendor top-1', pct(vendorTop1(g2025)), '≥ 85%', vendorTop1(g2025) >= 0.85],
  [`2025 genres: weakest recall of the ${recall.judged} vendors with ≥ 100 answers there`, pct(recall.weakest), '≥ 60%', recall.weakest >= 0.6],
  ['leave-one-genre-out: vendor top-1 (all left-out answers)', pct(vendorTop1(logo)), '≥ 60%', vendorTop1(logo) >= 0.6],
  ['benchmark chat: vendor top-1', pct(vendorTop1(chat)), '≥ 75% (v1 56.7%)', vendorTop1(chat) >= 0.75],
  ['benchmark chat: model top-1', pct(headlineModelAccuracy(chat)), '≥ 60% (v1 46.0%)', headlineModelAccuracy(chat) >= 0.6],
  ['debate: model top-1', pct(headlineModelAccuracy(debate)), '≥ 95% (v1 83.3%)', headlineModelAccuracy(debate) >= 0.95],
  ['pooled 10 answers of one label: vendor top-1', pct(pool10.familyOk.filter(Boolean).length / pool10.familyOk.length), '≥ 97%', pool10.familyOk.filter(Boolean).length / pool10.familyOk.length >= 0.97],
  ...POOL_SIZES.map((n, i): [string, string, string, boolean] => [`pooled ${n}: ECE of the vendor confidence`, poolEce[i]!.toFixed(3), '≤ 0.05', poolEce[i]! <= 0.05]),
  ['single answer: ECE of the model confidence', ece.model.toFixed(3), '≤ 0.05', ece.model <= 0.05],
  ['single answer: ECE of the vendor confidence', ece.family.toFixed(3), '≤ 0.05', ece.family <= 0.05],
  ['signature data', `${(dataBytes / 1e6).toFixed(2)} MB`, '≤ 2 MB', dataBytes <= 2e6],
];
function minutes(xs: number[]): string {
  if (!xs.length) return '–';
  const m = xs.map((x) => x / 60);
  return `${Math.min(...m).toFixed(0)}–${Math.max(...m).toFixed(0)} min`;
}
function vendorTop1(ps: typeof preds) { return accuracy(ps, 'familyRank', 1); }
function poolRulesCell(j: SignaturesJson): string {
  const r = j.calibration.poolRules;
  if (!r) return 'fixed (schema 3)';
  return `agreement ${r.strongAgreement.toFixed(3)}, component ≥ ${r.componentShare} and ≥ ${r.componentAnswers} answers, scattered ${r.scatteredMin ?? 'off'}, cap ${r.capMixed ? 'on' : 'off'} (held apart: ECE ${r.held.eceBySize.map(([, e]) => e.toFixed(3)).join('/')}, false mixed ${pct(r.held.falseMixed)}, two-vendor found ${pct(r.held.mixedFound)}; ${r.held.candidates} candidates)`;
}

const out: string[] = [];
out.push('# Evaluation', '', `Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} — do not edit above the notes marker.`, '');
out.push(`Corpus: ${corpus.files.map((f) => `\`${f.file}\` (${f.records} records, sha256 \`${f.sha256.slice(0, 16)}…\`)`).join(', ')}: ${records.length} records. ${K}-fold cross-validation grouped by prompt (a SpeechMap China question together with its Finnish and Chinese versions) and by debate topic: no prompt or topic is on both sides of a split. Each fold builds signatures with the production build (${single ? 'one option candidate, the first of every grid, none compared (--single); its calibration' : 'its option choice and calibration'} on a split held apart inside the training folds; ${refit ? 'final refit on all training folds, as shipped' : 'no final refit: the fold scores the calibration model, trained on ~80% of the training folds, so figures are slightly pessimistic; --refit runs the exact shipped procedure'}) and scores the raw texts with \`attribute()\`. All answers are counted; undetermined ones are ranked by their distribution. "Model top-1" is the headline model (the top label within the top vendor). ${partSeconds ? `Report written from the stored figures of the measuring runs (each fold and each left-out genre in its own process on the shared machine: ${minutes(partSeconds.cv)} per fold, ${minutes(partSeconds.logo)} per left-out genre); the pooled figures are those of the run, with the pool rules each fold's build fitted.` : `Runtime ${seconds.toFixed(0)} s on a shared machine.`}`, '');
if (foldsDone.length < K) out.push(`**Only folds ${foldsDone.map((k) => k + 1).join(', ')} of ${K} finished in the time the shared machine allowed; every cross-validation figure below is over their test answers (${preds.length} of ${records.length}).**`, '');
const logoMissing = GENRES.filter((g) => !logo.some((p) => p.genre === g));
if (logo.length && logoMissing.length) out.push(`**Leave-one-genre-out: ${logoMissing.join(', ')} did not finish; the leave-one-genre-out figures are over the other genres.**`, '');
out.push('## Targets', '', markdownTable(['measure', 'measured', 'target', 'reached'], targets.map(([n, v, t, ok]) => [n, v, t, yes(ok)])), '');
out.push('## By genre (cross-validation)', '', genreTable(preds), '');
out.push('## Leave one genre out', '', `Signatures built without any answer of the genre score every answer of it: the estimate for a genre no corpus has. Each of these builds trains on ${pct(logoShare)} of the other genres' prompt groups (hash-chosen, to bound the runtime) with the first value of every option grid (no option candidates compared), no family head and no refit.${logoSource ? ` These figures are ${logoSource}.` : ''}`, '', logo.length ? logoTable(logo, preds) : '(skipped: --no-logo)', '');
out.push('## Vendor recall in the 2025 genres (cross-validation)', '', recall.table, '');
out.push('## Options chosen inside each fold (nested: on the fold\'s own held-apart training groups)', '',
  'The build compares its option candidates on a held-apart split of the fold\'s training groups (criterion: held-apart model top-1 averaged over the genres, each genre once); the test fold plays no part. The genre-balance rows are the genre-balanced-training lever.', '',
  markdownTable(['fold', 'held-apart top-1 (mean over genres) of each candidate', 'temperature by task', 'pool scale / exponent', 'pool rules (fitted on held-apart groups)', 'min words'], cv.sigs.map((s, k) => {
    const j = s.json;
    const temps = [...new Set(j.calibration.taskOfLabel)].map((t) => `${t} ${j.calibration.temperatureByTop[j.calibration.taskOfLabel.indexOf(t)]}`).join(', ');
    return [k + 1, j.build.selection.map((c) => `${c.skeleton ? 'skeleton' : 'no skeleton'}, floor ${c.rateFloor}, groups ≥ ${c.minGroups}, genre balance ${c.genreBalance}: ${pct(c.heldAccuracy)}${c.chosen ? ' (chosen)' : ''}`).join('; '), temps, `${j.calibration.poolScale} / ${j.calibration.poolExponent}`, poolRulesCell(j), j.abstention.minWords];
  })), '');
out.push('## Pooled groups of one source (random groups of one label\'s determined answers inside a test fold)', '', poolTable(pooled), '',
  'Vendor confidence is the pooled p of the named vendor; ECE over 10 equal-width bins. "Flagged mixed" on one-label groups is a false alarm (or a label whose answers really read like two vendors).', '');
out.push('### Two-vendor groups', '', mixedTable(pooled), '');
out.push('## Evidence label by length (cross-validation)', '', `\`evidenceStrength()\` caps the label by the vendor accuracy the build measured at the answer's length on its held-apart split (\`calibration.evidenceByLength\`) and by the answer's own vendor probability. Measured here on the test folds:`, '', evidenceTable(preds, o.evidenceBuckets), '');
out.push('## Single-answer calibration (vendor confidence, determined answers)', '', `ECE vendor ${ece.family.toFixed(3)}, model ${ece.model.toFixed(3)}.`, '', reliabilityTable(preds), '');
out.push('## Field check: real saved chatbot pages', '', field ? `The answers on the saved pages in \`../shared/fixtures/real-dom/\`, read through the capture code (site adapter, scanPage, readAnswer in happy-dom), attributed with the committed signatures and compared with the site's operator. A handful of answers, reported, never tuned to; pages whose adapter records nothing show 0 answers.\n\n${fieldTables(field)}` : `(not run: ${shipped ? '../shared/fixtures/real-dom/ not found' : fieldProblem})`, '');
out.push('## Vendor confusion (cross-validation, counts; columns numbered as rows)', '', familyConfusion(preds, sig), '');
out.push('## Model-to-model similarity (symmetrised held-out confusion, 1 = indistinguishable; shown from 0.10)', '', similarityTable(preds, sig), '');
out.push('## Speed (attribute() inside the eval, normalised to 2,500 characters)', '', `median ${(times[Math.floor(times.length / 2)] ?? NaN).toFixed(2)} ms, p95 ${(times[Math.floor(times.length * 0.95)] ?? NaN).toFixed(2)} ms per 2,500 characters (no explanation; measured while training shares the CPU; \`npm run bench\` owns the speed figures).`, '');
const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
const report = out.join('\n') + '\n';
if (!args.includes('--no-write')) writeFileSync(DOC, report + notes);
console.log(report);
log(`done in ${seconds.toFixed(0)} s${args.includes('--no-write') ? '' : `; wrote ${DOC}`}`);
