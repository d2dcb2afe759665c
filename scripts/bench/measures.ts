/** What `npm run bench` measures: the engine on answers, the CLI's classify path, the bare floor, the shipped data. */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { attribute } from '../../lib/fingerprint';
import { classifyStream, type ClassifyOptions } from '../../lib/node/classify-lines';
import { readJsonl } from '../../lib/node/jsonl-answers';
import { measure, measureSync, nullSink, type Cost } from './measure';

export function attributeCalls(texts: string[], warmup: number, calls: number): Cost[] {
  for (let i = 0; i < warmup; i++) attribute(texts[i % texts.length]!);
  return Array.from({ length: calls }, (_, i) => measureSync(() => attribute(texts[i % texts.length]!)));
}

export async function classifyFile(path: string, options: Partial<ClassifyOptions>): Promise<Cost> {
  return measure(async () => {
    const summary = await classifyStream(createReadStream(path), nullSink(), { stderr: process.stderr, name: path, ...options });
    if (summary.failed > 0) throw new Error(`bench sample had ${summary.failed} bad records`);
  });
}

/** The engine alone on the same answers, already in memory: what classify would cost with free I/O. */
export function attributeOnly(texts: string[], explain: boolean): Promise<Cost> {
  return measure(() => {
    for (const text of texts) attribute(text, undefined, { explain });
  });
}

/** The floor: read the same JSONL and only split each text into words with Intl.Segmenter. */
export function bareSplit(path: string): Promise<Cost> {
  const segmenter = new Intl.Segmenter('und', { granularity: 'word' });
  return measure(async () => {
    let words = 0;
    for await (const item of readJsonl(createReadStream(path))) {
      if (!item.answer) continue;
      for (const segment of segmenter.segment(item.answer.text)) if (segment.isWordLike) words++;
    }
    if (words === 0) throw new Error('bare pass found no words');
  });
}

/** The installed command end to end (process start, tsx, engine load, stdout pipe); wall time only. */
export function endToEnd(root: string, path: string): Promise<number> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'bin/modelprint.mjs'), 'classify', path], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done(performance.now() - t0) : fail(new Error(`modelprint exited with ${code}`))));
  });
}

/** Bundled signature files shipped with the engine: raw and gzip bytes (what the extension carries). */
export function signatureFiles(root: string): { file: string; bytes: number; gzip: number }[] {
  const dir = join(root, 'lib/fingerprint/data');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const path = join(dir, name);
      return { file: relative(root, path), bytes: statSync(path).size, gzip: gzipSync(readFileSync(path)).length };
    });
}

/** Which engine was measured: the commit, and whether lib/fingerprint differs from it (figures must say so). */
export function engineRevision(root: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'lib/fingerprint') !== '';
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' with uncommitted changes in lib/fingerprint' : ''}`;
  } catch (error) {
    return `unknown commit (${(error as Error).message.split('\n')[0]})`;
  }
}
