import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, listAllListings, listNewestListings, listSampleChunk, openModelPrintDB, saveSample } from '@/lib/db';
import type { Sample } from '@/lib/sample';

const sample = (i: number): Sample => ({
  id: `chatgpt:c:m${i}`,
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/c',
  conversationId: 'c',
  messageId: `m${i}`,
  prompt: 'p',
  text: `answer ${i}`,
  reasoning: null,
  claimedModel: null,
  capturedAt: 1_000 * (10 - i),
});

describe('listSampleChunk', () => {
  it('reads every sample exactly once, chunk by chunk in id order', async () => {
    const db = await openModelPrintDB('dashboard-chunks');
    for (let i = 0; i < 7; i++) await saveSample(db, sample(i));
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const chunk = await listSampleChunk(db, after, 3);
      if (chunk.length === 0) break;
      seen.push(...chunk.map((s) => s.id));
      after = chunk[chunk.length - 1]!.id;
    }
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(7);
  });
});

describe('listNewestListings', () => {
  it('reads the listings of the newest samples first (cursor fallback where getAllRecords is missing)', async () => {
    const db = await openModelPrintDB('dashboard-newest');
    for (let i = 0; i < 6; i++) await saveSample(db, sample(i));
    expect((await listNewestListings(db, 2)).map((s) => s.id)).toEqual(['chatgpt:c:m0', 'chatgpt:c:m1']);
  });
});

describe('listAllListings', () => {
  it('reads every listing in one request, newest first', async () => {
    const db = await openModelPrintDB('dashboard-all-listings');
    for (let i = 0; i < 5; i++) await saveSample(db, sample(i));
    expect((await listAllListings(db)).map((l) => l.id)).toEqual([0, 1, 2, 3, 4].map((i) => `chatgpt:c:m${i}`));
  });
});

describe('listAllListings in chunks', () => {
  it('reads every listing once when there are more than one request holds, newest first', async () => {
    const db = await openModelPrintDB('dashboard-all-listings-chunked');
    // 2,500 samples: three requests of at most 1,000; capture times repeat, so ties are ordered by id.
    await addSamplesAtomically(db, Array.from({ length: 2_500 }, (_, i) => ({ ...sample(i), capturedAt: Math.floor(i / 3) })));
    const listed = await listAllListings(db);
    expect(listed).toHaveLength(2_500);
    expect(new Set(listed.map((l) => l.id)).size).toBe(2_500);
    const order = listed.map((l) => [l.capturedAt, l.id] as const);
    const expected = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(order).toEqual(expected);
  });

  it('is empty on an empty database', async () => {
    expect(await listAllListings(await openModelPrintDB('dashboard-all-listings-empty'))).toEqual([]);
    expect(await listSampleChunk(await openModelPrintDB('dashboard-chunk-empty'), null, 10)).toEqual([]);
  });
});
