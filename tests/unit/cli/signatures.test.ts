import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScript } from '../../../cli/run-script';
import { runCli } from './run-cli';

/**
 * A made-up corpus of three labels with different word habits: enough for the engine's builder to produce
 * a valid signature file in a couple of seconds, with no corpus text involved.
 */
function tinyCorpus(): string {
  const habits: Record<string, string[]> = {
    terse: ['so', 'then', 'done', 'next', 'ok'],
    formal: ['moreover', 'consequently', 'furthermore', 'therefore', 'notably'],
    chatty: ['honestly', 'basically', 'like', 'really', 'super'],
  };
  const lines: string[] = [];
  Object.entries(habits).forEach(([label, words], l) => {
    for (let i = 0; i < 30; i++) {
      const text = Array.from({ length: 80 }, (_, j) => `${words[(i + j) % words.length]} the answer ${j % 7 === 0 ? 'is' : 'was'}`).join(' ');
      lines.push(JSON.stringify({ id: `${label}-${i}`, text, label, family: l === 2 ? 'vendor-b' : 'vendor-a', prompt_id: `p${i}` }));
    }
  });
  return lines.join('\n') + '\n';
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelprint-signatures-'));
  await writeFile(join(dir, 'corpus.jsonl'), tinyCorpus());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('modelprint signatures CORPUS --out PATH', () => {
  it('writes a signature file that classify --signatures then uses', async () => {
    const out = join(dir, 'sig.json');
    const build = await runCli(['signatures', join(dir, 'corpus.jsonl'), '--out', out]);
    expect(build.stderr).toBe('');
    expect(build.code).toBe(0);
    expect(build.stdout).toContain(`wrote ${out}`);
    expect(JSON.parse(await readFile(out, 'utf8')).labels).toEqual(['chatty', 'formal', 'terse']);

    await writeFile(join(dir, 'q.jsonl'), JSON.stringify({ text: 'moreover the answer is '.repeat(40) }) + '\n');
    const run = await runCli(['classify', '--signatures', out, join(dir, 'q.jsonl')]);
    expect(run.code).toBe(0);
    const [line] = run.lines() as { models: { model: string }[]; families: { family: string }[] }[];
    expect(line!.models.map((m) => m.model).sort()).toEqual(['chatty', 'formal', 'terse']);
    expect(line!.families.map((f) => f.family).sort()).toEqual(['vendor-a', 'vendor-b']);
  }, 60_000);
});

describe('modelprint signatures: a corpus the builder cannot use', () => {
  it('exits 2 with the reason and writes no file', async () => {
    await writeFile(join(dir, 'broken.jsonl'), '{"text":"a","label":"x","family":"f"}\n{oops\n');
    const out = join(dir, 'never.json');
    const run = await runCli(['signatures', join(dir, 'broken.jsonl'), '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cannot build signatures from ${join(dir, 'broken.jsonl')}`);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('signatures and eval: argument errors stop before any work', () => {
  it.each([
    [['signatures', 'no-such-corpus.jsonl'], 'no-such-corpus.jsonl: no such file'],
    [['eval', 'no-such-corpus.jsonl'], 'no-such-corpus.jsonl: no such file'],
    [['eval', '--folds', '1', 'x.jsonl'], '--folds must be an integer of at least 2'],
    [['signatures'], 'expected CORPUS'],
  ])('%j exits 2', async (argv, message) => {
    const run = await runCli(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('runScript (how signatures and eval run the npm scripts)', () => {
  it('runs a TypeScript file with tsx from the repo root and relays stdout, stderr and the exit code', async () => {
    const script = join(dir, 'probe.ts');
    await writeFile(script, "const n: number = 3;\nconsole.log(`out ${n} ${process.argv.slice(2).join(',')}`);\nconsole.error(process.cwd());\nprocess.exitCode = 7;\n");
    const chunks = { out: '', err: '' };
    const sink = (key: 'out' | 'err') =>
      new Writable({
        write(chunk, _encoding, done) {
          chunks[key] += String(chunk);
          done();
        },
      });
    const code = await runScript(script, ['a', 'b'], { stdin: process.stdin, stdout: sink('out'), stderr: sink('err') });
    expect(code).toBe(7);
    expect(chunks.out).toBe('out 3 a,b\n');
    expect(chunks.err.trim()).toBe(new URL('../../..', import.meta.url).pathname.replace(/\/$/, ''));
  }, 60_000);
});
