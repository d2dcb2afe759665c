/**
 * The exports as a research group would load them: DuckDB reads the JSONL (read_json_auto) and the
 * Parquet (read_parquet) as written, with the documented column names and types.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSamples } from '@/lib/dataset/export';
import { RECORD_FIELDS } from '@/lib/dataset/schema';
import { exportOptions, fakeFingerprint } from './helpers';
import { makeSamples } from './samples';

const dir = mkdtempSync(join(tmpdir(), 'modelprint-duckdb-'));
const samples = makeSamples(57);
let query: (sql: string) => Promise<Record<string, unknown>[]>;
let close: () => void;

beforeAll(async () => {
  for (const format of ['jsonl', 'parquet'] as const) {
    const { bytes } = await exportSamples(samples, exportOptions({ format, features: true }), { fingerprint: fakeFingerprint });
    writeFileSync(join(dir, `samples.${format}`), bytes);
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  query = async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  close = () => connection.closeSync();
});
afterAll(() => {
  close?.();
  rmSync(dir, { recursive: true, force: true });
});

const types = async (from: string) =>
  Object.fromEntries((await query(`DESCRIBE SELECT * FROM ${from}`)).map((r) => [r.column_name, r.column_type]));

describe('DuckDB', () => {
  it('reads the Parquet export: one row per sample, the columns in order, typed', async () => {
    const from = `read_parquet('${join(dir, 'samples.parquet')}')`;
    expect(await query(`SELECT count(*)::INT AS n FROM ${from}`)).toEqual([{ n: 57 }]);
    const t = await types(from);
    expect(Object.keys(t)).toEqual(RECORD_FIELDS);
    expect(t).toMatchObject({
      id: 'VARCHAR',
      capturedAt: expect.stringMatching(/^TIMESTAMP/),
      verdictComputedAt: expect.stringMatching(/^TIMESTAMP/),
      verdictConfidence: 'DOUBLE',
      textLength: 'INTEGER',
      textDropped: 'BOOLEAN',
      verdict: 'JSON',
      features: 'JSON',
    });
    const [row] = await query(
      `SELECT id, site, epoch_ms(capturedAt) AS at, verdictConfidence AS p, verdict->>'$.model' AS model, claimedModel FROM ${from} WHERE id = 'claude:conv-1:msg-1'`,
    );
    const s = samples[1]!;
    expect(row).toEqual({ id: s.id, site: 'claude', at: String(s.capturedAt), p: s.verdict!.attribution.confidence, model: s.verdict!.attribution.model, claimedModel: 'Claude Sonnet 4' });
  });

  it('reads the JSONL export with read_json_auto: same rows, same columns, timestamps detected', async () => {
    const from = `read_json_auto('${join(dir, 'samples.jsonl')}')`;
    expect(await query(`SELECT count(*)::INT AS n FROM ${from}`)).toEqual([{ n: 57 }]);
    const t = await types(from);
    expect(Object.keys(t)).toEqual(RECORD_FIELDS);
    expect(t).toMatchObject({ capturedAt: expect.stringMatching(/^TIMESTAMP/), verdictConfidence: 'DOUBLE', textDropped: 'BOOLEAN' });
    const [row] = await query(`SELECT text, epoch_ms(capturedAt) AS at FROM ${from} WHERE id = 'chatgpt:conv-0:msg-0'`);
    expect(row).toEqual({ text: samples[0]!.text, at: String(samples[0]!.capturedAt) });
  });
});
