import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  countSamples, deleteCustomReference, getSample, listAllListings, listCustomReferences, openModelPrintDB, putCustomReferences, setCustomReferenceEnabled,
} from '@/lib/db';
import type { Sample } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import type { StoredReference } from '@/lib/references/stored';
import { exampleReference } from './references/example-reference';

let n = 0;

function sample(i: number): Sample {
  return {
    id: `chatgpt:c:${i}`, site: 'chatgpt', url: 'https://chatgpt.com/c/c', conversationId: 'c', messageId: `${i}`, prompt: `p ${i}`,
    text: `answer ${i}`, reasoning: null, claimedModel: null, capturedAt: 1_700_000_000_000 + i, ...(i % 2 ? { userLabel: 'mine' } : {}),
  };
}

const stored = (id: string, enabled = false): StoredReference => ({ reference: exampleReference(id), enabled, addedAt: 1, origin: 'built' });

describe('database v5: custom references', () => {
  it('upgrades a version 3 database with data, keeping every sample and listing, and adds an empty store', async () => {
    const name = `refs-upgrade-${++n}`;
    // The v3 schema exactly as lib/db.ts created it (v1 + v2 + v3 blocks).
    const v3 = await openDB(name, 3, {
      upgrade(db) {
        const s = db.createObjectStore('samples', { keyPath: 'id' });
        s.createIndex('by-capturedAt', 'capturedAt');
        s.createIndex('by-site', 'site');
        s.createIndex('by-conversation', ['site', 'conversationId']);
        s.createIndex('by-claimedModel', 'claimedModel.raw');
        s.createIndex('by-resembledFamily', 'verdict.attribution.family');
        s.createIndex('by-verdictVersion', 'verdict.version');
        s.createIndex('by-userLabel', 'userLabel');
        db.createObjectStore('siteHealth', { keyPath: 'site' });
        const l = db.createObjectStore('listings', { keyPath: 'id' });
        l.createIndex('by-capturedAt', 'capturedAt');
      },
    });
    const samples = Array.from({ length: 30 }, (_, i) => sample(i));
    const tx = v3.transaction(['samples', 'listings'], 'readwrite');
    await Promise.all([...samples.flatMap((s) => [tx.objectStore('samples').put(s), tx.objectStore('listings').put(listingOf(s))]), tx.done]);
    v3.close();

    const db = await openModelPrintDB(name);
    expect(db.version).toBe(5);
    expect(await countSamples(db)).toBe(30);
    expect(await getSample(db, samples[7]!.id)).toEqual(samples[7]);
    expect((await listAllListings(db)).length).toBe(30);
    expect(await listCustomReferences(db)).toEqual([]);
    db.close();
  });

  it('stores, enables, replaces and deletes references', async () => {
    const db = await openModelPrintDB(`refs-${++n}`);
    await putCustomReferences(db, [stored('custom/a'), stored('custom/b')]);
    expect((await listCustomReferences(db)).map((r) => [r.reference.id, r.enabled])).toEqual([['custom/a', false], ['custom/b', false]]);
    expect(await setCustomReferenceEnabled(db, 'custom/b', true)).toBe(true);
    expect(await setCustomReferenceEnabled(db, 'custom/zz', true)).toBe(false);
    await putCustomReferences(db, [{ ...stored('custom/a'), origin: 'imported' }]);
    await deleteCustomReference(db, 'custom/b');
    expect((await listCustomReferences(db)).map((r) => [r.reference.id, r.origin])).toEqual([['custom/a', 'imported']]);
    db.close();
  });
});
