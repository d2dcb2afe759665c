/**
 * Records to the files of a dataset: JSONL, Parquet, or the bundle of both with its manifest, schema and
 * card. Pure (no database, no DOM), so the export worker, the CLI and the tests share it.
 */
import schemaJson from '../../docs/dataset.schema.json' with { type: 'json' };
import { BUNDLE_FILES, writeBundle } from './bundle';
import { datasetCard } from './card';
import { buildManifest, type ManifestInput } from './manifest';
import { writeParquet } from './parquet';
import type { DatasetManifest, DatasetRecord } from './schema';

export type DatasetFormat = 'jsonl' | 'parquet' | 'bundle';

export const FORMAT_EXTENSIONS: Record<DatasetFormat, string> = { jsonl: '.jsonl', parquet: '.parquet', bundle: '.zip' };

const encoder = new TextEncoder();
/** Records encoded per step: keeps each string short, where one 250 MB string would strain memory. */
const ENCODE_CHUNK = 2_000;

/** One record per line, `\n` line ends, a final newline, no header: `pandas.read_json(lines=True)` reads it as is. */
export function writeJsonl(records: DatasetRecord[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < records.length; i += ENCODE_CHUNK) {
    let s = '';
    for (const r of records.slice(i, i + ENCODE_CHUNK)) s += `${JSON.stringify(r)}\n`;
    parts.push(encoder.encode(s));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface WrittenDataset {
  bytes: Uint8Array;
  manifest: DatasetManifest;
}

export type BundleInput = Omit<ManifestInput, 'files'>;

/**
 * The file of one format. Every format gets a manifest (for the caller to show or save); only the bundle
 * carries it inside.
 */
export async function writeDataset(format: DatasetFormat, input: BundleInput, onStep?: (step: string) => void): Promise<WrittenDataset> {
  const { records } = input;
  if (format === 'jsonl') {
    const bytes = writeJsonl(records);
    return { bytes, manifest: await buildManifest({ ...input, files: { [BUNDLE_FILES.jsonl]: bytes } }) };
  }
  const createdBy = `ModelPrint ${input.modelprintVersion}`;
  if (format === 'parquet') {
    const bytes = writeParquet(records, createdBy);
    return { bytes, manifest: await buildManifest({ ...input, files: { [BUNDLE_FILES.parquet]: bytes } }) };
  }
  onStep?.('jsonl');
  const jsonl = writeJsonl(records);
  onStep?.('parquet');
  const parquet = writeParquet(records, createdBy);
  onStep?.('zip');
  const manifest = await buildManifest({ ...input, files: { [BUNDLE_FILES.jsonl]: jsonl, [BUNDLE_FILES.parquet]: parquet } });
  const bytes = writeBundle(
    {
      [BUNDLE_FILES.jsonl]: jsonl,
      [BUNDLE_FILES.parquet]: parquet,
      [BUNDLE_FILES.manifest]: encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`),
      [BUNDLE_FILES.schema]: encoder.encode(`${JSON.stringify(schemaJson, null, 2)}\n`),
      [BUNDLE_FILES.card]: encoder.encode(datasetCard(manifest)),
    },
    input.exportedAt,
  );
  return { bytes, manifest };
}
