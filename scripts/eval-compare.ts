/**
 * npm run eval:compare -- [corpus.jsonl] [--quick] [--reps N] [--cache DIR]
 * Measures group comparison and custom references on the corpus, on prompts the signatures never saw, and
 * writes docs/comparison.md (a hand-written part after the NOTES marker is kept):
 *  1. The corpus prompt groups (prompt id; debate topic) are split in halves. Signatures are built on half 1
 *     with the production builder; every answer of half 2 is attributed with them.
 *  2. False-positive rate at alpha 0.05: two disjoint halves (by prompt group) of one label's half-2 answers,
 *     n answers from each, one per prompt group, compared with the permutation test (1,000 permutations).
 *  3. Power at n = 10, 25, 50: pairs of different labels of one family, and of different families, always of
 *     the same task (chat with chat, debate with debate: genre alone would make any pair differ).
 *  4. Custom references: a build on half 1 without a set of left-out labels; for each left-out label, a custom
 *     reference from 20, 50 and 200 of its half-1 answers; accuracy on its half-2 answers, and the top-1
 *     accuracy of the other labels' half-2 answers without and with the reference.
 *  5. Timing: a comparison of 500 vs 500 answers, a custom reference from 200 answers (CPU ms, median of runs).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { attribute, buildSignatures, fingerprint, loadSignatures, FEATURE_SET_VERSION, type CorpusRecord, type Signatures } from '../lib/fingerprint';
import { compareGroups } from '../lib/compare';
import { seeded } from '../lib/compare/prng';
import type { Group, GroupSample } from '../lib/compare/types';
import { buildFromAnswers, loadBackground, withReferences } from '../lib/references';
import { makeBackground, promptGroup } from '../lib/references/make-background';
import { DEFAULT_CORPUS_FILES, readCorpusFiles } from '../lib/node/corpus-files';

/** The v1 corpus file, as these measurements were designed on. */
const DEFAULT_CORPUS = DEFAULT_CORPUS_FILES[0]!;
import { markdownTable, pct } from './corpus-metrics';

