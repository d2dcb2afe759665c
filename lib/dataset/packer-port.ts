/**
 * An {@link EntryPacker} whose work runs at the other end of a message port: the extension's export worker
 * hands each page's JSONL bytes to a second worker (components/dashboard/pack.worker.ts), which hashes and
 * deflates them while the export worker reads and converts the next page. On a machine with two cores
 * the two halves of an export overlap instead of following each other.
 *
 * Bytes move by transfer, not copy. At most {@link IN_FLIGHT} chunks wait for the other side, so memory
 * stays at a few pages however fast the pages come. One port packs one entry; whoever made the port ends it
 * (lib/dataset/worker-handler.ts terminates the worker whatever happens to the export).
 */
import { packing, type EntryPacker, type PackedEntry, type PackerFactory } from './entry-packer';

/** What both ends need of a Worker, a worker's global scope, or a MessagePort. */
export interface PackerPort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

export type ToPacker = { type: 'start'; level: number } | { type: 'chunk'; chunk: Uint8Array } | { type: 'end' };

/** One answer per chunk (its compressed output, possibly none), then one for the end. */
export type FromPacker =
  | { type: 'packed'; chunks: Uint8Array[] }
  | { type: 'ended'; chunks: Uint8Array[]; entry: PackedEntry }
  | { type: 'error'; message: string };

/** Chunks sent and not yet answered before {@link EntryPacker.ready} waits. */
export const IN_FLIGHT = 2;

const buffers = (chunks: Uint8Array[]): ArrayBuffer[] => chunks.map((c) => c.buffer as ArrayBuffer);

/** A chunk that owns its whole buffer (so transferring it moves nothing else); copied otherwise. */
const owned = (chunk: Uint8Array): Uint8Array =>
  chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength && chunk.buffer instanceof ArrayBuffer ? chunk : chunk.slice();

/** The packing side: answers each chunk with its compressed bytes. */
export function servePacker(port: PackerPort): void {
  let core: ReturnType<typeof packing> | null = null;
  let out: Uint8Array[] = [];
  const reply = (message: FromPacker) => port.postMessage(message, message.type === 'error' ? [] : buffers(message.chunks));
  port.onmessage = async (event: MessageEvent<ToPacker>) => {
    const m = event.data;
    try {
      if (m.type === 'start') core = packing(m.level, (chunk) => out.push(owned(chunk)));
      else if (!core) throw new Error('the packer was not started');
      else if (m.type === 'chunk') core.push(m.chunk);
      else {
        // The last message: nothing arrives while this awaits.
        const entry = await core.end();
        core = null;
        reply({ type: 'ended', chunks: out, entry });
        out = [];
        return;
      }
      if (m.type === 'chunk') {
        reply({ type: 'packed', chunks: out });
        out = [];
      }
    } catch (e) {
      core = null;
      out = [];
      reply({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
}

/** Packs through `port` (a fresh one per entry). */
export function portPacker(port: PackerPort): PackerFactory {
  return (level, onData) => {
    let waiting = 0;
    let failure: Error | null = null;
    let room: (() => void) | null = null;
    let ended: { resolve: (e: PackedEntry) => void; reject: (e: Error) => void } | null = null;
    const wake = () => {
      const r = room;
      room = null;
      r?.();
    };
    port.onmessage = (event: MessageEvent<FromPacker>) => {
      const m = event.data;
      if (m.type === 'error') {
        failure = new Error(`packing the JSONL failed: ${m.message}`);
        ended?.reject(failure);
        return wake();
      }
      for (const chunk of m.chunks) onData(chunk);
      if (m.type === 'ended') ended?.resolve(m.entry);
      else {
        waiting--;
        if (waiting < IN_FLIGHT) wake();
      }
    };
    port.postMessage({ type: 'start', level } satisfies ToPacker, []);
    const check = () => {
      if (failure) throw failure;
    };
    return {
      push(chunk) {
        check();
        const c = owned(chunk);
        waiting++;
        port.postMessage({ type: 'chunk', chunk: c } satisfies ToPacker, [c.buffer as ArrayBuffer]);
      },
      async ready() {
        check();
        if (waiting >= IN_FLIGHT) await new Promise<void>((resolve) => (room = resolve));
        check();
      },
      async finish() {
        check();
        return new Promise<PackedEntry>((resolve, reject) => {
          ended = { resolve, reject };
          port.postMessage({ type: 'end' } satisfies ToPacker, []);
        });
      },
    };
  };
}
