/**
 * Records as a Parquet file (hyparquet-writer) and back (hyparquet). Same columns as the JSONL in the same
 * order, typed: timestamps as TIMESTAMP (milliseconds, UTC), the probability as DOUBLE, counts as INT32,
 * `verdict` and `features` as JSON strings (Parquet's JSON type: DuckDB reads them as JSON, pandas as str).
 *
 * Written a row group at a time (hyparquet-writer's ParquetWriter): each group's bytes go to the sink as
 * soon as it is encoded, so the writer holds one group of records, never the file. What it keeps to the
 * end is the footer: per group and column, offsets and 16-byte min/max statistics.
 */
import { parquetReadObjects } from 'hyparquet';
import { ByteWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { ColumnSource } from 'hyparquet-writer';
import { ByteCollector, PART_BYTES, type ByteSink } from './byte-sink';
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

function columnsOf(records: DatasetRecord[]): ColumnSource[] {
  return RECORD_FIELDS.map((name) => {
    const type = parquetTypeOf(name);
    const data = records.map((r) => {
      const value = r[name];
      return type === 'TIMESTAMP' && typeof value === 'string' ? new Date(value) : value;
    });
    return { name, data, type, nullable: !REQUIRED.has(name) };
  });
}

/**
 * hyparquet-writer's buffer, emptied into `sink` after each row group (its `flush`) and whenever it passes
 * {@link PART_BYTES} (as its own file writer does), so it never grows to the file's size.
 */
function sinkWriter(sink: ByteSink): ByteWriter {
  const writer = new ByteWriter(PART_BYTES);
  const grow = writer.ensure.bind(writer);
  const flush = () => {
    if (writer.index === 0) return;
    sink(new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  writer.ensure = (size: number) => {
    if (writer.index > PART_BYTES) flush();
    grow(size);
  };
  Object.assign(writer, { flush, finish: flush });
  return writer;
}

/** A Parquet file written one row group per {@link ParquetStream.add} call. */
export class ParquetStream {
  private readonly writer: ParquetWriter;
  /** Rows in the largest group written: what the writer held at most. */
  maxGroupRows = 0;

  constructor(sink: ByteSink, createdBy: string) {
    this.writer = new ParquetWriter({
      writer: sinkWriter(sink),
      schema: schemaFromColumnData({ columnData: columnsOf([]) }),
      createdBy,
      kvMetadata: [{ key: 'modelprint.format', value: `${DATASET_FORMAT}/${DATASET_FORMAT_VERSION}` }],
    });
  }

  /** One row group of these records, written through to the sink before this returns. */
  add(records: DatasetRecord[]): void {
    if (records.length === 0) return;
    this.maxGroupRows = Math.max(this.maxGroupRows, records.length);
    // The sink writer's flush is synchronous: write() returns nothing to wait for.
    void this.writer.write({ columnData: columnsOf(records), rowGroupSize: records.length });
  }

  /** The footer; a file with no row group is still a valid, empty Parquet file. */
  finish(): void {
    void this.writer.finish();
  }
}

/** Row groups of this many records when a whole array is written at once (the CLI's conversions). */
const GROUP_ROWS = 1_000;

export function writeParquet(records: DatasetRecord[], createdBy: string): Uint8Array {
  const out = new ByteCollector();
  const stream = new ParquetStream(out.write, createdBy);
  for (let i = 0; i < records.length; i += GROUP_ROWS) stream.add(records.slice(i, i + GROUP_ROWS));
  stream.finish();
  return out.bytes();
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
