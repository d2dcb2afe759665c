/**
 * "The database is never stuck" (issue 15, failure 2), through the background's real message path: the
 * service worker's `startBackground()` listening on the (fake) runtime, and the pages' `sendMessage`.
 */
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/lib/background/start-background';
import { DB_NAME, DB_VERSION } from '@/lib/db';
import { sendMessage } from '@/lib/messaging/client';
import { storageProblem } from '@/lib/storage-problem';
import { answer, useBackgroundHarness } from './background-harness';

// The context menu is not what these tests are about (and the fake browser has no contextMenus events).
vi.mock('@/lib/background/context-menu', () => ({ startContextMenu: () => {} }));
useBackgroundHarness();

async function storeNames(version?: number) {
  const db = await openDB(DB_NAME, version);
  const names = [...db.objectStoreNames].sort();
  db.close();
  return names;
}

describe('the background repairs the database', () => {
  it('when another context created it at version 1 with no stores', async () => {
    (await openDB(DB_NAME)).close(); // what `indexedDB.open(name)` without a version leaves behind
    startBackground();
    expect(await sendMessage('saveAnswer', answer(1))).toMatchObject({ created: true });
    expect(await sendMessage('countSamples', {})).toBe(1);
    expect(await storeNames()).toEqual(['customReferences', 'listings', 'samples', 'siteHealth']);
  });

  it('when the current version is missing a store, keeping the samples it has and listing them', async () => {
    const db = await openDB(DB_NAME, DB_VERSION, {
      upgrade(d) {
        const samples = d.createObjectStore('samples', { keyPath: 'id' });
        samples.createIndex('by-capturedAt', 'capturedAt');
        d.createObjectStore('siteHealth', { keyPath: 'site' });
      },
    });
    await db.put('samples', { ...answer(0), id: 'chatgpt:abc:m0', capturedAt: 5 });
    db.close();
    startBackground();
    expect(await sendMessage('saveAnswer', answer(1))).toMatchObject({ created: true });
    expect((await sendMessage('listListings', {})).map((l) => l.id).sort()).toEqual(['chatgpt:abc:m0', 'chatgpt:abc:m1']);
    const repaired = await openDB(DB_NAME);
    expect(await repaired.count('listings')).toBe(2);
    expect([...repaired.transaction('samples').store.indexNames]).toContain('by-conversation');
    repaired.close();
  });

  it('opens a database left by a newer version of ModelPrint instead of failing on its version', async () => {
    (await openDB(DB_NAME, DB_VERSION + 5, {
      upgrade(d) {
        const samples = d.createObjectStore('samples', { keyPath: 'id' });
        for (const [n, k] of [['by-capturedAt', 'capturedAt'], ['by-site', 'site'], ['by-conversation', ['site', 'conversationId']]] as const) {
          samples.createIndex(n, k as string | string[]);
        }
        for (const n of ['by-claimedModel', 'by-resembledFamily', 'by-verdictVersion', 'by-userLabel']) samples.createIndex(n, 'capturedAt');
        d.createObjectStore('siteHealth', { keyPath: 'site' });
        d.createObjectStore('listings', { keyPath: 'id' }).createIndex('by-capturedAt', 'capturedAt');
      },
    })).close();
    startBackground();
    expect(await sendMessage('saveAnswer', answer(1))).toMatchObject({ created: true });
  });
});

describe('a failed open', () => {
  it('is not cached: the next message opens the database again', async () => {
    // A transient fault while creating the stores: the upgrade aborts and the open rejects, asynchronously.
    // Twice: the start-up read of the custom references meets it first (and carries on without them), then
    // the first message.
    const fault = () => {
      throw new DOMException('Internal error opening backing store', 'UnknownError');
    };
    vi.spyOn(IDBObjectStore.prototype, 'createIndex').mockImplementationOnce(fault).mockImplementationOnce(fault);
    startBackground();
    await expect(sendMessage('listListings', {})).rejects.toThrow(/listListings/);
    expect(await sendMessage('saveAnswer', answer(1))).toMatchObject({ created: true });
    expect(await sendMessage('countSamples', {})).toBe(1);
  });

  it('that lasts is reported with what to do, and a reset brings the database back', async () => {
    // Not ModelPrint's layout: a `samples` store keyed by something else cannot be repaired in place.
    const db = await openDB(DB_NAME, DB_VERSION, { upgrade: (d) => void d.createObjectStore('samples', { keyPath: 'key' }) });
    await db.put('samples', { key: 1, text: 'kept until the user resets' });
    db.close();
    startBackground();
    const failure = await sendMessage('listListings', {}).catch((e: unknown) => e);
    expect(storageProblem(failure)).toBe('database-unavailable');
    expect(String(failure)).toMatch(/cannot be repaired/);
    // Still broken on the next message: nothing pretends the store is empty.
    await expect(sendMessage('saveAnswer', answer(1))).rejects.toThrow(/cannot be repaired/);
    expect(await sendMessage('resetDatabase', {})).toEqual({ reset: true });
    expect(await sendMessage('saveAnswer', answer(1))).toMatchObject({ created: true });
    expect(await storeNames()).toEqual(['customReferences', 'listings', 'samples', 'siteHealth']);
  });

  it('after the connection is closed under the background (another context deleting the database)', async () => {
    startBackground();
    await sendMessage('saveAnswer', answer(1));
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('blocked: the background kept its connection open'));
    });
    expect(await sendMessage('saveAnswer', answer(2))).toMatchObject({ created: true });
    expect(await sendMessage('countSamples', {})).toBe(1);
  });
});
