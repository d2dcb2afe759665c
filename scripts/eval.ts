/**
 * npm run eval -- [corpus.jsonl] [--folds 5] [--refit]
 * Grouped K-fold evaluation of the exact product path: for each fold, buildFromPrepared() on the other folds
 * (which holds its own calibration split apart inside the training folds), then attribute() on the raw text of
 * every test answer. Groups: prompt_id for chat answers, debate topic for persuasion turns, so a prompt or a
 * topic never appears on both sides. Prints and writes docs/evaluation.md (a hand-written part after the
 * NOTES marker is kept).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { attribute } from '../lib/fingerprint/attribute';
import { buildFromPrepared, resolveOptions } from '../lib/fingerprint/build';
import { similarityFromConfusion } from '../lib/fingerprint/model/confusion';
import { pool } from '../lib/fingerprint/pool';
import { foldOf, prepare } from '../lib/fingerprint/prepare';
import { loadSignatures } from '../lib/fingerprint/signatures';
import type { Signatures } from '../lib/fingerprint/signatures';
import { mulberry32 } from '../lib/fingerprint/hash';
import { DEFAULT_CORPUS, readCorpus } from './corpus-io';
import { accuracy, calibration, markdownTable, pct, rankOf } from './corpus-metrics';
import type { Prediction } from './corpus-metrics';

const DOC = resolve(import.meta.dirname, '../docs/evaluation.md');
const DATA = resolve(import.meta.dirname, '../lib/fingerprint/data/signatures.json');
const NOTES = '<!-- NOTES: everything below is hand-written and kept by scripts/eval.ts -->';
/** Salt of the outer folds; differs from the build's calibration-split salt so the two splits are independent. */
const EVAL_SALT = 0xe7a1;
const CHAT = 'chat-instruction';
const DEBATE = 'persuasion-dialogue';
const LENGTHS = [0, 25, 50, 100, 200, 400, 800, Infinity];
const POOL_SIZES = [5, 10];
/** Random same-label pools drawn per label and fold for the pooled figures. */
const POOLS_PER_LABEL = 40;

const args = process.argv.slice(2);
const foldsArg = args.indexOf('--folds');
const K = foldsArg >= 0 ? Number(args[foldsArg + 1]) : 5;
const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--folds') ?? DEFAULT_CORPUS;
/**
 * Without --refit each fold scores the calibration model (trained on the training folds minus the held-apart
 * calibration groups) instead of refitting on all training folds: half the runtime, slightly pessimistic.
 */
