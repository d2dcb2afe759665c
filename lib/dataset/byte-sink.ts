/**
 * Where the bytes of an export go, a chunk at a time, so no writer holds a whole file: a Blob-backed
 * spool (the browser keeps Blob data out of the script's heap and pages big ones to disk), a plain byte
 * collector for the CLI and the tests, and a SHA-256 counter the manifest's checksums come from.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export type ByteSink = (chunk: Uint8Array) => void;

/** Bytes are handed on in parts of about this size: small enough to bound memory, big enough that a Blob per part is cheap. */
export const PART_BYTES = 1024 * 1024;

/**
 * Gathers small chunks (a zip header, a page header) into parts of at least {@link PART_BYTES} before
 * handing them on. Holds at most one part.
 */
export class Coalescer {
  private parts: Uint8Array[] = [];
  private size = 0;

  constructor(private readonly onPart: ByteSink, private readonly partBytes = PART_BYTES) {}

  write: ByteSink = (chunk) => {
    if (chunk.length === 0) return;
    // Chunks may be views of a buffer their writer reuses: copied before being kept.
    this.parts.push(chunk.slice());
    this.size += chunk.length;
    if (this.size >= this.partBytes) this.flush();
  };

  flush(): void {
    if (this.size === 0) return;
    this.onPart(concat(this.parts, this.size));
    this.parts = [];
    this.size = 0;
  }
}

/** A temporary file made of Blob parts: written in chunks, read back a part at a time. */
export class BlobSpool {
  private readonly blobs: Blob[] = [];
  private readonly coalescer = new Coalescer((part) => this.blobs.push(new Blob([part as Uint8Array<ArrayBuffer>])));
  readonly write: ByteSink = this.coalescer.write;

  /** Everything written, as one Blob (no copy: a Blob of Blobs). */
  toBlob(type = ''): Blob {
    this.coalescer.flush();
    return new Blob(this.blobs, { type });
  }

  /** The parts in order, each read only when asked for. */
  async *parts(): AsyncGenerator<Uint8Array> {
    this.coalescer.flush();
    for (const blob of this.blobs) yield new Uint8Array(await blob.arrayBuffer());
  }
}

/** Every chunk kept, then joined: for the CLI and tests, which want the file's bytes. */
export class ByteCollector {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  readonly write: ByteSink = (chunk) => {
    this.chunks.push(chunk.slice());
    this.size += chunk.length;
  };

  bytes(): Uint8Array {
    return concat(this.chunks, this.size);
  }
}

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * Files up to this size are hashed whole by the platform (WebCrypto: native, with the CPU's SHA
 * instructions, ~65 ms for 55 MB where a script hash takes ~440 ms); past it the held bytes are handed to
 * a streamed script hash (noble), so memory stays flat however big the export.
 */
export const WHOLE_HASH_BYTES = 64 * 1024 * 1024;

const hex = (digest: Uint8Array) => [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 and size of a file written in chunks. */
export class FileHash {
  private held: Uint8Array[] = [];
  private streamed: ReturnType<typeof sha256.create> | null = null;
  private bytes = 0;

  constructor(private readonly wholeBytes = WHOLE_HASH_BYTES) {}

  /** Copies what it holds: writers may reuse a chunk's buffer or hand it on (a transfer empties it). */
  write: ByteSink = (chunk) => {
    this.bytes += chunk.length;
    if (this.streamed) return void this.streamed.update(chunk);
    this.held.push(chunk.slice());
    if (this.bytes <= this.wholeBytes) return;
    this.streamed = sha256.create();
    for (const part of this.held) this.streamed.update(part);
    this.held = [];
  };

  async digest(): Promise<FileDigest> {
    if (this.streamed) return { sha256: hex(this.streamed.digest()), bytes: this.bytes };
    const whole = concat(this.held, this.bytes) as Uint8Array<ArrayBuffer>;
    this.held = [];
    return { sha256: hex(new Uint8Array(await crypto.subtle.digest('SHA-256', whole))), bytes: this.bytes };
  }
}

/** Counts and hashes what passes through on its way to `next`. */
export function digesting(next: ByteSink): { write: ByteSink; digest: () => Promise<FileDigest> } {
  const hash = new FileHash();
  return {
    write(chunk) {
      hash.write(chunk);
      next(chunk);
    },
    digest: () => hash.digest(),
  };
}

export function concat(parts: Uint8Array[], size = parts.reduce((n, p) => n + p.length, 0)): Uint8Array {
  if (parts.length === 1 && parts[0]!.length === size) return parts[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
