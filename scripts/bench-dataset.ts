/**
 * Export and import speed and file size for 10,000 and 50,000 samples (issue 10's targets: export 10,000
 * in under 3 s, import 10,000 in under 5 s). Part of `npm run bench`; alone: `npm run bench:dataset`.
 *
 * Export = what the dashboard's worker does after reading the samples: records, JSONL, Parquet, manifest,
 * card and zip (the default options: bundle, no feature vectors). Import = read + validate + dedupe
 * against the database + one transaction adding every sample (verdicts of the current engine version, so
 * none is recomputed). The database is fake-indexeddb in Node, not the browser's: its writes are slower
 * than Chromium's, so the import figure is an upper bound for the same work in the extension.
 *
 * Samples carry corpus answers (../shared/corpus, never written to the repository) with real verdicts
 * from the bundled engine, a few hundred distinct ones reused across samples.
 *
 * The same figures in Chromium come from the e2e spec tests/e2e/datasets-scale.spec.ts, which writes them
 * to test-results/dataset-chromium.json; when that file exists they are added as a second table.
 * `--write` puts the section into docs/benchmark.md (replacing its own), without rerunning the rest of
 * `npm run bench`.
 */
import 'fake-indexeddb/auto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { attribute, getDefaultSignatures } from '../lib/fingerprint';
import { fingerprint } from '../lib/fingerprint';
import { exportSamples, type ExportOptions } from '../lib/dataset/export';
import { commitImport, planImport } from '../lib/dataset/import';
import { NO_PRIVACY } from '../lib/dataset/schema';
import { openModelPrintDB } from '../lib/db';
import type { Sample } from '../lib/sample';
import { createEngine } from '../lib/verdict/verdict-engine';
import { engineInfo } from '../lib/dataset/engine-info';

const SITES = ['chatgpt', 'claude', 'gemini', 'deepseek', 'manual'] as const;
const CLAIMS = ['gpt-4o', 'Claude Sonnet 4', 'Gemini 2.5 Pro', null] as const;
const DISTINCT_VERDICTS = 300;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function corpusTexts(path: string, max: number): Array<{ text: string; prompt: string }> {
  const out: Array<{ text: string; prompt: string }> = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (out.length >= max) break;
    if (!line) continue;
    const r = JSON.parse(line) as { text: string; prompt_id?: string };
    if (r.text.length > 200) out.push({ text: r.text, prompt: `prompt ${r.prompt_id ?? out.length}` });
  }
  return out;
}

function makeSamples(n: number, texts: Array<{ text: string; prompt: string }>, engineVersion: string): Sample[] {
  const verdicts = texts.slice(0, DISTINCT_VERDICTS).map((t) => attribute(t.text));
  const base = Date.UTC(2026, 5, 1);
  return Array.from({ length: n }, (_, i) => {
    const t = texts[i % texts.length]!;
    const site = SITES[i % SITES.length]!;
    const claim = CLAIMS[i % CLAIMS.length]!;
    return {
      id: `${site}:conv-${i % 997}:m${i}`,
      site,
      url: `https://example.test/${site}/c/conv-${i % 997}`,
      conversationId: `conv-${i % 997}`,
      messageId: `m${i}`,
      prompt: t.prompt,
      // The index keeps every text distinct, as real answers are (the content dedupe would merge copies).
      text: `${t.text}\n\n(${i})`,
      reasoning: null,
      claimedModel: claim ? { raw: claim, source: 'picker' as const } : null,
      capturedAt: base + i * 60_000,
      verdict: { version: engineVersion, computedAt: base + i * 60_000, attribution: verdicts[i % verdicts.length]! },
    };
  });
}

/** What tests/e2e/datasets-scale.spec.ts writes. */
interface ChromiumFigures {
  chromium: string | null;
  sizes: Record<string, { at: string; load: number[]; runs: Array<{ exportMs: number; exportCpuMs: number; planMs: number; commitMs: number; importCpuMs: number; bytes: number; exportLongest: number; importLongest: number; exportPeakBytes: number }> }>;
}

export const CHROMIUM_FIGURES = 'test-results/dataset-chromium.json';