const refit = args.includes('--refit');
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0)}s] ${m}`);

const { records, sha256 } = readCorpus(path);
log(`read ${records.length} records (sha256 ${sha256.slice(0, 12)}…), ${K} grouped folds`);
const o = resolveOptions();
const prep = prepare(records, o.hashBits, o.blockWeights);
log('features prepared');
const preds: Prediction[] = [];
const pooled: Record<string, { family: number; model: number; n: number }> = {};
let sig!: Signatures;
const times: number[] = [];
/** What each fold's build chose on its own held-apart split (nested selection), for the report. */
const choices: Array<Array<string | number>> = [];
for (let k = 0; k < K; k++) {
  const train: number[] = [], test: number[] = [];
  prep.groups.forEach((g, i) => (foldOf(g, K, EVAL_SALT) === k ? test : train).push(i));
  sig = loadSignatures(buildFromPrepared(prep, train, { ...o, refit, log }));
  const j = sig.json;
  const picked = j.build.selection.find((c) => c.chosen)!;
  const temps = [...new Set(j.calibration.taskOfLabel)].map((t) => `${t} ${j.calibration.temperatureByTop[j.calibration.taskOfLabel.indexOf(t)]}`).join(', ');
  const describe = (c: { skeleton: number; rateFloor: number; minGroups: number }) => `${c.skeleton ? 'skeleton' : 'no skeleton'}, floor ${c.rateFloor}, groups ≥ ${c.minGroups}`;
  choices.push([k + 1, j.build.selection.map((c) => `${describe(c)}: ${pct(c.heldAccuracy)}`).join('; '), describe(picked), j.familyHead ? j.familyHead.blend : 0, temps, j.calibration.poolExponent, j.abstention.minWords]);
  const foldPreds: Prediction[] = [];
  for (const i of test) {
    const r = records[i]!;
    const s = performance.now();
    const a = attribute(r.text, sig, { explain: false });
    times.push(((performance.now() - s) * 2500) / Math.max(1, r.text.length));
    const p = new Float32Array(sig.labels.length);
    for (const m of a.models) p[sig.labels.indexOf(m.model)] = m.p;
    const label = sig.labels.indexOf(r.label);
    const family = sig.families.indexOf(r.family);
    const fp = new Float64Array(sig.families.length);
    p.forEach((x, c) => (fp[sig.familyOf[c]!]! += x));
    foldPreds.push({
      label, family, task: r.task ?? '', words: prep.words[i]!, p, modelRank: rankOf(p, label), familyRank: rankOf(fp, family),
      confidence: a.models[0]!.p, undetermined: a.undetermined, reason: a.reason,
    });
  }
  preds.push(...foldPreds);
  poolFold(foldPreds, sig, k);
  log(`fold ${k + 1}/${K}: ${test.length} test answers, chat model top-1 ${pct(accuracy(foldPreds.filter((p) => p.task === CHAT), 'modelRank', 1))}`);
}

/** Same-label pools of chat answers inside one test fold, attributed with pool(). */
function poolFold(ps: Prediction[], s: Signatures, k: number): void {
  const rand = mulberry32(1000 + k);
  for (let c = 0; c < s.labels.length; c++) {
    const members = ps.filter((p) => p.task === CHAT && p.label === c && !p.undetermined);
    for (const n of POOL_SIZES) {
      if (members.length < n) continue;
      const acc = (pooled[n] ??= { family: 0, model: 0, n: 0 });
      for (let t = 0; t < POOLS_PER_LABEL; t++) {
        const pick = sample(members, n, rand);
        const res = pool(pick.map((p) => asAttribution(p, s)), s);
        acc.n++;
        if (res.model === s.labels[c]) acc.model++;
        if (res.family === s.families[s.familyOf[c]!]) acc.family++;
      }
    }
  }
}

/** n distinct members drawn uniformly (partial Fisher–Yates, seeded). */
function sample<T>(xs: T[], n: number, rand: () => number): T[] {
  const a = [...xs];
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

function asAttribution(p: Prediction, s: Signatures) {
  const models = s.labels.map((model, c) => ({ model, family: s.families[s.familyOf[c]!]!, p: p.p[c]! })).sort((a, b) => b.p - a.p);
  return { model: models[0]!.model, family: models[0]!.family, confidence: models[0]!.p, undetermined: false, reason: null, models, families: [], explanation: [] };
}

// ---------- report ----------
const seconds = (performance.now() - t0) / 1000;
const chat = preds.filter((p) => p.task === CHAT);
const debate = preds.filter((p) => p.task === DEBATE);
const det = (ps: Prediction[]) => ps.filter((p) => !p.undetermined);
const cal = calibration(det(preds).map((p) => p.confidence), det(preds).map((p) => p.modelRank === 0));
const calChat = calibration(det(chat).map((p) => p.confidence), det(chat).map((p) => p.modelRank === 0));
const dataBytes = existsSync(DATA) ? statSync(DATA).size : NaN;
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? NaN;
const p95 = times[Math.floor(times.length * 0.95)] ?? NaN;

const out: string[] = [];
out.push('# Evaluation', '', `Written by \`npm run eval\` on ${new Date().toISOString().slice(0, 10)} — do not edit above the notes marker.`, '');
out.push(`Corpus: \`${path}\` (${records.length} records, sha256 \`${sha256}\`). ${K}-fold cross-validation grouped by prompt_id (chat) and by debate topic (persuasion): no prompt or topic is on both sides of a split. Each fold builds signatures with the production build (its calibration split is held apart inside the training folds; ${refit ? 'final refit on all training folds, as shipped' : 'no final refit: the fold scores the calibration model, trained on ~80% of the training folds, so figures are slightly pessimistic; run with --refit for the exact shipped procedure'}) and scores the raw texts with \`attribute()\`. All answers are counted; undetermined ones are ranked by their (uninformative-short-text) distribution. Runtime ${seconds.toFixed(0)} s.`, '');
const row = (name: string, ps: Prediction[]) => [name, ps.length, pct(accuracy(ps, 'familyRank', 1)), pct(accuracy(ps, 'familyRank', 3)), pct(accuracy(ps, 'modelRank', 1)), pct(accuracy(ps, 'modelRank', 3)), pct(ps.filter((p) => p.undetermined).length / ps.length)];
out.push('## Accuracy by genre', '', markdownTable(['genre', 'n', 'family top-1', 'family top-3', 'model top-1', 'model top-3', 'undetermined'], [row('chat-instruction', chat), row('persuasion-dialogue', debate), row('all', preds)]), '');
const targets: Array<[string, number, string, boolean]> = [
  ['chat family top-1', accuracy(chat, 'familyRank', 1), '≥ 75%', accuracy(chat, 'familyRank', 1) >= 0.75],
  ['chat model top-1', accuracy(chat, 'modelRank', 1), '≥ 60%', accuracy(chat, 'modelRank', 1) >= 0.6],
  ['debate model top-1', accuracy(debate, 'modelRank', 1), '≥ 95%', accuracy(debate, 'modelRank', 1) >= 0.95],
  ['pooled-10 chat family top-1', (pooled[10]?.family ?? NaN) / (pooled[10]?.n ?? NaN), '≥ 97%', (pooled[10]?.family ?? 0) / (pooled[10]?.n ?? 1) >= 0.97],
  ['ECE (top-1 model, all determined)', cal.ece, '≤ 0.05', cal.ece <= 0.05],
];
out.push('## Targets', '', markdownTable(['measure', 'measured', 'target', 'reached'], [
  ...targets.map(([n, v, t, ok]) => [n, n.startsWith('ECE') ? v.toFixed(3) : pct(v), t, ok ? 'yes' : 'no']),
  ['signature data', `${(dataBytes / 1e6).toFixed(2)} MB`, '≤ 1.5 MB', dataBytes <= 1.5e6 ? 'yes' : 'no'],
]), '');
out.push('## Options chosen inside each fold (nested: on the fold\'s own held-apart training groups)', '',
  'Every option the build compares (skeleton block kept or dropped, learning-rate floor, minimum prompt groups of an n-gram, tried greedily; family-head blend) and every calibrated quantity is chosen by `buildFromPrepared` on a held-apart split of the fold\'s training groups; the test fold plays no part.', '',
  markdownTable(['fold', 'held-apart model top-1 of each candidate', 'chosen', 'family-head blend', 'temperature by task', 'pool exponent', 'min words'], choices), '');
