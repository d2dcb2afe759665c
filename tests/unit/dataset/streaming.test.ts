/**
 * The export streams: each page of samples is written through to the sink before the next page is read
 * (so the writer holds one page, never the dataset), the Parquet file has one row group per page, a
 * cancelled export stops reading and never finishes a file, and the worker pages the database oldest
 * first (ties by id) without skipping or repeating a sample.
 */
import 'fake-indexeddb/auto';
import { parquetMetadata } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, listSamplesByTime, openModelPrintDB } from '@/lib/db';
import { ByteCollector } from '@/lib/dataset/byte-sink';
import { exportSamples, exportStream } from '@/lib/dataset/export';
import { readBundle } from '@/lib/dataset/bundle';
import { sha256Hex } from '@/lib/dataset/manifest';
import { readDataset } from '@/lib/dataset/read';
import { createWorkerHandler } from '@/lib/dataset/worker-handler';
import type { FromWorker } from '@/lib/dataset/worker-protocol';
import { NO_PRIVACY } from '@/lib/dataset/schema';
import type { Sample } from '@/lib/sample';
import { createFakeEngine } from '../verdict/fake-engine';
import { exportOptions, fakeFingerprint } from './helpers';
import { makeSample, makeSamples } from './samples';

const PAGE = 10;
const pagesOf = (samples: Sample[]) => Array.from({ length: Math.ceil(samples.length / PAGE) }, (_, i) => samples.slice(i * PAGE, (i + 1) * PAGE));

/**
 * Pages that note, each time the next one is asked for, how many bytes the sink had received: if the
 * writer kept records back, the sink would not have grown by then.
 */
function watchedPages(samples: Sample[], sunk: () => number) {
  const seen: number[] = [];
  let pulled = 0;
  async function* pages() {
    for (const page of pagesOf(samples)) {
      seen.push(sunk());
      pulled++;
      yield page;
    }
    seen.push(sunk());
  }
  return { pages: pages(), seen, pulled: () => pulled };
}

