/** Every input the issue names as hostile gets a clear message; BOM and CRLF are accepted. */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '@/lib/dataset/bundle';
import { formatRecordError } from '@/lib/dataset/errors';
import { exportSamples } from '@/lib/dataset/export';
import { readDataset } from '@/lib/dataset/read';
import { sampleToRecord } from '@/lib/dataset/record';
import type { DatasetRecord } from '@/lib/dataset/schema';
import { writeJsonl } from '@/lib/dataset/write';
import { exportOptions } from './helpers';
import { makeSample, makeSamples } from './samples';

const records = (n: number) => makeSamples(n).map((s) => sampleToRecord(s));
const jsonl = (rs: unknown[], eol = '\n') => strToU8(rs.map((r) => JSON.stringify(r)).join(eol) + eol);
const messages = async (bytes: Uint8Array) => (await readDataset(bytes)).errors.map(formatRecordError);

describe('reading a dataset file', () => {
  it('accepts JSONL with a BOM and CRLF line ends', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...jsonl(records(5), '\r\n')]);
    const read = await readDataset(bytes);
    expect(read).toMatchObject({ kind: 'jsonl', total: 5, invalid: 0 });
    expect(read.valid.map((v) => v.record)).toEqual(records(5));
  });

  it('accepts a JSON document with its manifest, and a bare JSON array', async () => {
    const rs = records(3);
    const doc = { format: 'modelprint-dataset', formatVersion: 1, samples: rs };
    expect(await readDataset(strToU8(JSON.stringify(doc)))).toMatchObject({ kind: 'json', total: 3, invalid: 0 });
    expect(await readDataset(strToU8(JSON.stringify(rs, null, 2)))).toMatchObject({ kind: 'json', total: 3, invalid: 0 });
  });

  it('reports a truncated JSONL file on its last line and keeps the complete ones', async () => {
    const whole = jsonl(records(4));
    const read = await readDataset(whole.subarray(0, whole.length - 40));
    expect(read.valid).toHaveLength(3);
    expect(read.errors.map(formatRecordError)).toEqual([expect.stringMatching(/^line 4: not valid JSON/)]);
  });

  it('names the line and field of wrong types', async () => {
    const rs: unknown[] = records(3);
    rs[1] = { ...(rs[1] as DatasetRecord), textLength: '12' };
    rs[2] = { ...(rs[2] as DatasetRecord), capturedAt: 'yesterday', verdictConfidence: 1.5 };
    expect(await messages(jsonl(rs))).toEqual([
      expect.stringMatching(/^line 2, field textLength: /),
      expect.stringMatching(/^line 3, field capturedAt: is not an ISO 8601 timestamp/),
      expect.stringMatching(/^line 3, field verdictConfidence: /),
    ]);
  });

  it('refuses a 10 MB string with its field', async () => {
    const rs: unknown[] = [{ ...records(1)[0]!, text: 'x'.repeat(10 * 1024 * 1024) }];
    expect(await messages(jsonl(rs))).toEqual(['line 1, field text: is longer than 1,000,000 characters']);
  });

  it('refuses more records than the limit before validating any', async () => {
    const line = `${JSON.stringify({ ...records(1)[0], verdict: null, reasoning: null })}\n`;
    const bytes = strToU8(line.repeat(100_000));
    await expect(readDataset(bytes, { maxRecords: 50_000 })).rejects.toThrow(/holds 100,000 records; at most 50,000 are imported at once/);
  }, 30_000);

  it.each([
    ['__proto__', '{"__proto__": {"polluted": 1}, "id": "x"}', '__proto__'],
    ['constructor in features', null, 'features.constructor'],
    ['prototype in the verdict', null, 'verdict.prototype'],
    ['__proto__ in a list inside the verdict', null, 'verdict.models.1.__proto__'],
  ])('refuses the key %s, naming it', async (_name, raw, field) => {
    const base = records(1)[0]!;
    const text =
      raw ??
      (field.startsWith('features')
        ? JSON.stringify({ ...base, features: { a: 1 } }).replace('"a":1', '"constructor":1')
        : field.startsWith('verdict.models')
          ? JSON.stringify({ ...base, verdict: { ...base.verdict, models: [{ model: 'a' }, { model: 'b' }] } }).replace('{"model":"b"}', '{"model":"b","__proto__":{"polluted":1}}')
          : JSON.stringify({ ...base }).replace('"undetermined":', '"prototype":{},"undetermined":'));
    const msgs = await messages(strToU8(`${text}\n`));
    expect(msgs).toEqual([`line 1, field ${field}: the key "${field.split('.').pop()}" is not allowed in a dataset`]);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });

  it('refuses invalid UTF-8, naming the line', async () => {
    const good = jsonl(records(3));
    const bad = new Uint8Array([...good.subarray(0, good.indexOf(10) + 1), 0xc3, 0x28, ...good.subarray(good.indexOf(10) + 1)]);
    await expect(readDataset(bad)).rejects.toThrow('the file is not valid UTF-8 (first bad byte on line 2): save it as UTF-8 and try again');
  });

  it('makes a second record with the same id invalid, naming the first line', async () => {
    const rs = records(3);
    rs[2] = { ...rs[2]!, id: rs[0]!.id };
    expect(await messages(jsonl(rs))).toEqual(['line 3, field id: duplicates the id of line 1']);
  });

  it('refuses a JSON document of a newer format version, or of another format, before reading its records', async () => {
    const samples = records(2);
    const doc = (head: object) => strToU8(JSON.stringify({ ...head, samples }));
    await expect(readDataset(doc({ format: 'modelprint-dataset', formatVersion: 2 }))).rejects.toThrow(/format version 2; this ModelPrint reads up to version 1/);
    await expect(readDataset(doc({ format: 'other', formatVersion: 1 }))).rejects.toThrow('the JSON document\'s "format" is not "modelprint-dataset"');
    const read = await readDataset(doc({ format: 'modelprint-dataset', formatVersion: 1 }));
    expect(read).toMatchObject({ kind: 'json', total: 2, invalid: 0 });
    expect(read.valid.map((v) => v.line)).toEqual([1, 2]);
  });

  it('refuses a newer format version, naming the ModelPrint version that wrote it', async () => {
    const { bytes } = await exportSamples(makeSamples(2), exportOptions());
    const files = unzipSync(bytes);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, formatVersion: 2, modelprintVersion: '0.9.0' }));
    await expect(readDataset(zipSync(files))).rejects.toThrow(
      'this dataset uses format version 2; this ModelPrint reads up to version 1. Open it with ModelPrint 0.9.0 or newer.',
    );
    await expect(readDataset(jsonl([{ ...records(1)[0], formatVersion: 3 }]))).rejects.toThrow(/format version 3.*a newer ModelPrint/);
  });

  it('stops a bundle that inflates past the limit, whatever its size on disk', async () => {
    const big = new Uint8Array(8 * 1024 * 1024).fill(32); // 8 MB of spaces deflate to a few KB
    const files = { 'samples.jsonl': big, 'samples.parquet': new Uint8Array(), 'manifest.json': strToU8('{}'), 'schema.json': strToU8('{}'), 'README.md': strToU8('') };
    const bytes = writeBundle(files, Date.UTC(2026, 0, 1));
    expect(bytes.length).toBeLessThan(100_000);
    await expect(readDataset(bytes, { maxInflatedBytes: 4 * 1024 * 1024 })).rejects.toThrow(/inflates past 4 MB, the most ModelPrint reads: refused/);
  });

  it('refuses a truncated bundle and one whose data does not match the manifest', async () => {
    const { bytes } = await exportSamples(makeSamples(30), exportOptions());
    await expect(readDataset(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow(/truncated|not a readable zip|no manifest/);
    const files = unzipSync(bytes);
    files['samples.jsonl'] = writeJsonl([sampleToRecord(makeSample(99))]) as Uint8Array<ArrayBuffer>;
    await expect(readDataset(zipSync(files))).rejects.toThrow('samples.jsonl does not match the SHA-256 in the manifest: the bundle was changed or damaged');
  });

  it('refuses a file with no records and one that is not a dataset at all', async () => {
    await expect(readDataset(strToU8('\n\n'))).rejects.toThrow('the file holds no records');
    expect(await messages(strToU8('hello world\n'))).toEqual([expect.stringMatching(/^line 1: not valid JSON/)]);
  });
});

describe('record rules beyond types', () => {
  it('a claimed model needs its source, and a source needs a claim', async () => {
    const [a, b] = makeSamples(2).map((s) => sampleToRecord(s));
    const rs = [{ ...a!, claimedModel: 'gpt-4o', claimSource: null }, { ...b!, claimedModel: null, claimSource: 'picker' }];
    expect(await messages(jsonl(rs))).toEqual([
      'line 1, field claimSource: is required when claimedModel is set, and null when it is not',
      'line 2, field claimSource: is required when claimedModel is set, and null when it is not',
    ]);
  });
});
