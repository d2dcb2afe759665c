/**
 * The dataset bundle: a zip (fflate) of samples.jsonl, samples.parquet, manifest.json, schema.json and the
 * dataset card README.md. Reading inflates only the entries the format names, counting real inflated bytes
 * as it goes, so a zip bomb stops at the stated limit whatever its headers claim.
 */
import { Unzip, UnzipInflate, UnzipPassThrough, zipSync } from 'fflate';
import { DatasetError } from './errors';

export const BUNDLE_FILES = {
  jsonl: 'samples.jsonl',
  parquet: 'samples.parquet',
  manifest: 'manifest.json',
  schema: 'schema.json',
  card: 'README.md',
} as const;

/** Most bytes a bundle may inflate to, all entries together. */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
/** Input pushed to the inflater at a time: one push inflates to at most ~1,000× this before the count is checked. */
const PUSH_BYTES = 16 * 1024;

export type BundleEntries = Partial<Record<(typeof BUNDLE_FILES)[keyof typeof BUNDLE_FILES], Uint8Array>>;

/** Zips the entries. The JSONL deflates ~5×; Parquet is already compressed (snappy), so it is stored. */
export function writeBundle(entries: Required<BundleEntries>, mtime: number): Uint8Array {
  const opts = { mtime: new Date(mtime) };
  return zipSync({
    [BUNDLE_FILES.jsonl]: [entries[BUNDLE_FILES.jsonl], { ...opts, level: 1 }],
    [BUNDLE_FILES.parquet]: [entries[BUNDLE_FILES.parquet], { ...opts, level: 0 }],
    [BUNDLE_FILES.manifest]: [entries[BUNDLE_FILES.manifest], { ...opts, level: 6 }],
    [BUNDLE_FILES.schema]: [entries[BUNDLE_FILES.schema], { ...opts, level: 6 }],
    [BUNDLE_FILES.card]: [entries[BUNDLE_FILES.card], { ...opts, level: 6 }],
  });
}

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const WANTED = new Set<string>(Object.values(BUNDLE_FILES));

/** The bundle's known entries. Throws a {@link DatasetError} past `limit` inflated bytes or on a broken zip. */
export function readBundle(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): BundleEntries {
  const chunks = new Map<string, Uint8Array[]>();
  const finished = new Set<string>();
  let total = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file) => {
    if (!WANTED.has(file.name) || chunks.has(file.name)) return; // never inflated
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new DatasetError(`the bundle's ${file.name} is damaged (${err.message})`);
        return;
      }
      total += data.length;
      if (total > limit) {
        failure = new DatasetError(`the bundle inflates past ${Math.round(limit / 1024 / 1024)} MB, the most ModelPrint reads: refused (split the dataset, or import samples.jsonl or samples.parquet directly)`);
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) finished.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    for (let at = 0; at < bytes.length && !failure; at += PUSH_BYTES) {
      const end = Math.min(bytes.length, at + PUSH_BYTES);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (e) {
    failure ??= new DatasetError(`not a readable zip (${e instanceof Error ? e.message : String(e)})`);
  }
  if (failure) throw failure;
  for (const name of chunks.keys()) {
    if (!finished.has(name)) throw new DatasetError(`the bundle is truncated: ${name} ends early`);
  }
  const out: BundleEntries = {};
  for (const [name, parts] of chunks) out[name as keyof BundleEntries] = concat(parts);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
