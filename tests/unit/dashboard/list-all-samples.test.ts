import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listAllSamples, openModelPrintDB, saveSample } from '@/lib/db';
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