const DOC = resolve(import.meta.dirname, '../docs/comparison.md');
const NOTES = '<!-- NOTES: everything below is hand-written and kept by scripts/eval-compare.ts -->';
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const repsArg = args.indexOf('--reps');
const REPS = repsArg >= 0 ? Number(args[repsArg + 1]) : quick ? 12 : 100;
const path = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--reps' && args[i - 1] !== '--cache') ?? DEFAULT_CORPUS;
const SIZES = [10, 25, 50];
const ALPHA = 0.05;
const LEFT_OUT = quick ? ['gpt-4o', 'kimi'] : ['gpt-4o', 'claude-3', 'llama-3', 'qwen', 'kimi', 'grok'];
const CUSTOM_SIZES = [20, 50, 200];
const started = Date.now();
const log = (m: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0)} s] ${m}`);

interface Scored { r: CorpusRecord; group: string; sample: GroupSample }

const { records: all, files } = readCorpusFiles([path]);
const rand = seeded(20261204);
const halfOf = new Map<string, number>();
for (const g of [...new Set(all.map(promptGroup))].sort()) halfOf.set(g, rand() < 0.5 ? 1 : 2);
let half1 = all.filter((r) => halfOf.get(promptGroup(r)) === 1);
const half2 = all.filter((r) => halfOf.get(promptGroup(r)) === 2);
if (quick) half1 = half1.filter((_, i) => i % 4 === 0);
log(`${all.length} records; half 1 ${half1.length}, half 2 ${half2.length}${quick ? ' (quick: a quarter of half 1)' : ''}`);

/** Builds are the slow part (minutes): `--cache DIR` keeps each build's JSON, keyed by its records' ids. */
const cacheArg = args.indexOf('--cache');
const cacheDir = cacheArg >= 0 ? args[cacheArg + 1] : undefined;
function build(records: CorpusRecord[]): Signatures {
  const key = createHash('sha256').update(records.map((r) => r.id ?? '').join('\n')).digest('hex').slice(0, 16);
  const file = cacheDir ? resolve(cacheDir, `signatures-${key}.json`) : undefined;
  if (file && existsSync(file)) return loadSignatures(JSON.parse(readFileSync(file, 'utf8')));
  const json = buildSignatures(records, { refit: false });
  if (file) writeFileSync(file, JSON.stringify(json));
  return loadSignatures(json);
}

function score(records: CorpusRecord[], sig: Signatures): Scored[] {
  return records.map((r) => ({ r, group: promptGroup(r), sample: { id: r.id ?? '', features: fingerprint(r.text), attribution: attribute(r.text, sig, { explain: false }) } }));
}

const sig1 = build(half1);
log('signatures on half 1 built');
const scored2 = score(half2, sig1).filter((s) => !s.sample.attribution.undetermined);
log(`half 2 attributed (${scored2.length} determined)`);

/** Half-2 answers of each label, by prompt group. */
const byLabel = new Map<string, Map<string, Scored[]>>();
for (const s of scored2) {
  const m = byLabel.get(s.r.label) ?? new Map<string, Scored[]>();
  const list = m.get(s.group) ?? [];
  list.push(s);
  m.set(s.group, list);
  byLabel.set(s.r.label, m);
}
const taskOf = new Map(all.map((r) => [r.label, r.task ?? 'chat-instruction'] as const));
const familyOf = new Map(all.map((r) => [r.label, r.family] as const));

/** n answers, one from each of n random prompt groups among `groups`. */
function draw(groups: Map<string, Scored[]>, keys: string[], n: number, rnd: () => number): GroupSample[] | null {
  if (keys.length < n) return null;
  const k = [...keys];
  for (let i = 0; i < n; i++) { const j = i + Math.floor(rnd() * (k.length - i)); [k[i], k[j]] = [k[j]!, k[i]!]; }
  return k.slice(0, n).map((g) => { const list = groups.get(g)!; return list[Math.floor(rnd() * list.length)]!.sample; });
}
const asGroup = (name: string, samples: GroupSample[]): Group => ({ name, samples, skipped: { total: 0, byReason: {} } });

interface Cell { tests: number; rejected: number; labels: Set<string> }
const rows: Record<string, Record<number, Cell>> = { same: {}, family: {}, foreign: {} };
const rnd = seeded(7);
const labels = [...byLabel.keys()].sort();
for (const n of SIZES) {
  for (const kind of ['same', 'family', 'foreign'] as const) {
    const cell: Cell = { tests: 0, rejected: 0, labels: new Set() };
    rows[kind]![n] = cell;
    let attempts = 0;
    while (cell.tests < REPS && attempts++ < REPS * 50) {
      const a = labels[Math.floor(rnd() * labels.length)]!;
      const ga = byLabel.get(a)!;
      let A: GroupSample[] | null, B: GroupSample[] | null;
      if (kind === 'same') {
        const keys = [...ga.keys()];
        for (let i = keys.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [keys[i], keys[j]] = [keys[j]!, keys[i]!]; }
        const h = Math.floor(keys.length / 2);
        A = draw(ga, keys.slice(0, h), n, rnd);
        B = draw(ga, keys.slice(h), n, rnd);
      } else {
        const partners = labels.filter((b) => b !== a && taskOf.get(b) === taskOf.get(a) && (kind === 'family') === (familyOf.get(b) === familyOf.get(a)));
        if (partners.length === 0) continue;
        const b = partners[Math.floor(rnd() * partners.length)]!;
        A = draw(ga, [...ga.keys()], n, rnd);
        B = draw(byLabel.get(b)!, [...byLabel.get(b)!.keys()], n, rnd);
        if (A && B) cell.labels.add(`${a}/${b}`);
      }
      if (!A || !B) continue;
      if (kind === 'same') cell.labels.add(a);
      const t = compareGroups(asGroup('A', A), asGroup('B', B), { seed: cell.tests + 1 });
      cell.tests++;
      if (t.p_value <= ALPHA) cell.rejected++;
    }
  }
  log(`tests at n = ${n} done`);
}

/** Wilson 95% interval of k of n. */
function wilson(k: number, n: number): string {
  if (n === 0) return '–';
  const z = 1.96, p = k / n, den = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / den, h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / den;
  return `${pct(Math.max(0, c - h))}–${pct(Math.min(1, c + h))}`;
}

// Custom references: a build without the left-out labels.
const kept1 = half1.filter((r) => !LEFT_OUT.includes(r.label));
const sigMinus = build(kept1);
const bg = loadBackground(makeBackground(kept1, { perLabel: 24, seed: 20261204 }), FEATURE_SET_VERSION);
log('signatures without the left-out labels built');
const others2 = scored2.filter((s) => !LEFT_OUT.includes(s.r.label)).filter((_, i) => i % (quick ? 8 : 3) === 0);
const othersScored = others2.map((s) => ({ label: s.r.label, features: s.sample.features, attribution: attribute(s.r.text, sigMinus, { explain: false }) }));
const baseAcc = othersScored.filter((s) => s.attribution.model === s.label).length / othersScored.length;
const customRows: Array<Array<string | number>> = [];
const buildTimes: number[] = [];
for (const L of LEFT_OUT) {
  // Only answers the engine can attribute (long enough): a build counts those, and "from m answers" means m usable ones.
  const train = half1.filter((r) => r.label === L && !attribute(r.text, sigMinus, { explain: false }).undetermined);
  const test = half2.filter((r) => r.label === L).map((r) => ({ features: fingerprint(r.text), attribution: attribute(r.text, sigMinus, { explain: false }) })).filter((s) => !s.attribution.undetermined);
  for (const m of CUSTOM_SIZES) {
    if (train.length < m) { customRows.push([L, m, '–', '–', '–', '–', `only ${train.length} half-1 answers`]); continue; }
    const r2 = seeded(m * 31 + L.length);
    const pick = [...train];
    for (let i = pick.length - 1; i > 0; i--) { const j = Math.floor(r2() * (i + 1)); [pick[i], pick[j]] = [pick[j]!, pick[i]!]; }
    const answers = pick.slice(0, m).map((r) => ({ text: r.text, group: promptGroup(r) }));
    const t0 = process.cpuUsage();
    let ref;
    try {
      ref = buildFromAnswers(answers, sigMinus, bg, { name: L, seed: 1 });
    } catch (error) {
      customRows.push([L, m, '–', '–', '–', '–', (error as Error).message]);
      continue;
    }
    const cpu = process.cpuUsage(t0);
    if (m === 200) buildTimes.push((cpu.user + cpu.system) / 1000);
    const won = test.filter((s) => withReferences(s.attribution, s.features, [ref]).model === ref.id).length;
    const after = othersScored.filter((s) => withReferences(s.attribution, s.features, [ref]).model === s.label).length / othersScored.length;
    const taken = othersScored.filter((s) => withReferences(s.attribution, s.features, [ref]).model === ref.id).length / othersScored.length;
    customRows.push([L, m, pct(ref.evaluation.accuracy), `${pct(won / test.length)} (${test.length})`, pct(baseAcc - after), pct(taken), '']);
  }
  log(`custom references for ${L} done`);
}

// Timing of a 500 vs 500 comparison (attributions already computed, as the dashboard has them stored).
const pool500 = (l: string) => scored.filter((s) => s.r.label === l).slice(0, 500).map((s) => s.sample);
const scored = score(all.filter((r) => r.label === 'gpt-4o' || r.label === 'claude-3'), sig1);
const A500 = pool500('gpt-4o'), B500 = pool500('claude-3');
const compareTimes: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = process.cpuUsage();
  compareGroups(asGroup('A', A500), asGroup('B', B500), { seed: i + 1 });
  const c = process.cpuUsage(t0);
  compareTimes.push((c.user + c.system) / 1000);
}
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)]! : NaN; };
log('timing done');

const fmtRow = (kind: string, name: string) => [name, ...SIZES.map((n) => { const c = rows[kind]![n]!; return c.tests ? `${pct(c.rejected / c.tests)} (${c.rejected}/${c.tests}; ${wilson(c.rejected, c.tests)})` : '–'; })];
const doc = `# Group comparison and custom references: measured

