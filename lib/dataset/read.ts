/**
 * Any input file to validated records: a bundle (zip), a Parquet file, a JSON document or JSONL, told
 * apart by their first bytes, not by the file name. Whole-file problems throw a {@link DatasetError};
 * record problems are listed with their line and field. Nothing here touches a database.
 */
import * as v from 'valibot';
import { BUNDLE_FILES, isZip, readBundle } from './bundle';
import { DatasetError } from './errors';
import { findForbiddenKey } from './guard';
import { sha256Hex } from './manifest';
import { readParquet } from './parquet';
import { assertCount, decodeUtf8, parseDatasetText, type ItemSink, type RawItem } from './parse-text';
import { DATASET_FORMAT, ManifestSchema, type DatasetManifest } from './schema';
import { assertReadable, versionOf } from './upgrade';
import { RecordValidator, type Validation } from './validate';

export type DatasetKind = 'bundle' | 'parquet' | 'json' | 'jsonl';

export interface ReadDataset extends Validation {
  kind: DatasetKind;
  manifest: DatasetManifest | null;
  /** Records in the file, valid or not. */
  total: number;
}

export interface ReadOptions {
  /** Refuse files with more records than this (the dashboard's limit); unlimited when absent. */
  maxRecords?: number;
  /** Refuse bundles inflating past this many bytes (default: lib/dataset/bundle.ts MAX_INFLATED_BYTES). */
  maxInflatedBytes?: number;
}

const isParquet = (b: Uint8Array) => b.length >= 8 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;

function parseManifest(raw: unknown): DatasetManifest {
  if (raw === null || typeof raw !== 'object') throw new DatasetError('the manifest is not a JSON object');
  assertReadable(versionOf(raw), typeof (raw as { modelprintVersion?: unknown }).modelprintVersion === 'string' ? (raw as { modelprintVersion: string }).modelprintVersion : null);
  const forbidden = findForbiddenKey(raw);
  if (forbidden !== null) throw new DatasetError(`the manifest has a forbidden key at ${forbidden}`);
  const result = v.safeParse(ManifestSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new DatasetError(`the manifest is invalid${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}

async function verify(manifest: DatasetManifest, name: string, bytes: Uint8Array): Promise<void> {
  const entry = manifest.files[name];
  if (!entry) throw new DatasetError(`the manifest lists no checksum for ${name}`);
  if (entry.bytes !== bytes.byteLength || entry.sha256 !== (await sha256Hex(bytes))) {
    throw new DatasetError(`${name} does not match the SHA-256 in the manifest: the bundle was changed or damaged`);
  }
}

async function bundleItems(bytes: Uint8Array, options: ReadOptions, sink: ItemSink): Promise<{ count: number; manifest: DatasetManifest }> {
  const entries = await readBundle(bytes, options.maxInflatedBytes);
  const rawManifest = entries[BUNDLE_FILES.manifest];
  if (!rawManifest) throw new DatasetError('the zip has no manifest.json: it is not a ModelPrint dataset bundle');
  let json: unknown;
  try {
    json = JSON.parse(decodeUtf8(rawManifest, 'manifest.json'));
  } catch (e) {
    throw e instanceof DatasetError ? e : new DatasetError(`manifest.json is not valid JSON (${(e as Error).message})`);
  }
  const manifest = parseManifest(json);
  const jsonl = entries[BUNDLE_FILES.jsonl];
  const parquet = entries[BUNDLE_FILES.parquet];
  if (jsonl) {
    await verify(manifest, BUNDLE_FILES.jsonl, jsonl);
    return { count: parseDatasetText(decodeUtf8(jsonl, BUNDLE_FILES.jsonl), options.maxRecords ?? Infinity, sink).count, manifest };
  }
  if (parquet) {
    await verify(manifest, BUNDLE_FILES.parquet, parquet);
    return { count: handParquetOn(await readParquet(parquet), options.maxRecords, sink), manifest };
  }
  throw new DatasetError('the bundle has neither samples.jsonl nor samples.parquet');
}

function textItems(bytes: Uint8Array, maxRecords: number | undefined, sink: ItemSink) {
  let manifest: DatasetManifest | null = null;
  const parsed = parseDatasetText(decodeUtf8(bytes), maxRecords ?? Infinity, {
    ...sink,
    // Checked before any record: a document of a newer format is refused whole.
    head(head) {
      assertReadable(versionOf(head), null);
      if (head.format !== DATASET_FORMAT) throw new DatasetError(`the JSON document's "format" is not "${DATASET_FORMAT}"`);
      if (head.manifest !== undefined) manifest = parseManifest(head.manifest);
    },
  });
  return { kind: parsed.kind, count: parsed.count, manifest };
}

/** Parquet rows to the sink, after the count check (a Parquet file is read whole by hyparquet). */
function handParquetOn(rows: RawItem[], maxRecords: number | undefined, sink: ItemSink): number {
  assertCount(rows.length, maxRecords ?? Infinity);
  for (let i = 0; i < rows.length; i++) {
    sink.item(rows[i]!);
    rows[i] = undefined as unknown as RawItem;
  }
  return rows.length;
}

async function parquetItems(bytes: Uint8Array) {
  try {
    return await readParquet(bytes);
  } catch (e) {
    throw new DatasetError(`not a readable Parquet file (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Reads, parses and validates `bytes`, holding each raw record only until it is validated. */
export async function readDataset(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDataset> {
  const validator = new RecordValidator();
  const sink: ItemSink = { item: (item) => validator.add(item), error: (error) => validator.reject([error]) };
  let kind: DatasetKind;
  let read: { count: number; manifest: DatasetManifest | null };
  if (isZip(bytes)) {
    kind = 'bundle';
    read = await bundleItems(bytes, options, sink);
  } else if (isParquet(bytes)) {
    kind = 'parquet';
    read = { count: handParquetOn(await parquetItems(bytes), options.maxRecords, sink), manifest: null };
  } else {
    const text = textItems(bytes, options.maxRecords, sink);
    kind = text.kind;
    read = text;
  }
  if (read.count === 0) throw new DatasetError('the file holds no records');
  assertCount(read.count, options.maxRecords ?? Infinity);
  return { kind, manifest: read.manifest, total: read.count, ...validator.result() };
}