function chromiumSection(path: string): string {
  if (!existsSync(path)) return '';
  const f = JSON.parse(readFileSync(path, 'utf8')) as ChromiumFigures;
  const rows = Object.entries(f.sizes).map(([n, { at, load, runs }]) => {
    const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
    const ex = m((r) => r.exportMs);
    const im = m((r) => r.planMs + r.commitMs);
    const target = n === '10000' ? ` | ${ex < 3000 ? '✅' : '❌'} < 3 s | ${im < 5000 ? '✅' : '❌'} < 5 s` : ' | | ';
    return (
      `| ${Number(n).toLocaleString('en')} | ${runs.length} | ${s(ex)} | ${s(m((r) => r.exportCpuMs))} | ${s(im)} (${s(m((r) => r.planMs))} + ${s(m((r) => r.commitMs))}) | ${s(m((r) => r.importCpuMs))} | ` +
      `${m((r) => r.exportLongest).toFixed(0)} / ${m((r) => r.importLongest).toFixed(0)} (worst ${Math.max(...runs.map((r) => r.exportLongest)).toFixed(0)} / ${Math.max(...runs.map((r) => r.importLongest)).toFixed(0)}) | ${mb(m((r) => r.exportPeakBytes))} | ${mb(runs[0]!.bytes)} | ${load.map((l) => l.toFixed(1)).join(', ')} | ${at.slice(0, 16).replace('T', ' ')}${target} |`
    );
  });
  return (
    `\n\n### In Chromium (the built extension)\n\n` +
    `From \`npx playwright test tests/e2e/datasets-scale.spec.ts\` (Chromium ${f.chromium ?? '?'}, headless): samples seeded into the extension's IndexedDB, ` +
    `exported from the dashboard as a bundle (its worker reads the store a page at a time), the database emptied, the file imported through the Import tab ` +
    `(summary, then write). Medians of the runs; wall seconds from the click to the result on the page, CPU seconds of every Chromium process over the same ` +
    `span (read from /proc); the dashboard page's longest task during the export / the import in the median run, and in the worst run (limit 200 ms in every run); how much the extension processes grew at the ` +
    `export's peak. The seeded answers repeat 12 corpus texts, so the bundle deflates further than real data would.\n\n` +
    `| samples | runs | export s (wall) | export s (CPU) | import s (wall: summary + write) | import s (CPU) | longest task ms (export / import) | memory growth MB (export) | bundle MB | load average per run | measured (UTC) | export target | import target |\n` +
    `|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|\n` +
    rows.join('\n')
  );
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall and CPU milliseconds of one piece of work: on a shared machine the wall time measures the neighbours. */
async function measure<T>(work: () => Promise<T>): Promise<{ wall: number; cpu: number; value: T }> {
  const [c0, t0] = [cpuMs(), performance.now()];
  const value = await work();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0, value };
}
const s = (ms: number) => (ms / 1000).toFixed(2);

