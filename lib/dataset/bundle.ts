/**
 * The dataset bundle: a zip (fflate) of samples.jsonl, samples.parquet, manifest.json, schema.json and the
 * dataset card README.md.
 *
 * Written as a stream (fflate's Zip): each entry's bytes go out as they are pushed, so the bundle is never
 * whole in memory. A streamed entry's sizes and CRC follow its data (a data descriptor), so reading goes
 * by the central directory at the end, which states where every entry starts and how long it is: a
 * reader scanning for the descriptor's signature would stop early when compressed bytes happen to contain
 * it. Reading inflates only the entries the format names, counting real inflated bytes as it goes, so a
 * zip bomb stops at the stated limit whatever its headers claim.
 */
import { Zip, ZipPassThrough, type ZipInputFile } from 'fflate';
import { ByteCollector, concat, type ByteSink } from './byte-sink';
import { deflateFlag, deflater, type PackedEntry } from './entry-packer';
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
/** Input written to the inflater at a time. */
const PUSH_BYTES = 16 * 1024;

export type BundleEntries = Partial<Record<(typeof BUNDLE_FILES)[keyof typeof BUNDLE_FILES], Uint8Array>>;

/** Deflate level per entry: the JSONL deflates ~5× at level 1; Parquet is already compressed (snappy), so it is stored. */
export function entryLevel(name: string): number {
  return name === BUNDLE_FILES.jsonl ? 1 : name === BUNDLE_FILES.parquet ? 0 : 6;
}

/** Zips whole entries (tests and small bundles; exports stream through {@link ZipStream}). */
export function writeBundle(entries: Required<BundleEntries>, mtime: number): Uint8Array {
  const out = new ByteCollector();
  const zip = new ZipStream(out.write, mtime);
  for (const [name, bytes] of Object.entries(entries)) zip.add(name, bytes, entryLevel(name));
  zip.end();
  return out.bytes();
}

export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** One entry of a {@link ZipStream}: push its bytes in order, then end it. */
export interface ZipEntry {
  push(chunk: Uint8Array): void;
  end(): void;
}

/**
 * A zip written entry after entry into `sink`. Entries must be written one at a time (fflate would hold
 * a later entry's bytes until the earlier one ends). `level` 0 stores (for already compressed data).
 */
export class ZipStream {
  private readonly zip: Zip;
  private failure: Error | null = null;

  constructor(sink: ByteSink, private readonly mtime: number) {
    this.zip = new Zip((err, data) => {
      if (err) this.failure ??= err;
      else sink(data);
    });
  }

  entry(name: string, level: number): ZipEntry {
    if (level > 0) {
      const entry = this.packed(name, level);
      const core = deflater(level, entry.push);
      return { push: core.push, end: () => entry.end(core.end()) };
    }
    const file = new ZipPassThrough(name);
    file.mtime = this.mtime;
    this.zip.add(file);
    return {
      push: (chunk) => {
        file.push(chunk, false);
        this.check();
      },
      end: () => {
        file.push(new Uint8Array(0), true);
        this.check();
      },
    };
  }

  /**
   * An entry deflated elsewhere (lib/dataset/entry-packer.ts): push its compressed bytes in order, then
   * end it with the raw bytes' CRC-32 and size, which go into the data descriptor after the data.
   */
  packed(name: string, level: number): { push(compressed: Uint8Array): void; end(entry: Pick<PackedEntry, 'crc' | 'size'>): void } {
    const file: ZipInputFile = { filename: name, compression: 8, flag: deflateFlag(level), mtime: this.mtime, crc: 0, size: 0 };
    this.zip.add(file);
    const ondata = file.ondata!;
    return {
      push: (compressed) => {
        ondata(null, compressed as Uint8Array<ArrayBuffer>, false);
        this.check();
      },
      end: ({ crc, size }) => {
        file.crc = crc;
        file.size = size;
        ondata(null, new Uint8Array(0), true);
        this.check();
      },
    };
  }

