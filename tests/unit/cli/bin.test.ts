/**
 * The real command as a user runs it: a child process through bin/modelprint.mjs (tsx registered in-process)
 * and through `npm run --silent cli`. Slower than the in-process tests, so only what they cannot see:
 * the launcher works, stdout carries nothing but JSON lines, and the exit code reaches the shell.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MARKDOWN_ANSWER, PROSE_ANSWER } from './fixtures';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const run = promisify(execFile);

let dir: string;
let input: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelprint-bin-'));
  input = join(dir, 'in.jsonl');
  await writeFile(input, [PROSE_ANSWER, MARKDOWN_ANSWER].map((text, id) => JSON.stringify({ id, text })).join('\n') + '\n{oops\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a command and returns its exit code and output instead of throwing on a non-zero exit. */
async function exec(file: string, args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function expectOnlyJsonLines(stdout: string, ids: unknown[]) {
  const lines = stdout.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.map((line) => JSON.parse(line).id)).toEqual(ids);
}

describe('bin/modelprint.mjs', () => {
  it('classifies from another working directory, JSON lines only on stdout, exit 1 for the bad line', async () => {
    const result = await exec(process.execPath, [join(ROOT, 'bin/modelprint.mjs'), 'classify', input], dir);
    expectOnlyJsonLines(result.stdout, [0, 1]);
    expect(result.stderr).toContain('line 3: not valid JSON');
    expect(result.code).toBe(1);
  }, 60_000);

  it('answers --version with exit 0', async () => {
    const result = await exec(process.execPath, [join(ROOT, 'bin/modelprint.mjs'), '--version'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^modelprint \d/);
  }, 60_000);
});

describe('npm run --silent cli', () => {
  it('prints only JSON lines on stdout', async () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = await exec(npm, ['run', '--silent', 'cli', '--', 'classify', input], ROOT);
    expectOnlyJsonLines(result.stdout, [0, 1]);
    expect(result.code).toBe(1);
  }, 60_000);
});
