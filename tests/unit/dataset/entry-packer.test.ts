/**
 * The bundle's JSONL packer: inline and through a message port (the extension's second worker) give the
 * same bytes, the same checksums and a zip every reader opens; the SHA-256 is right on both sides of the
 * whole-file limit; at most IN_FLIGHT chunks wait; a failure on the far side reaches the writer.
 */
import { inflateSync, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ByteCollector, FileHash } from '@/lib/dataset/byte-sink';
import { BUNDLE_FILES, readBundle, writeBundle, ZipStream } from '@/lib/dataset/bundle';
import { inlinePacker, type PackerFactory } from '@/lib/dataset/entry-packer';
import { sha256Hex } from '@/lib/dataset/manifest';
import { IN_FLIGHT, portPacker, servePacker, type PackerPort } from '@/lib/dataset/packer-port';

const encoder = new TextEncoder();
const pages = (n: number) => Array.from({ length: n }, (_, i) => encoder.encode(`{"page":${i},"text":"${'lorem ipsum '.repeat(500 + i * 37)}"}\n`));
const joined = (chunks: Uint8Array[]) => {
  const out = new ByteCollector();
  chunks.forEach((c) => out.write(c));
  return out.bytes();
};

/** Both ends of a MessageChannel in this thread, as the dataset worker and pack.worker.ts are. */
function channelPacker(): PackerFactory {
  const { port1, port2 } = new MessageChannel();
  servePacker(port2 as unknown as PackerPort);
  return portPacker(port1 as unknown as PackerPort);
}

async function pack(factory: PackerFactory, chunks: Uint8Array[]) {
  const compressed: Uint8Array[] = [];
  const packer = factory(1, (c) => compressed.push(c.slice()));
  for (const c of chunks) {
    packer.push(c.slice());
    await packer.ready();
  }
  const entry = await packer.finish();
  return { entry, compressed: joined(compressed) };
}

describe('entry packer', () => {
  it('inline and through a port: the same deflated bytes, CRC, size and SHA-256', async () => {
    const chunks = pages(12);
    const raw = joined(chunks);
    const inline = await pack(inlinePacker, chunks);
    const ported = await pack(channelPacker(), chunks);
    expect(ported.compressed).toEqual(inline.compressed);
    expect(ported.entry).toEqual(inline.entry);
    expect(inline.entry.size).toBe(raw.length);
    expect(inline.entry.sha256).toBe(await sha256Hex(raw));
    expect(inflateSync(inline.compressed)).toEqual(raw);
  });

  it('a packed entry in a ZipStream opens in fflate and in our reader, with the right CRC', async () => {
    const chunks = pages(5);
    const raw = joined(chunks);
    const out = new ByteCollector();
    const zip = new ZipStream(out.write, Date.UTC(2026, 0, 1));
    const entry = zip.packed(BUNDLE_FILES.jsonl, 1);
    const factory = channelPacker();
    const packer = factory(1, entry.push);
    for (const c of chunks) packer.push(c.slice());
    entry.end(await packer.finish());
    zip.add(BUNDLE_FILES.manifest, encoder.encode('{}\n'), 6);
    zip.end();
    // unzipSync checks nothing but the structure; readBundle goes by the central directory.
    expect(unzipSync(out.bytes())[BUNDLE_FILES.jsonl]).toEqual(raw);
    expect((await readBundle(out.bytes()))[BUNDLE_FILES.jsonl]).toEqual(raw);
    const small = writeBundle({ 'samples.jsonl': raw, 'samples.parquet': raw, 'manifest.json': raw, 'schema.json': raw, 'README.md': raw }, Date.UTC(2026, 0, 1));
    expect(unzipSync(small)['README.md']).toEqual(raw);
  });

  it('keeps at most IN_FLIGHT chunks waiting for the other side', async () => {
    const { port1, port2 } = new MessageChannel();
    let answered = 0;
    let peak = 0;
    let sent = 0;
    const real = port2 as unknown as PackerPort;
    servePacker({
      postMessage: (m, t) => {
        answered++;
        real.postMessage(m, t);
      },
      set onmessage(f) {
        real.onmessage = f && ((e: MessageEvent) => {
          if ((e.data as { type: string }).type === 'chunk') peak = Math.max(peak, ++sent - answered);
          return f(e);
        });
      },
      get onmessage() {
        return real.onmessage;
      },
    });
    const packer = portPacker(port1 as unknown as PackerPort)(1, () => {});
    for (const c of pages(20)) {
      packer.push(c);
      await packer.ready();
    }
    await packer.finish();
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(IN_FLIGHT);
  });

  it('a failure on the packing side reaches the writer with its message', async () => {
    const { port1, port2 } = new MessageChannel();
    // A far side that fails on the first chunk, as a worker out of memory would report.
    port2.onmessage = (e: MessageEvent<{ type: string }>) => {
      if (e.data.type === 'chunk') port2.postMessage({ type: 'error', message: 'out of memory' });
    };
    const packer = portPacker(port1 as unknown as PackerPort)(1, () => {});
    packer.push(encoder.encode('a'));
    packer.push(encoder.encode('b'));
    await expect(packer.ready()).rejects.toThrow('packing the JSONL failed: out of memory');
    await expect(packer.finish()).rejects.toThrow('out of memory');
    port1.close();
    port2.close();
  });

  it('the packing side refuses chunks before its start, naming the problem', async () => {
    const { port1, port2 } = new MessageChannel();
    servePacker(port2 as unknown as PackerPort);
    const answer = new Promise<unknown>((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    port1.postMessage({ type: 'chunk', chunk: encoder.encode('x') });
    expect(await answer).toEqual({ type: 'error', message: 'the packer was not started' });
    port1.close();
    port2.close();
  });

  it('hashes whole below the limit and streams above it, with the same SHA-256', async () => {
    const chunks = pages(9);
    const raw = joined(chunks);
    for (const limit of [0, 1_000, raw.length - 1, raw.length, 1 << 30]) {
      const hash = new FileHash(limit);
      chunks.forEach((c) => hash.write(c));
      expect(await hash.digest(), `limit ${limit}`).toEqual({ sha256: await sha256Hex(raw), bytes: raw.length });
    }
  });

  it('holds copies: a writer reusing its buffer does not change the hash', async () => {
    const buffer = encoder.encode('first chunk;');
    const hash = new FileHash();
    hash.write(buffer);
    buffer.fill(0x21);
    hash.write(encoder.encode('second'));
    expect((await hash.digest()).sha256).toBe(await sha256Hex(encoder.encode('first chunk;second')));
  });
});