export async function datasetBenchSection({
  corpus,
  runs = 3,
  sizes = [10_000, 50_000],
  log = (m: string) => process.stderr.write(`${m}\n`),
  chromiumFigures = CHROMIUM_FIGURES,
}: { corpus: string; runs?: number; sizes?: number[]; log?: (m: string) => void; chromiumFigures?: string }): Promise<string> {
  const signatures = getDefaultSignatures();
  const engine = createEngine(() => signatures);
  const info = engineInfo(signatures);
  const texts = corpusTexts(corpus, 3_000);
  const options = (over: Partial<ExportOptions> = {}): ExportOptions => ({
    format: 'bundle', privacy: NO_PRIVACY, features: false, filters: null, modelprintVersion: 'bench', engine: info, now: Date.now(), ...over,
  });
  const rows: string[] = [];
  let dbNo = 0;
  for (const n of sizes) {
    const samples = makeSamples(n, texts, engine.version);
    const exportMs: number[] = [];
    const importMs: number[] = [];
    const exportCpu: number[] = [];
    const importCpu: number[] = [];
    let bytes: Uint8Array = new Uint8Array();
    const nRuns = n > 10_000 ? Math.min(runs, 2) : runs;
    for (let run = 1; run <= nRuns; run++) {
      log(`dataset bench: ${n} samples, run ${run}/${nRuns}: export`);
      const ex = await measure(() => exportSamples(samples, options()));
      bytes = ex.value.bytes;
      exportMs.push(ex.wall);
      exportCpu.push(ex.cpu);
      log(`dataset bench: ${n} samples, run ${run}/${nRuns}: import`);
      const db = await openModelPrintDB(`bench-dataset-${++dbNo}`);
      const im = await measure(async () => {
        const plan = await planImport(db, bytes, { fileName: 'bench.zip', engineVersion: engine.version });
        return commitImport(db, plan, { now: Date.now(), engine: async () => engine });
      });
      const result = im.value;
      importMs.push(im.wall);
      importCpu.push(im.cpu);
      if (result.imported !== n || result.recomputed !== 0) throw new Error(`bench import stored ${result.imported} of ${n}`);
      db.close();
      await new Promise<void>((resolve) => {
        const del = indexedDB.deleteDatabase(`bench-dataset-${dbNo}`);
        del.onsuccess = del.onerror = () => resolve();
      });
    }
    const jsonl = (await exportSamples(samples, options({ format: 'jsonl' }))).bytes.length;
    const parquet = (await exportSamples(samples, options({ format: 'parquet' }))).bytes.length;
    const [ex, im, exC, imC] = [median(exportMs), median(importMs), median(exportCpu), median(importCpu)];
    const target = n === 10_000 ? ` | ${exC < 3000 ? '✅' : '❌'} < 3 s | ${imC < 5000 ? '✅' : '❌'} < 5 s` : ' | | ';
    rows.push(`| ${n.toLocaleString('en')} | ${s(ex)} | ${s(exC)} | ${s(im)} | ${s(imC)} | ${mb(bytes.length)} | ${mb(jsonl)} | ${mb(parquet)}${target} |`);
  }
  log('dataset bench: 10,000 samples with feature vectors, 1 run');
  const withFeatures = makeSamples(10_000, texts, engine.version);
  const features = await measure(() => exportSamples(withFeatures, options({ features: true }), { fingerprint }));
  return (
    `## Dataset export and import\n\n` +
    `Medians of ${runs} runs (2 at 50,000), in Node with fake-indexeddb (\`scripts/bench-dataset.ts\`). Export: the ` +
    `default bundle (JSONL + Parquet + manifest + card, zipped) from samples in memory; import: read, validate, dedupe ` +
    `and one transaction. Corpus answers of ${Math.round(texts.reduce((a, x) => a + x.text.length, 0) / texts.length).toLocaleString('en')} characters on average.\n\n` +
    `Wall and CPU seconds; on a busy machine (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores now) wall time measures the neighbours, so the targets are judged on CPU time, as in the rest of this report.\n\n` +
    `| samples | export s (wall) | export s (CPU) | import s (wall) | import s (CPU) | bundle MB | JSONL MB | Parquet MB | export target | import target |\n|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n` +
    rows.join('\n') +
    `\n\nExport of 10,000 with every feature vector computed (the option, forced when texts are left out): ${s(features.wall)} s wall, ${s(features.cpu)} s CPU.` +
    `\n\nThe export streams: a page of 1,000 samples is turned into records, its JSONL lines deflated into the zip and its Parquet row group written, ` +
    `then the next page is read; what stays whole is the manifest's counts, the Parquet footer (offsets and statistics per row group) and, for a bundle, ` +
    `the Parquet file spooled in Blob parts until the JSONL entry is closed (a browser keeps Blob data out of the script's heap). The import reads the whole file.` +
    chromiumSection(chromiumFigures)
  );
}

const BENCHMARK_DOC = 'docs/benchmark.md';
const HEADING = '## Dataset export and import';

/** The doc with its dataset section replaced (up to the next `## `), or added before the signature data section. */
export function replaceSection(doc: string, section: string): string {
  const start = doc.indexOf(HEADING);
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + HEADING.length);
    return `${doc.slice(0, start)}${section.trimEnd()}\n${next < 0 ? '' : doc.slice(next)}`;
  }
  const before = doc.indexOf('## Bundled signature data');
  if (before < 0) return `${doc.trimEnd()}\n\n${section.trimEnd()}\n`;
  return `${doc.slice(0, before)}${section.trimEnd()}\n\n${doc.slice(before)}`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', default: '../shared/corpus/train.jsonl' },
      runs: { type: 'string', default: '3' },
      sizes: { type: 'string', default: '10000,50000' },
      write: { type: 'boolean', default: false },
    },
  });
  const sizes = values.sizes!.split(',').map(Number);
  const section = await datasetBenchSection({ corpus: values.corpus!, runs: Math.max(1, Number(values.runs)), sizes });
  if (values.write) {
    writeFileSync(BENCHMARK_DOC, replaceSection(readFileSync(BENCHMARK_DOC, 'utf8'), section));
    process.stderr.write(`${BENCHMARK_DOC}: dataset section written\n`);
  } else {
    process.stdout.write(`${section}\n`);
  }
}
