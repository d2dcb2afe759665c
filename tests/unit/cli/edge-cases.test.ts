/**
 * CLI edge cases (issue 15, failure 10): bytes that are not text get "not prose", not a verdict; an empty
 * file and a file where every record is bad process nothing, say so, and exit 2 as the help documents.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'modelprint-edge-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** 8 KB of reproducible pseudo-random bytes (a linear congruential generator, so the test never varies). */
function randomBytes(size: number, seed = 42): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('modelprint classify on input that is not an answer', () => {
  it('calls random bytes in a .txt "not prose" (undetermined), not a verdict', async () => {
    const run = await runCli(['classify', file('noise.txt', randomBytes(8_192))]);
    expect(run.code).toBe(0);
    expect(run.lines()[0]).toMatchObject({ undetermined: true, reason: 'not-prose', model: null, confidence: 0 });
  });

  it('says an empty file is empty and exits 2', async () => {
    for (const name of ['empty.txt', 'empty.md', 'blank.dat']) {
      const run = await runCli(['classify', file(name, name === 'blank.dat' ? ' \n\n ' : '')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/the input is empty: nothing to process/);
      expect(run.stdout).toBe('');
    }
  });

  it('says an empty JSONL file has no records and exits 2', async () => {
    const run = await runCli(['classify', file('empty.jsonl', '')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no records: nothing was processed/);
  });

  it('exits 2, "nothing processed", when every line is bad', async () => {
    for (const command of ['classify', 'fingerprint']) {
      const run = await runCli([command, file('bad.jsonl', 'not json\n{"id":1}\n[1,2]\n')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/line 1: not valid JSON/);
      expect(run.stderr).toMatch(/all 3 record\(s\) skipped: nothing was processed/);
      expect(run.stdout).toBe('');
    }
  });
});
