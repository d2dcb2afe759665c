import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAllListings, listAllSamples, listNewestListings, listSampleChunk, openModelPrintDB, saveSample } from '@/lib/db';
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

describe('listAllSamples', () => {
  it('reads every sample in one request, oldest first', async () => {
    const db = await openModelPrintDB('dashboard-list-all');
    for (let i = 0; i < 5; i++) await saveSample(db, sample(i));
    expect((await listAllSamples(db)).map((s) => s.messageId)).toEqual(['m4', 'm3', 'm2', 'm1', 'm0']);
  });

  it('is empty on an empty database', async () => {
    expect(await listAllSamples(await openModelPrintDB('dashboard-list-all-empty'))).toEqual([]);
  });
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
