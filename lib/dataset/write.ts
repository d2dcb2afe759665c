/**
 * Records to the files of a dataset: JSONL, Parquet, or the bundle of both with its manifest, schema and
 * card. Pure (no database, no DOM), so the export worker, the CLI and the tests share it.
 *
 * Written a page of records at a time ({@link DatasetWriter}): each page's JSONL lines and Parquet row
 * group go out to the sink before the next page comes, hashed on the way for the manifest. A bundle needs
 * its two data files one after the other in the zip, from one pass over the records: the JSONL streams
 * into the zip through an entry packer (deflate and checksums; in the extension a second worker, see
 * lib/dataset/entry-packer.ts) while the Parquet goes to a spool (Blob parts, out of the script's heap in
 * a browser), copied into the zip a part at a time once the JSONL entry is closed.
 */
import schemaJson from '../../docs/dataset.schema.json' with { type: 'json' };
import { BlobSpool, ByteCollector, digesting, type ByteSink, type FileDigest } from './byte-sink';
import { BUNDLE_FILES, entryLevel, ZipStream } from './bundle';
import { datasetCard } from './card';
import { inlinePacker, type EntryPacker, type PackerFactory } from './entry-packer';
import { buildManifest, RecordCounts, type ManifestHead } from './manifest';
import { ParquetStream } from './parquet';
import type { DatasetManifest, DatasetRecord } from './schema';

export type DatasetFormat = 'jsonl' | 'parquet' | 'bundle';

export const FORMAT_EXTENSIONS: Record<DatasetFormat, string> = { jsonl: '.jsonl', parquet: '.parquet', bundle: '.zip' };

const encoder = new TextEncoder();

/** One record per line, `\n` line ends, a final newline, no header: `pandas.read_json(lines=True)` reads it as is. */
export function jsonlLines(records: DatasetRecord[]): Uint8Array {
  let s = '';
  for (const r of records) s += `${JSON.stringify(r)}\n`;
  return encoder.encode(s);
}

/** Records per JSONL chunk when a whole array is written: keeps each string short. */
const PAGE = 1_000;

export function writeJsonl(records: DatasetRecord[]): Uint8Array {
  const out = new ByteCollector();
  for (let i = 0; i < records.length; i += PAGE) out.write(jsonlLines(records.slice(i, i + PAGE)));
  return out.bytes();
}

/** A data file being written: its bytes counted and hashed on their way to where they go. */
interface DataFile {
  name: string;
  write: ByteSink;
  digest: () => Promise<FileDigest>;
}

/**
 * One dataset written page by page into `sink`. Call {@link add} with each page of records (the page is
 * written through before it returns), then {@link finish} for the manifest. Holds one page, the running
 * counts, and for a bundle the Parquet spool.
 */
export class DatasetWriter {
  private readonly counts = new RecordCounts();
  private readonly jsonl: DataFile | null = null;
  private readonly parquet: DataFile | null = null;
  private readonly parquetStream: ParquetStream | null = null;
  private readonly zip: ZipStream | null = null;
  /** A bundle's JSONL: packed (deflated, hashed) into its zip entry. */
  private readonly jsonlEntry: ReturnType<ZipStream['packed']> | null = null;
  private readonly packer: EntryPacker | null = null;
  private readonly spool: BlobSpool | null = null;

  constructor(
    readonly format: DatasetFormat,
    private readonly head: ManifestHead,
    private readonly sink: ByteSink,
    packer: PackerFactory = inlinePacker,
  ) {
    const file = (name: string, to: ByteSink): DataFile => ({ name, ...digesting(to) });
    if (format === 'bundle') {
      this.zip = new ZipStream(sink, head.exportedAt);
      const level = entryLevel(BUNDLE_FILES.jsonl);
      const entry = this.zip.packed(BUNDLE_FILES.jsonl, level);
      this.jsonlEntry = entry;
      this.packer = packer(level, entry.push);
      this.spool = new BlobSpool();
      this.parquet = file(BUNDLE_FILES.parquet, this.spool.write);
    } else if (format === 'jsonl') {
      this.jsonl = file(BUNDLE_FILES.jsonl, sink);
    } else {
      this.parquet = file(BUNDLE_FILES.parquet, sink);
    }
    if (this.parquet) this.parquetStream = new ParquetStream(this.parquet.write, `ModelPrint ${head.modelprintVersion}`);
  }

  /** Rows in the largest Parquet row group written (one page): what the writer held at most. */
  get maxGroupRows(): number {
    return this.parquetStream?.maxGroupRows ?? 0;
  }

  /** Writes one page; resolves when the packer (if any) has room for the next. */
  async add(records: DatasetRecord[]): Promise<void> {
    this.counts.add(records);
    if (this.packer) this.packer.push(jsonlLines(records));
    else this.jsonl?.write(jsonlLines(records));
    this.parquetStream?.add(records);
    await this.packer?.ready();
  }

  /** Closes the files; for a bundle, copies the Parquet spool into the zip, then the manifest, schema and card. */
  async finish(onStep?: (step: 'zip') => void): Promise<DatasetManifest> {
    this.parquetStream?.finish();
    const files: Record<string, FileDigest> = {};
    const packed = this.packer ? await this.packer.finish() : null;
    if (packed) files[BUNDLE_FILES.jsonl] = { sha256: packed.sha256, bytes: packed.size };
    for (const f of [this.jsonl, this.parquet]) if (f) files[f.name] = await f.digest();
    const manifest = buildManifest({ ...this.head, counts: this.counts.value, files });
    if (this.zip && this.jsonlEntry && this.spool && packed) {
      this.jsonlEntry.end(packed);
      onStep?.('zip');
      const entry = this.zip.entry(BUNDLE_FILES.parquet, entryLevel(BUNDLE_FILES.parquet));
      for await (const part of this.spool.parts()) entry.push(part);
      entry.end();
      const text = (value: unknown) => encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
      this.zip.add(BUNDLE_FILES.manifest, text(manifest), entryLevel(BUNDLE_FILES.manifest));
      this.zip.add(BUNDLE_FILES.schema, text(schemaJson), entryLevel(BUNDLE_FILES.schema));
      this.zip.add(BUNDLE_FILES.card, encoder.encode(datasetCard(manifest)), entryLevel(BUNDLE_FILES.card));
      this.zip.end();
    }
    return manifest;
  }
}

export interface WrittenDataset {
  bytes: Uint8Array;
  manifest: DatasetManifest;
}

export type BundleInput = ManifestHead & { records: DatasetRecord[] };

/**
 * The file of one format from records in memory (the CLI's conversions). Every format gets a manifest
 * (for the caller to show or save); only the bundle carries it inside.
 */
export async function writeDataset(format: DatasetFormat, { records, ...head }: BundleInput): Promise<WrittenDataset> {
  const out = new ByteCollector();
  const writer = new DatasetWriter(format, head, out.write);
  for (let i = 0; i < records.length; i += PAGE) await writer.add(records.slice(i, i + PAGE));
  const manifest = await writer.finish();
  return { bytes: out.bytes(), manifest };
}
