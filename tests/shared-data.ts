/**
 * What the tests need from `../shared` beside the checkout (the corpus and the saved real pages), and which
 * suites need it. A suite that reads it says so on one line of its own, `// @needs ../shared: <why>`; the
 * vitest and Playwright configs then leave those suites out when `../shared` is absent, say which and why,
 * and fail instead under CI, where `../shared` must be there (tests/meta/shared-data.test.ts checks that
 * every suite that reads it carries the line).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED_DIR = path.resolve(ROOT, '../shared');
/** The parts of ../shared the tests read. */
export const SHARED_PARTS = ['corpus/train.jsonl', 'corpus/train-2025.jsonl', 'fixtures/real-dom'] as const;

const MARK = /^\s*\/\/ @needs \.\.\/shared: (.+)$/m;

/** The parts of ../shared that are missing (all of them when it is absent). */
export function missingShared(dir: string = SHARED_DIR): string[] {
  return SHARED_PARTS.filter((p) => !existsSync(path.join(dir, p)));
}

function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : testFiles(rel);
    return /\.(test|spec)\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every test suite under `dirs` marked as needing ../shared, with the reason it gives. */
export function suitesNeedingShared(dirs: readonly string[] = ['tests']): Array<{ file: string; why: string }> {
  return dirs.flatMap(testFiles).flatMap((file) => {
    const m = MARK.exec(readFileSync(path.join(ROOT, file), 'utf8'));
    return m ? [{ file, why: m[1]!.trim() }] : [];
  });
}

/**
 * The suites to leave out: none when ../shared is complete. When it is not, under CI this throws (a CI run
 * without the corpus or the real pages would pass having tested less); elsewhere it prints which suites are
 * skipped and why, and returns them.
 */
export function suitesToSkip(runner: string, dirs: readonly string[]): string[] {
  const missing = missingShared();
  if (missing.length === 0) return [];
  const suites = suitesNeedingShared(dirs);
  const where = `${SHARED_DIR} lacks ${missing.join(', ')}`;
  if (process.env.CI) throw new Error(`${runner}: CI needs ../shared beside the checkout (${where}); nothing was skipped.`);
  console.warn(
    `\n${runner}: ${where}, so ${suites.length} suites that read it are skipped:\n` +
      suites.map((s) => `  - ${s.file}: ${s.why}`).join('\n') +
      '\n  Put the shared folder (corpus and saved real pages) beside the checkout to run them.\n',
  );
  return suites.map((s) => s.file);
}
