/**
 * Records as a Parquet file (hyparquet-writer) and back (hyparquet). Same columns as the JSONL in the same
 * order, typed: timestamps as TIMESTAMP (milliseconds, UTC), the probability as DOUBLE, counts as INT32,
 * `verdict` and `features` as JSON strings (Parquet's JSON type: DuckDB reads them as JSON, pandas as str).
 */
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import type { RawItem } from './parse-text';
import { DATASET_FORMAT, DATASET_FORMAT_VERSION, RECORD_FIELDS, type DatasetRecord } from './schema';

type ParquetType = 'STRING' | 'INT32' | 'BOOLEAN' | 'DOUBLE' | 'TIMESTAMP' | 'JSON';

/** The Parquet type of each field; a field not named here is a STRING. */
export const PARQUET_TYPES: Partial<Record<keyof DatasetRecord, ParquetType>> = {
  formatVersion: 'INT32',
  textLength: 'INT32',
  textDropped: 'BOOLEAN',
  shared: 'BOOLEAN',
  capturedAt: 'TIMESTAMP',
  verdictComputedAt: 'TIMESTAMP',
  originImportedAt: 'TIMESTAMP',
  verdictConfidence: 'DOUBLE',
  verdict: 'JSON',
  features: 'JSON',
};

/** Fields that are never null, written as REQUIRED columns. */
const REQUIRED = new Set<keyof DatasetRecord>(['formatVersion', 'id', 'site', 'textLength', 'textDropped', 'shared', 'capturedAt', 'originKind']);

export const parquetTypeOf = (field: keyof DatasetRecord): ParquetType => PARQUET_TYPES[field] ?? 'STRING';

export function writeParquet(records: DatasetRecord[], createdBy: string): Uint8Array {
  const columnData: ColumnSource[] = RECORD_FIELDS.map((name) => {
    const type = parquetTypeOf(name);
    const data = records.map((r) => {
      const value = r[name];
      return type === 'TIMESTAMP' && typeof value === 'string' ? new Date(value) : value;
    });
    return { name, data, type, nullable: !REQUIRED.has(name) };
  });
  const buffer = parquetWriteBuffer({
    columnData,
    createdBy,
    kvMetadata: [{ key: 'modelprint.format', value: `${DATASET_FORMAT}/${DATASET_FORMAT_VERSION}` }],
  });
  return new Uint8Array(buffer);
}

/** A Parquet value back to its JSONL form, so one schema validates both. */
function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** The rows of a Parquet file as raw records (row numbers as lines), to validate like JSONL. */
export async function readParquet(bytes: Uint8Array): Promise<RawItem[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file })) as Array<Record<string, unknown>>;
  // fromEntries defines own properties: a column named `__proto__` stays a key, for the guard to refuse.
  return rows.map((row, i) => ({ line: i + 1, value: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJsonValue(v)])) }));
}
