/**
 * Database v4 (datasets): the `by-origin` index on samples and the content key on listings, reached from
 * every earlier version with data in it. Each old schema is built exactly as lib/db.ts built it then.
 */
import 'fake-indexeddb/auto';
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import { contentKeyOf } from '@/lib/dataset/content-key';
import { commitImport, planImport } from '@/lib/dataset/import';
import { sampleToRecord } from '@/lib/dataset/record';
import { writeJsonl } from '@/lib/dataset/write';
import { DB_VERSION, findStoredContentKeys, getSample, listAllListings, listSamplesByOrigin, openModelPrintDB } from '@/lib/db';
import type { Sample } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { fakeEngine } from './dataset/helpers';
import { makeSample, makeSamples } from './dataset/samples';

let n = 0;

/** The v1 schema (commit 25f7e9a), then the v2 and v3 blocks of lib/db.ts as they were. */
function createOld(db: IDBPDatabase, version: 1 | 2 | 3) {
  const s = db.createObjectStore('samples', { keyPath: 'id' });
  s.createIndex('by-capturedAt', 'capturedAt');
  s.createIndex('by-site', 'site');
  s.createIndex('by-conversation', ['site', 'conversationId']);
  db.createObjectStore('siteHealth', { keyPath: 'site' });
  if (version >= 2) {
    s.createIndex('by-claimedModel', 'claimedModel.raw');
    s.createIndex('by-resembledFamily', 'verdict.attribution.family');
    s.createIndex('by-verdictVersion', 'verdict.version');
    s.createIndex('by-userLabel', 'userLabel');
  }
  if (version >= 3) db.createObjectStore('listings', { keyPath: 'id' }).createIndex('by-capturedAt', 'capturedAt');
}
/** A v3 listing: today's without the two v4 fields. */
function v3Listing(s: Sample) {
  const { origin: _o, contentKey: _c, ...rest } = listingOf(s);
  return rest;
}

async function oldDatabase(version: 1 | 2 | 3, samples: Sample[]): Promise<string> {
  const name = `v4-upgrade-from-${version}-${++n}`;
  const db = await openDB(name, version, { upgrade: (db) => createOld(db, version) });
  const stores = version >= 3 ? ['samples', 'listings'] : ['samples'];
  const tx = db.transaction(stores, 'readwrite');
  await Promise.all([
    ...samples.map((s) => tx.objectStore('samples').put(s)),
    ...(version >= 3 ? samples.map((s) => tx.objectStore('listings').put(v3Listing(s))) : []),
    tx.done,
  ]);
  db.close();
  return name;
}

describe.each([1, 2, 3] as const)('upgrading a version %i database with data to version 4', (version) => {
  // More than one upgrade read chunk (500), texts kept and dropped.
  const samples = makeSamples(620).map((s) => (version === 1 ? { ...s, verdict: undefined } : s));

  it('keeps every sample, and lists each with its content key and no origin', async () => {
    const db = await openModelPrintDB(await oldDatabase(version, samples));
    expect(db.version).toBe(DB_VERSION);
    expect(await getSample(db, samples[7]!.id)).toEqual(samples[7]);
    const listings = await listAllListings(db);
    expect(listings).toHaveLength(samples.length);
    const byId = new Map(listings.map((l) => [l.id, l]));
    for (const s of samples) expect(byId.get(s.id)).toEqual(listingOf(s));
    const keyed = samples.filter((s) => !s.textDropped);
    expect(keyed.length).toBeGreaterThan(500);
    const keys = keyed.map((s) => contentKeyOf(s.site, s.prompt, s.text)!);
    expect((await findStoredContentKeys(db, keys)).size).toBe(new Set(keys).size);
    expect(listings.filter((l) => l.contentKey === null)).toHaveLength(samples.length - keyed.length);
    db.close();
  });

  it('then imports: old samples are found as duplicates by content, imported ones by origin', async () => {
    const db = await openModelPrintDB(await oldDatabase(version, samples.slice(0, 50)));
    const copy = { ...makeSample(3), id: 'chatgpt:elsewhere:other-id' }; // same site, prompt, text as sample 3
    const fresh = makeSample(9_001);
    const bytes = writeJsonl([copy, fresh].map((s) => sampleToRecord(s)));
    const plan = await planImport(db, bytes, { fileName: 'colleague.jsonl', engineVersion: fakeEngine.version });
    expect(plan.duplicates).toMatchObject({ total: 1, byContent: 1, byId: 0 });
    expect(plan.fresh.map((r) => r.id)).toEqual([fresh.id]);
    await commitImport(db, plan, { now: 1, engine: async () => fakeEngine });
    expect((await listSamplesByOrigin(db, 'colleague.jsonl')).map((s) => s.id)).toEqual([fresh.id]);
    db.close();
  });
});