Generated by \`npm run eval:compare\`${quick ? ' **--quick (development settings, not the figures to quote)**' : ''} on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.
Corpus ${files.map((f) => `\`${f.file}\` (${f.records} records, sha256 \`${f.sha256.slice(0, 16)}…\`)`).join(', ')}, feature set \`${FEATURE_SET_VERSION}\`.
Machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end; runtime ${((Date.now() - started) / 1000).toFixed(0)} s.

Method: the corpus prompt groups (prompt id; debate topic for persuasion turns) are split at random into two
halves (half 1: ${half1.length} answers, half 2: ${half2.length}). Signatures are built on half 1 with the production builder
(\`buildSignatures\`, no final refit); every figure below is measured on half-2 answers, whose prompts the
signatures never saw. Groups are drawn with one answer per prompt group, so no two answers of a group answer the
same prompt. Two-sample tests: ${REPS} per cell, 1,000 permutations each, alpha ${ALPHA}; the interval is Wilson's 95%.

## False-positive rate and power of the two-sample test

Share of tests with p ≤ ${ALPHA}. The first row compares two disjoint halves of one label (prompt-grouped): every
rejection there is a false positive, and the rate must be at or under 5% within sampling error. The other rows
are power: pairs of different labels of one vendor, and pairs of labels of different vendors, always of the same
task (chat with chat, debate with debate).

${markdownTable(['pair', ...SIZES.map((n) => `n = ${n} per group`)], [fmtRow('same', 'same label, disjoint halves (false positives)'), fmtRow('family', 'different labels, same family (power)'), fmtRow('foreign', 'different families (power)')])}

## Custom references

Signatures built on half 1 without ${LEFT_OUT.map((l) => `\`${l}\``).join(', ')}; a background of ${bg.n} half-1 answers of
the other labels. For each left-out label, a custom reference from 20, 50 and 200 of its half-1 answers
(\`buildFromAnswers\`, the extension's and the CLI's code). *Cross-validated* is what the build reports to the
user before enabling; *on new prompts* is the share of the label's half-2 answers on which the reference ranks
first against every bundled label. *Others' drop* is how much the top-1 accuracy of ${othersScored.length} half-2
answers of the other labels falls when the reference is enabled (${pct(baseAcc)} without); *others taken* the share of
them the reference wins.

${markdownTable(['left-out label', 'answers', 'cross-validated', 'on new prompts (n)', "others' drop", 'others taken', 'note'], customRows)}

## Timing

| what | CPU ms (median) | runs | target |
|---|---|---|---|
| two-sample test, 500 vs 500 answers, 1,000 permutations (attributions stored) | ${median(compareTimes).toFixed(0)} | ${compareTimes.length} | < 1,000 |
| custom reference from 200 answers (attribution, features, 5-fold cross-validation, final fit) | ${median(buildTimes).toFixed(0)} | ${buildTimes.length} | < 10,000 |

CPU time of this process (\`process.cpuUsage\`), which the shared machine's load inflates less than wall time.
The extension runs the same code in a Web Worker.
`;
const keep = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
const notes = keep.includes(NOTES) ? keep.slice(keep.indexOf(NOTES)) : `${NOTES}\n`;
writeFileSync(DOC, doc + '\n' + notes);
log(`wrote ${DOC}`);