  /** A small entry whole. */
  add(name: string, bytes: Uint8Array, level: number): void {
    const e = this.entry(name, level);
    e.push(bytes);
    e.end();
  }

  /** The central directory. */
  end(): void {
    this.zip.end();
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}

const WANTED = new Set<string>(Object.values(BUNDLE_FILES));

interface Located {
  name: string;
  method: number;
  /** Where the compressed data starts and ends in the file. */
  start: number;
  end: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const truncated = () => new DatasetError('the bundle is truncated or not a zip: its table of contents (central directory) is missing or damaged');

/** The wanted entries, located through the central directory. Zip64 is refused: ModelPrint reads at most 512 MB. */
function locate(bytes: Uint8Array): Located[] {
  // The end-of-directory record is the last 22 bytes, or earlier by a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const out: Located[] = [];
  const seen = new Set<string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) throw truncated();
    const method = u16(bytes, at + 10);
    const size = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (!WANTED.has(name) || seen.has(name)) continue;
    seen.add(name);
    if (size === 0xffffffff || local === 0xffffffff) throw new DatasetError(`the bundle's ${name} is a zip64 entry, larger than ModelPrint reads`);
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw new DatasetError(`the bundle's ${name} is damaged (no local header where the directory says)`);
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + size > bytes.length) throw new DatasetError(`the bundle is truncated: ${name} ends early`);
    out.push({ name, method, start, end: start + size });
  }
  return out;
}

/** Counts inflated bytes over every entry of one bundle, refusing past the limit. */
class InflateBudget {
  private total = 0;
  constructor(private readonly limit: number) {}

  add(bytes: number): void {
    this.total += bytes;
    if (this.total > this.limit) {
      throw new DatasetError(
        `the bundle inflates past ${Math.round(this.limit / 1024 / 1024)} MB, the most ModelPrint reads: refused (split the dataset, or import samples.jsonl or samples.parquet directly)`,
      );
    }
  }
}

const damaged = (name: string, e: unknown) => new DatasetError(`the bundle's ${name} is damaged (${e instanceof Error ? e.message : String(e)})`);

/**
 * Inflates with the platform's zlib (DecompressionStream 'deflate-raw': Chromium 103+, Firefox 113+,
 * Node 18+; several times fflate's speed on a 50 MB JSONL), counting each output chunk against the
 * budget as it comes, so memory stops at the limit whatever the headers claim.
 */
async function inflate(name: string, data: Uint8Array, budget: InflateBudget): Promise<Uint8Array> {
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Written while read: awaiting each write before reading would stall on the stream's back-pressure.
  const writing = (async () => {
    for (let at = 0; at < data.length; at += PUSH_BYTES) await writer.write(data.subarray(at, Math.min(data.length, at + PUSH_BYTES)) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  writing.catch(() => {}); // the reader reports the same failure
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      budget.add(value.length);
      parts.push(value);
    }
  } catch (e) {
    void reader.cancel().catch(() => {});
    throw e instanceof DatasetError ? e : damaged(name, e);
  }
  return concat(parts);
}

/** The bundle's known entries. Throws a {@link DatasetError} past `limit` inflated bytes or on a broken zip. */
export async function readBundle(bytes: Uint8Array, limit = MAX_INFLATED_BYTES): Promise<BundleEntries> {
  const out: BundleEntries = {};
  const budget = new InflateBudget(limit);
  for (const { name, method, start, end } of locate(bytes)) {
    const data = bytes.subarray(start, end);
    if (method === 0) {
      budget.add(data.length);
      out[name as keyof BundleEntries] = data;
    } else if (method === 8) {
      out[name as keyof BundleEntries] = await inflate(name, data, budget);
    } else {
      throw new DatasetError(`the bundle's ${name} uses an unknown compression (method ${method})`);
    }
  }
  return out;
}
