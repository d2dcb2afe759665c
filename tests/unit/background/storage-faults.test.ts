/**
 * "Storage faults" (issue 15, failure 5): a full disk and a failing transaction, through the background's
 * real message path. The sender gets a plain, never-empty reason with the problem named, the popup's
 * storage status says so, and nothing already stored is lost.
 */
import { describe, expect, it, vi } from 'vitest';
import { startBackground } from '@/lib/background/start-background';
import { sendMessage } from '@/lib/messaging/client';
import { storageStatus } from '@/lib/messaging/storage-status';
import { storageProblem } from '@/lib/storage-problem';
import { answer, useBackgroundHarness } from './background-harness';

vi.mock('@/lib/background/context-menu', () => ({ startContextMenu: () => {} }));
useBackgroundHarness();

/**
 * The next `add` aborts its transaction the way Chromium does when the quota is reached: the write
 * succeeds, then the transaction aborts before it commits, with a `QuotaExceededError` whose message is
 * empty (fake-indexeddb's internal `_abort` is what `IDBTransaction.abort` calls, with the error's name).
 */
function failNextAdd(errorName: string) {
  const add = IDBObjectStore.prototype.add;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(function (this: IDBObjectStore, ...args) {
    const request = add.apply(this, args);
    const tx = this.transaction as IDBTransaction & { _abort(name: string): void };
    request.addEventListener('success', () => tx._abort(errorName));
    return request;
  });
}

const ids = async () => (await sendMessage('listListings', {})).map((l) => l.id).sort();

describe('a full store', () => {
  it('says plainly that storage is full, keeps every stored answer, and clears once a save works', async () => {
    startBackground();
    for (const i of [1, 2, 3]) await sendMessage('saveAnswer', answer(i));
    failNextAdd('QuotaExceededError');
    const failure = await sendMessage('saveAnswer', answer(4)).then(() => new Error('saved'), (e: unknown) => e as Error);
    expect(storageProblem(failure)).toBe('storage-full');
    expect(failure.message).toMatch(/"saveAnswer" failed: storage is full/);
    expect(await ids()).toEqual(['chatgpt:abc:m1', 'chatgpt:abc:m2', 'chatgpt:abc:m3']);
    expect(await storageStatus.getValue()).toMatchObject({ problem: 'storage-full' });

    // Space was freed: the same answer, sent again, is stored and the notice goes away.
    expect(await sendMessage('saveAnswer', answer(4))).toMatchObject({ created: true });
    expect(await storageStatus.getValue()).toBeNull();
    expect(await ids()).toHaveLength(4);
  });

  it('gives the paste view a reason, never an empty one', async () => {
    startBackground();
    failNextAdd('QuotaExceededError');
    const failure = await sendMessage('saveText', { text: 'A pasted essay about rivers and the sea.' }).then(() => new Error('saved'), (e: unknown) => e as Error);
    expect(storageProblem(failure)).toBe('storage-full');
    expect(failure.message).not.toMatch(/failed:\s*$/);
  });
});

describe('a failing transaction', () => {
  it('gives a clear reason, is not mistaken for a full disk, and loses nothing stored', async () => {
    startBackground();
    await sendMessage('saveAnswer', answer(1));
    failNextAdd('UnknownError');
    const failure = await sendMessage('saveAnswer', answer(2)).then(() => new Error('saved'), (e: unknown) => e as Error);
    expect(failure.message).toMatch(/"saveAnswer" failed: \S/);
    expect(storageProblem(failure)).toBeNull();
    expect(await ids()).toEqual(['chatgpt:abc:m1']);
    expect(await sendMessage('saveAnswer', answer(2))).toMatchObject({ created: true });
  });
});