out.push('## By length (words of prose)', '');
const buckets = (ps: Prediction[]) => LENGTHS.slice(0, -1).map((lo, b) => {
  const hi = LENGTHS[b + 1]!;
  const sel = ps.filter((p) => p.words >= lo && p.words < hi);
  return [`${lo}–${hi === Infinity ? '∞' : hi - 1}`, sel.length, pct(accuracy(sel, 'familyRank', 1)), pct(accuracy(sel, 'modelRank', 1)), pct(sel.filter((p) => p.undetermined).length / Math.max(1, sel.length))];
});
out.push('Chat:', '', markdownTable(['words', 'n', 'family top-1', 'model top-1', 'undetermined'], buckets(chat)), '');
out.push('Persuasion:', '', markdownTable(['words', 'n', 'family top-1', 'model top-1', 'undetermined'], buckets(debate)), '');
out.push('## Pooled (chat answers of one label, random pools inside a test fold)', '', markdownTable(['answers pooled', 'pools', 'family top-1', 'model top-1'],
  POOL_SIZES.map((n) => [n, pooled[n]?.n ?? 0, pct((pooled[n]?.family ?? NaN) / (pooled[n]?.n ?? NaN)), pct((pooled[n]?.model ?? NaN) / (pooled[n]?.n ?? NaN))])), '');
out.push('## Calibration (top-1 model confidence, determined answers)', '', `ECE all: ${cal.ece.toFixed(3)}; chat only: ${calChat.ece.toFixed(3)}.`, '',
  markdownTable(['confidence', 'n', 'mean confidence', 'accuracy'], cal.table.filter((b) => b.n > 0).map((b) => [`${b.lo.toFixed(1)}–${b.hi.toFixed(1)}`, b.n, b.conf.toFixed(3), b.acc.toFixed(3)])), '');
const L = sig.labels;
const abbrev = L.map((_, i) => String(i + 1));
const confusion = (ps: Prediction[]) => {
  const m = L.map(() => L.map(() => 0));
  for (const p of ps) { let top = 0; p.p.forEach((x, c) => { if (x > p.p[top]!) top = c; }); m[p.label]![top]!++; }
  return m;
};
const confTable = (ps: Prediction[]) => {
  const m = confusion(ps);
  const rows = m.map((r, i) => [`${i + 1} ${L[i]}`, ...r.map((x) => (x === 0 ? '' : String(x)))]).filter((_, i) => m[i]!.some((x) => x > 0));
  return markdownTable(['true \\ predicted', ...abbrev], rows);
};
out.push('## Confusion matrix (model label, counts; columns numbered as rows)', '', 'Chat:', '', confTable(chat), '', 'Persuasion:', '', confTable(debate), '');
const meanP = L.map(() => L.map(() => 0));
const cnt = L.map(() => 0);
for (const p of preds) { cnt[p.label]!++; p.p.forEach((x, c) => (meanP[p.label]![c]! += x)); }
meanP.forEach((r, i) => r.forEach((_, j) => (r[j] = r[j]! / Math.max(1, cnt[i]!))));
const sim = similarityFromConfusion(meanP);
out.push('## Model-to-model similarity (symmetrised held-out confusion, 1 = indistinguishable)', '',
  markdownTable(['', ...abbrev], sim.map((r, i) => [`${i + 1} ${L[i]}`, ...r.map((x, j) => (i === j ? '·' : x >= 0.05 ? x.toFixed(2) : ''))])), '');
out.push('## Speed (attribute() inside the eval, normalised to 2,500 characters)', '', `median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms per 2,500 characters (no explanation; measured while training shares the CPU).`, '');
const previous = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
const notes = previous.includes(NOTES) ? previous.slice(previous.indexOf(NOTES)) : `${NOTES}\n`;
writeFileSync(DOC, out.join('\n') + '\n' + notes);
console.log(out.join('\n'));
log(`done in ${seconds.toFixed(0)} s; wrote ${DOC}`);