describe('a streamed export', () => {
  it('writes each page of JSONL through before reading the next: the lines out equal the samples read', async () => {
    const samples = makeSamples(45);
    const out = new ByteCollector();
    let lines = 0;
    const sink = (chunk: Uint8Array) => {
      for (const b of chunk) if (b === 0x0a) lines++;
      out.write(chunk);
    };
    const watch = watchedPages(samples, () => lines);
    await exportStream(watch.pages, samples.length, exportOptions({ format: 'jsonl' }), sink);
    // Before page k is read, exactly the k-1 pages before it have been written.
    expect(watch.seen).toEqual([0, 10, 20, 30, 40, 45]);
    const read = await readDataset(out.bytes());
    expect(read.valid.map((v) => v.record.id)).toEqual(samples.map((s) => s.id));
  });

  it('writes one Parquet row group per page, flushed before the next page, and never holds more than a page', async () => {
    const samples = makeSamples(45);
    const out = new ByteCollector();
    let bytes = 0;
    const watch = watchedPages(samples, () => bytes);
    const { writer } = await exportStream(watch.pages, samples.length, exportOptions({ format: 'parquet' }), (chunk) => {
      bytes += chunk.length;
      out.write(chunk);
    });
    // The sink grew between every two pages: no page waited in the writer for the next one.
    for (let i = 1; i < watch.seen.length; i++) expect(watch.seen[i]).toBeGreaterThan(watch.seen[i - 1]!);
    expect(writer.maxGroupRows).toBe(PAGE);
    const file = out.bytes();
    const meta = parquetMetadata(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([10, 10, 10, 10, 5]);
    expect((await readDataset(file)).valid.map((v) => v.record.id)).toEqual(samples.map((s) => s.id));
  });

  it('zips a bundle as it goes: the JSONL entry grows page by page, and the manifest checksums are the files', async () => {
    // Long answers, so the deflater has more than its window to hand on after each page.
    const samples = makeSamples(60).map((s, i) => ({ ...s, text: `${s.text} ${'word '.repeat(2_000)}${i}` }));
    const out = new ByteCollector();
    let bytes = 0;
    const watch = watchedPages(samples, () => bytes);
    const { manifest } = await exportStream(watch.pages, samples.length, exportOptions(), (chunk) => {
      bytes += chunk.length;
      out.write(chunk);
    });
    for (let i = 2; i < watch.seen.length; i++) expect(watch.seen[i]).toBeGreaterThan(watch.seen[i - 1]!);
    const entries = await readBundle(out.bytes());
    for (const name of ['samples.jsonl', 'samples.parquet'] as const) {
      expect(manifest.files[name]).toEqual({ sha256: await sha256Hex(entries[name]!), bytes: entries[name]!.length });
    }
    const read = await readDataset(out.bytes());
    expect(read.kind).toBe('bundle');
    expect(read.valid).toHaveLength(60);
  });

  it('stops when cancelled: no further page is read and no file is finished', async () => {
    const samples = makeSamples(100);
    const controller = new AbortController();
    const out = new ByteCollector();
    let pulled = 0;
    let closed = false;
    async function* pages() {
      try {
        for (const page of pagesOf(samples)) {
          pulled++;
          if (pulled === 3) controller.abort();
          yield page;
        }
      } finally {
        closed = true;
      }
    }
    await expect(exportStream(pages(), 100, exportOptions(), out.write, { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(pulled).toBe(3);
    expect(closed).toBe(true); // the database reader is told to stop
    // What was written is no zip: it has no central directory, so nothing could mistake it for a file.
    await expect(readBundle(out.bytes())).rejects.toThrow(/truncated or not a zip/);
  });

  it('hashes a conversation id the same way on every page of one export', async () => {
    const samples = makeSamples(45);
    const out = new ByteCollector();
    const privacy = { ...NO_PRIVACY, hashConversationIds: true };
    await exportStream(pagesOf(samples), samples.length, exportOptions({ format: 'jsonl', privacy }), out.write);
    const records = (await readDataset(out.bytes())).valid.map((v) => v.record);
    const hashOf = new Map<string, Set<string | null>>();
    samples.forEach((s, i) => {
      if (s.conversationId === null) return;
      hashOf.set(s.conversationId, (hashOf.get(s.conversationId) ?? new Set()).add(records[i]!.conversationId));
    });
    // conv-0 … conv-6 recur on every page of 10: one hash each, none the id itself.
    expect(hashOf.size).toBe(7);
    for (const [id, hashes] of hashOf) {
      expect(hashes.size).toBe(1);
      expect([...hashes][0]).toMatch(/^[0-9a-f]{32}$/);
      expect([...hashes][0]).not.toBe(id);
    }
  });

  it('gives the same records as the whole-array writer, whatever the page size', async () => {
    const samples = makeSamples(37);
    const whole = await exportSamples(samples, exportOptions({ format: 'jsonl', features: true }), { fingerprint: fakeFingerprint });
    const out = new ByteCollector();
    await exportStream(pagesOf(samples), samples.length, exportOptions({ format: 'jsonl', features: true }), out.write, { fingerprint: fakeFingerprint });
    expect(out.bytes()).toEqual(whole.bytes);
  });
});

describe('the worker reads the database in pages', () => {
  it('oldest first, ties by id, every sample once, across pages that split a run of equal times', async () => {
    const db = await openModelPrintDB('streaming-pages');
    // 25 samples at one capture time (a `dataset from` import) between others.
    const same = Array.from({ length: 25 }, (_, i) => makeSample(100 + i, { capturedAt: 1_780_000_500_000 }));
    const all = [...makeSamples(20), ...same];
    await addSamplesAtomically(db, all);
    const expected = [...all].sort((a, b) => a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : 1)).map((s) => s.id);
    const got: string[] = [];
    for (let after: Sample | undefined; ; ) {
      const page = await listSamplesByTime(db, after ? { capturedAt: after.capturedAt, id: after.id } : null, 7);
      if (page.length === 0) break;
      expect(page.length).toBeLessThanOrEqual(7);
      got.push(...page.map((s) => s.id));
      after = page.at(-1);
    }
    expect(got).toEqual(expected);
    db.close();
  });

  it('exports through the handler a page at a time into a Blob', async () => {
    const db = openModelPrintDB('streaming-handler');
    await addSamplesAtomically(await db, makeSamples(23));
    const posted: FromWorker[] = [];
    const engine = Object.assign(createFakeEngine('fake-1'), { info: { version: 'fake-1', featureSetVersion: 'f', signaturesDate: 'd' } });
    const handle = createWorkerHandler({ openDb: () => db, engine: async () => engine, fingerprint: fakeFingerprint, post: (m) => posted.push(m), pageSize: 5 });
    await handle({ type: 'export', ids: null, request: { format: 'bundle', privacy: NO_PRIVACY, features: false, filters: null, modelprintVersion: '1.0.0' } });
    const writing = posted.flatMap((m) => (m.type === 'progress' && m.progress.stage === 'writing' ? [m.progress.done] : []));
    expect(writing).toEqual([0, 5, 10, 15, 20, 23]);
    const done = posted.at(-1);
    if (done?.type !== 'exported') throw new Error(JSON.stringify(done));
    expect(done.blob.type).toBe('application/zip');
    const read = await readDataset(new Uint8Array(await done.blob.arrayBuffer()));
    expect(read.valid.map((v) => v.record.id)).toEqual(makeSamples(23).sort((a, b) => a.capturedAt - b.capturedAt).map((s) => s.id));
    (await db).close();
  });
});
