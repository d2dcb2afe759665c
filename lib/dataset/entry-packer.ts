/**
 * A bundle's big entry (samples.jsonl) on its way into the zip: deflated, with the CRC-32 the zip needs.
 * Deflating is the largest part of an export's CPU time (~1.1 s for the 55 MB of JSONL of 10,000 samples),
 * so it sits behind an interface: inline here (the CLI, Node, tests), and in the extension in a second
 * worker (lib/dataset/packer-port.ts) on the machine's other core, while the export worker reads and
 * converts the next page. The packer also takes the SHA-256 the manifest states.
 */
import { ZipDeflate } from 'fflate';
import { FileHash } from './byte-sink';

/** What the zip's data descriptor (CRC-32 and size of the raw bytes) and the manifest (SHA-256) need once every byte went through. */
export interface PackedEntry {
  crc: number;
  size: number;
  sha256: string;
}

export interface EntryPacker {
  /** Raw bytes, in order. The packer may take the chunk's buffer (a worker packer transfers it): do not reuse it. */
  push(chunk: Uint8Array): void;
  /** Resolves when the packer has room for another chunk, so at most a few chunks wait in memory. */
  ready(): Promise<void>;
  /** Resolves after every compressed byte went to `onData`, with the checksums. */
  finish(): Promise<PackedEntry>;
}

/** A packer deflating at `level` that hands the compressed bytes, in order, to `onData`. */
export type PackerFactory = (level: number, onData: (chunk: Uint8Array) => void) => EntryPacker;

/** The zip header flag bits fflate writes for a deflate level (so a packed entry's header matches a ZipDeflate one). */
export const deflateFlag = (level: number): number => new ZipDeflate('', { level: level as 1 }).flag!;

/** Deflate (fflate, as the zip's other entries) and CRC-32 of what is pushed, synchronously. */
export function deflater(level: number, onData: (chunk: Uint8Array) => void): { push(chunk: Uint8Array): void; end(): Omit<PackedEntry, 'sha256'> } {
  const file = new ZipDeflate('', { level: level as 1 });
  let failure: Error | null = null;
  file.ondata = (err, data, _final) => {
    if (err) failure ??= err;
    else if (data.length > 0) onData(data);
  };
  const check = () => {
    if (failure) throw failure;
  };
  return {
    push(chunk) {
      file.push(chunk, false);
      check();
    },
    end() {
      file.push(new Uint8Array(0), true);
      check();
      return { crc: file.crc, size: file.size };
    },
  };
}

/** The packer's work wherever it runs: {@link deflater} plus the SHA-256 the manifest states. */
export function packing(level: number, onData: (chunk: Uint8Array) => void): { push(chunk: Uint8Array): void; end(): Promise<PackedEntry> } {
  const core = deflater(level, onData);
  const hash = new FileHash();
  return {
    push(chunk) {
      hash.write(chunk);
      core.push(chunk);
    },
    end: async () => ({ ...core.end(), sha256: (await hash.digest()).sha256 }),
  };
}

/** Packs on the calling thread: each push is deflated before it returns. */
export const inlinePacker: PackerFactory = (level, onData) => {
  const work = packing(level, onData);
  let result: Promise<PackedEntry> | null = null;
  return {
    push: work.push,
    ready: () => Promise.resolve(),
    finish: () => (result ??= work.end()),
  };
};
