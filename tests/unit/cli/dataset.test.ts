import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '@/lib/dataset/read';
import { sampleToRecord } from '@/lib/dataset/record';
import { writeJsonl } from '@/lib/dataset/write';
import { makeSamples } from '../dataset/samples';
import { runCli } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'modelprint-dataset-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);

const LONG = 'Certainly! Here is a concise overview. First, consider the main factors involved, which include cost, time and quality. Second, weigh the trade-offs before deciding.';
writeFileSync(
  at('answers.jsonl'),
  [
    JSON.stringify({ id: 'a1', text: LONG, prompt: 'overview?', model: 'gpt-4o', label: 'run-1', url: 'https://api.example/1' }),
    JSON.stringify({ text: `${LONG} Also a second answer.` }),
    'not json',
    JSON.stringify({ id: 'a1', text: 'same id again' }),
  ].join('\n'),
);

describe('modelprint dataset', () => {
  it('from: builds a dataset with features and verdicts from any JSONL of answers, reporting bad lines', async () => {
    const run = await runCli(['dataset', 'from', at('answers.jsonl'), '--out', at('from.zip'), '--site', 'api']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line 3: invalid JSON/);
    expect(run.stderr).toMatch(/line 4: duplicates the id "a1"/);
    const read = await readDataset(new Uint8Array(readFileSync(at('from.zip'))));
    expect(read.manifest).toMatchObject({ features: true, counts: { samples: 2, bySite: { api: 2 }, byClaimedModel: { 'gpt-4o': 1, '(none)': 1 } } });
    const [a1] = read.valid.map((v) => v.record);
    expect(a1).toMatchObject({ id: 'api:none:a1', site: 'api', prompt: 'overview?', claimedModel: 'gpt-4o', claimSource: 'message', userLabel: 'run-1', url: 'https://api.example/1' });
    expect(a1!.verdict?.models.length).toBeGreaterThan(10);
    expect(Object.keys(a1!.features ?? {}).length).toBeGreaterThan(100);
    expect(a1!.verdictVersion).toBe(read.manifest!.engineVersion);
  });

  it('validate: prints each error with line and field and exits 1; 0 for a valid file', async () => {
    const records: unknown[] = makeSamples(3).map((s) => sampleToRecord(s));
    records[1] = { ...(records[1] as object), capturedAt: 12 };
    writeFileSync(at('bad.jsonl'), `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const bad = await runCli(['dataset', 'validate', at('bad.jsonl')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`${at('bad.jsonl')}: line 2, field capturedAt: Invalid type: Expected string but received 12\n`);
    expect(bad.stdout).toMatch(/3 records, 2 valid, 1 invalid/);
    writeFileSync(at('good.jsonl'), writeJsonl(makeSamples(3).map((s) => sampleToRecord(s))));
    expect((await runCli(['dataset', 'validate', at('good.jsonl')])).code).toBe(0);
    const missing = await runCli(['dataset', 'validate', at('nope.jsonl')]);
    expect([missing.code, missing.stderr]).toEqual([2, `modelprint dataset: ${at('nope.jsonl')}: no such file\n`]);
  });

  it('convert and merge: the format follows --out or --to, merge skips duplicates by id and by content', async () => {
    writeFileSync(at('a.jsonl'), writeJsonl(makeSamples(10).map((s) => sampleToRecord(s))));
    // b: samples 5..14, and sample 0's content under another id.
    const b = makeSamples(10, 5).map((s) => sampleToRecord(s));
    b.push({ ...sampleToRecord(makeSamples(1)[0]!), id: 'chatgpt:other:copy' });
    writeFileSync(at('b.jsonl'), writeJsonl(b));
    expect((await runCli(['dataset', 'convert', at('a.jsonl'), '--out', at('a.data'), '--to', 'parquet'])).code).toBe(0);
    expect((await readDataset(new Uint8Array(readFileSync(at('a.data'))))).kind).toBe('parquet');
    const merged = await runCli(['dataset', 'merge', at('a.data'), at('b.jsonl'), '--out', at('m.zip'), '--name', 'pooled']);
    expect(merged.stdout).toBe(`${at('m.zip')}: 15 records written, 6 duplicates skipped\n`);
    const read = await readDataset(new Uint8Array(readFileSync(at('m.zip'))));
    expect(read.manifest?.name).toBe('pooled');
    expect(read.valid.map((v) => v.record.id)).not.toContain('chatgpt:other:copy');
    const bad = await runCli(['dataset', 'convert', at('a.jsonl'), '--out', at('x.csv')]);
    expect([bad.code, bad.stderr.split('\n')[0]]).toEqual([2, 'modelprint dataset: cannot tell the format of ' + at('x.csv') + ': use .jsonl, .parquet or .zip, or --to']);
  });

  it('classify reads an export directly, recomputing verdicts; records without text are reported', async () => {
    writeFileSync(at('mixed.jsonl'), writeJsonl(makeSamples(6).map((s) => sampleToRecord(s))));
    await runCli(['dataset', 'convert', at('mixed.jsonl'), '--out', at('mixed.zip')]);
    const run = await runCli(['classify', at('mixed.zip')]);
    expect(run.lines().map((l) => l.id)).toEqual(makeSamples(6).filter((s) => !s.textDropped).map((s) => s.id));
    expect(run.stderr).toMatch(/line 6: record claude:conv-5:msg-5 has no text/);
    expect(run.code).toBe(1);
  });

  it('--help for each subcommand, and the dataset overview', async () => {
    for (const sub of ['validate', 'from', 'convert', 'merge']) {
      const run = await runCli(['dataset', sub, '--help']);
      expect([run.code, run.stdout.split('\n')[0]]).toEqual([0, expect.stringMatching(new RegExp(`^Usage: modelprint dataset ${sub} `))]);
    }
    expect((await runCli(['dataset', '--help'])).stdout).toMatch(/^Usage: modelprint dataset <validate\|from\|convert\|merge>/);
    expect((await runCli(['help', 'dataset'])).stdout).toMatch(/^Usage: modelprint dataset </);
  });
});
