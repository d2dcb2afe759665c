import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  DB_VERSION,
  countSamples,
  deleteSamples,
  getSample,
  listConversationSamples,
  listSamples,
  listSiteHealth,
  openModelPrintDB,
  putSiteHealth,
  saveSample,
} from '@/lib/db';
import type { Sample } from '@/lib/sample';

let n = 0;
const freshDb = () => openModelPrintDB(`test-db-${++n}`);

function sample(i: number, over: Partial<Sample> = {}): Sample {
  return {
    id: `chatgpt:conv-${i % 3}:msg-${i}`,
    site: 'chatgpt',
    url: `https://chatgpt.com/c/conv-${i % 3}`,
    conversationId: `conv-${i % 3}`,
    messageId: `msg-${i}`,
    prompt: `prompt ${i}`,
    text: `answer ${i}`,
    reasoning: null,
    claimedModel: { raw: 'gpt-4o', source: 'message' },
    capturedAt: 1_700_000_000_000 + i * 1000,
    ...over,
  };
}

describe('the samples store', () => {
  it('creates version 1 with the samples and siteHealth stores and their indexes', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['samples', 'siteHealth']);
    const index = db.transaction('samples').store.indexNames;
    expect([...index].sort()).toEqual(['by-capturedAt', 'by-conversation', 'by-site']);
  });

  it('stores a sample once: a second save with the same id reports not created and keeps the first', async () => {
    const db = await freshDb();
    expect(await saveSample(db, sample(1))).toBe(true);
    expect(await saveSample(db, sample(1, { text: 'changed' }))).toBe(false);
    expect(await countSamples(db)).toBe(1);
    expect((await getSample(db, sample(1).id))?.text).toBe('answer 1');
  });

  it('lists newest first with offset and limit', async () => {
    const db = await freshDb();
    for (const i of [3, 1, 4, 0, 2]) await saveSample(db, sample(i));
    expect((await listSamples(db)).map((s) => s.messageId)).toEqual(['msg-4', 'msg-3', 'msg-2', 'msg-1', 'msg-0']);
    expect((await listSamples(db, { offset: 1, limit: 2 })).map((s) => s.messageId)).toEqual(['msg-3', 'msg-2']);
    expect(await listSamples(db, { offset: 10 })).toEqual([]);
  });

  it('finds the samples of one conversation and deletes by id', async () => {
    const db = await freshDb();
    for (let i = 0; i < 6; i++) await saveSample(db, sample(i));
    const conv1 = await listConversationSamples(db, 'chatgpt', 'conv-1');
    expect(conv1.map((s) => s.messageId).sort()).toEqual(['msg-1', 'msg-4']);
    await deleteSamples(db, ['chatgpt:conv-1:msg-1', 'chatgpt:conv-0:msg-0']);
    expect(await countSamples(db)).toBe(4);
  });

  it('keeps the latest health report per site', async () => {
    const db = await freshDb();
    const report = { site: 'chatgpt' as const, url: 'https://chatgpt.com/c/x', ok: true, failingSelector: null, checkedAt: 1 };
    await putSiteHealth(db, report);
    await putSiteHealth(db, { ...report, ok: false, failingSelector: '[data-turn]', checkedAt: 2 });
    expect(await listSiteHealth(db)).toEqual([{ ...report, ok: false, failingSelector: '[data-turn]', checkedAt: 2 }]);
  });

  it('opens a database left by an older version without losing its samples', async () => {
    // Version 0 → 1 is the only upgrade so far; this test grows a block for each new version.
    const name = `test-db-upgrade-${++n}`;
    const v0 = await openDB(name, 1, {
      upgrade(db) {
        const s = db.createObjectStore('samples', { keyPath: 'id' });
        s.createIndex('by-capturedAt', 'capturedAt');
        s.createIndex('by-site', 'site');
        s.createIndex('by-conversation', ['site', 'conversationId']);
        db.createObjectStore('siteHealth', { keyPath: 'site' });
      },
    });
    await v0.put('samples', sample(7));
    v0.close();
    const db = await openModelPrintDB(name);
    expect((await listSamples(db)).map((s) => s.id)).toEqual([sample(7).id]);
  });
});
