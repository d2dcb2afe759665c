import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import {
  DB_VERSION,
  getListings,
  applyRetention,
  countSamples,
  countStaleSamples,
  deleteAllSamples,
  findLatestSample,
  listStaleSamples,
  setUserLabels,
  updateVerdicts,
  deleteSamples,
  getSample,
  listConversationSamples,
  listNewestListings,
  listSiteHealth,
  openModelPrintDB,
  putSiteHealth,
  saveSample,
  type ModelPrintDatabase,
} from '@/lib/db';
import type { Sample } from '@/lib/sample';
import { listingOf, PREVIEW_CHARS } from '@/lib/sample-listing';
import type { StoredVerdict } from '@/lib/verdict/types';

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
  it('creates version 4 with the samples, siteHealth and listings stores and their indexes', async () => {
    const db = await freshDb();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(5);
    expect([...db.objectStoreNames].sort()).toEqual(['customReferences', 'listings', 'samples', 'siteHealth']);
    expect([...db.transaction('listings').store.indexNames]).toEqual(['by-capturedAt', 'by-contentKey']);
    const index = db.transaction('samples').store.indexNames;
    expect([...index].sort()).toEqual([
      'by-capturedAt',
      'by-claimedModel',
      'by-conversation',
      'by-origin',
      'by-resembledFamily',
      'by-site',
      'by-userLabel',
      'by-verdictVersion',
    ]);
  });

  it('stores a sample once: a second save with the same id reports not created and keeps the first', async () => {
    const db = await freshDb();
    expect(await saveSample(db, sample(1))).toBe(true);
    expect(await saveSample(db, sample(1, { text: 'changed' }))).toBe(false);
    expect(await countSamples(db)).toBe(1);
    expect((await getSample(db, sample(1).id))?.text).toBe('answer 1');
  });

  it('lists the newest listings first, at most `limit`', async () => {
    const db = await freshDb();
    for (const i of [3, 1, 4, 0, 2]) await saveSample(db, sample(i));
    expect((await listNewestListings(db, 10)).map((l) => l.id)).toEqual([4, 3, 2, 1, 0].map((i) => sample(i).id));
    expect((await listNewestListings(db, 2)).map((l) => l.id)).toEqual([sample(4).id, sample(3).id]);
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

  it('upgrades a version 1 database with data to the current version, keeping every sample and indexing it', async () => {
    // The v1 schema exactly as commit 25f7e9a created it.
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
    const v1Samples = [sample(7), sample(8, { claimedModel: null }), sample(9, { claimedModel: { raw: 'gpt-4o-mini', source: 'picker' } })];
    for (const s of v1Samples) await v0.put('samples', s);
    await v0.put('siteHealth', { site: 'chatgpt', url: 'u', ok: true, failingSelector: null, checkedAt: 1 });
    v0.close();

    const db = await openModelPrintDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect((await listNewestListings(db, 10)).map((l) => l.id)).toEqual(v1Samples.map((s) => s.id).reverse());
    await expectListingsInStep(db);
    expect(await getSample(db, sample(7).id)).toEqual(sample(7));
    expect(await listSiteHealth(db)).toHaveLength(1);
    // The new indexes cover the old records: claimed models at once, verdicts once they are computed.
    expect((await db.getAllFromIndex('samples', 'by-claimedModel', 'gpt-4o')).map((s) => s.id)).toEqual([sample(7).id]);
    expect(await countStaleSamples(db, 'v-now')).toBe(3);
    await updateVerdicts(db, [{ id: sample(7).id, verdict: verdict('openai') }]);
    expect((await db.getAllFromIndex('samples', 'by-resembledFamily', 'openai')).map((s) => s.id)).toEqual([sample(7).id]);
    expect(await countStaleSamples(db, 'v-now')).toBe(2);
    await expectListingsInStep(db);
  });

  it('upgrades a version 2 database with data to the current version, listing every sample (more than one read chunk)', async () => {
    // The v2 schema exactly as lib/db.ts created it before listings (v1 + v2 blocks).
    const name = `test-db-upgrade-${++n}`;
    const v2 = await openDB(name, 2, {
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
      },
    });
    const v2Samples = Array.from({ length: 1203 }, (_, i) =>
      sample(i, {
        text: `answer ${i} with **some** markdown and a few more words`,
        ...(i % 3 === 0 && { verdict: verdict(i % 2 ? 'openai' : null) }),
        ...(i % 7 === 0 && { userLabel: 'my-label' }),
        ...(i % 11 === 0 && { text: '', textDropped: true, textLength: 600 }),
      }),
    );
    const tx = v2.transaction('samples', 'readwrite');
    await Promise.all([...v2Samples.map((s) => tx.store.put(s)), tx.done]);
    v2.close();

    const db = await openModelPrintDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await countSamples(db)).toBe(1203);
    await expectListingsInStep(db);
    const newest = await listNewestListings(db, 3);
    expect(newest).toEqual([1202, 1201, 1200].map((i) => listingOf(v2Samples[i]!)));
    expect(listingOf(v2Samples[0]!)).toMatchObject({ undetermined: true, userLabel: 'my-label', textDropped: true, words: 100, preview: '' });
    expect(listingOf(v2Samples[3]!)).toMatchObject({ model: 'openai-model', family: 'openai', confidence: 0.6, preview: 'answer 3 with some markdown and a few more words' });
  });
});

describe('the v4 upgrade', () => {
  it('lists every sample again, so each listing carries its resolved claim', async () => {
    // The v3 schema as lib/db.ts created it (v1 + v2 + v3 blocks), with v3 listings that have no `claim`.
    const name = `test-db-upgrade-${++n}`;
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
        db.createObjectStore('listings', { keyPath: 'id' }).createIndex('by-capturedAt', 'capturedAt');
      },
    });
    const v3Samples = [
      sample(1),
      sample(2, { site: 'gemini', claimedModel: { raw: 'Flash', source: 'mode' } }),
      sample(3, { site: 'perplexity', claimedModel: null }),
    ];
    for (const s of v3Samples) {
      await v3.put('samples', s);
      const { claim: _new, ...v3Listing } = listingOf(s);
      await v3.put('listings', v3Listing as never);
    }
    v3.close();

    const db = await openModelPrintDB(name);
    expect(db.version).toBe(DB_VERSION);
    await expectListingsInStep(db);
    expect((await getListings(db, v3Samples.map((s) => s.id))).map((l) => l?.claim ?? null)).toEqual([
      { basis: 'model', site: 'chatgpt', raw: 'gpt-4o', label: 'gpt-4o', family: 'openai' },
      { basis: 'operator', site: 'gemini', raw: 'Flash', label: null, family: 'google' },
      null,
    ]);
    expect(await getListings(db, ['no-such-id'])).toEqual([undefined]);
  });
});

/** Every sample has exactly one listing, and it is the listing of the sample as stored now. */
async function expectListingsInStep(db: ModelPrintDatabase) {
  const [samples, listings] = await Promise.all([db.getAll('samples'), db.getAll('listings')]);
  expect(listings).toEqual(samples.map(listingOf));
}

describe('listings', () => {
  it('keep in step with their samples through every write', async () => {
    const db = await freshDb();
    for (let i = 0; i < 6; i++) await saveSample(db, sample(i));
    await saveSample(db, sample(1, { text: 'a second save of the same id changes nothing' }));
    await expectListingsInStep(db);
    await updateVerdicts(db, [{ id: sample(2).id, verdict: verdict('anthropic') }, { id: sample(3).id, verdict: verdict(null) }]);
    await expectListingsInStep(db);
    await setUserLabels(db, [sample(4).id, sample(5).id], 'claude-4');
    await expectListingsInStep(db);
    await setUserLabels(db, [sample(4).id], null);
    await expectListingsInStep(db);
    await deleteSamples(db, [sample(5).id]);
    await expectListingsInStep(db);
    await applyRetention(db, sample(2).capturedAt);
    await expectListingsInStep(db);
    expect((await listNewestListings(db, 10)).map((l) => l.id)).toEqual([4, 3, 2].map((i) => sample(i).id));
    expect((await listNewestListings(db, 10))[1]).toMatchObject({ family: null, undetermined: true });
    expect((await listNewestListings(db, 10))[2]).toMatchObject({ family: 'anthropic', model: 'anthropic-model' });
    await deleteAllSamples(db);
    expect(await db.count('listings')).toBe(0);
  });
});

function verdict(family: string | null, version = 'v-now'): StoredVerdict {
  return {
    version,
    computedAt: 1,
    attribution: {
      model: family && `${family}-model`,
      family,
      confidence: family ? 0.6 : 0,
      undetermined: family === null,
      reason: family ? null : 'too-short',
      models: [],
      families: [],
      explanation: [],
    },
  };
}

describe('version 2 functions', () => {
  it('finds stale verdicts (missing or of another version) in batches and updates them', async () => {
    const db = await freshDb();
    await saveSample(db, sample(1, { verdict: verdict('openai', 'v-old') }));
    await saveSample(db, sample(2));
    await saveSample(db, sample(3, { verdict: verdict('anthropic') }));
    expect(await countStaleSamples(db, 'v-now')).toBe(2);
    const stale = await listStaleSamples(db, 'v-now', 1);
    expect(stale).toHaveLength(1);
    expect(await updateVerdicts(db, [{ id: stale[0]!.id, verdict: verdict('google') }, { id: 'gone', verdict: verdict('x') }])).toBe(1);
    expect(await countStaleSamples(db, 'v-now')).toBe(1);
    expect((await listStaleSamples(db, 'v-now', 10)).map((s) => s.id)).toHaveLength(1);
  });

  it('indexes resembled families but not undetermined verdicts', async () => {
    const db = await freshDb();
    await saveSample(db, sample(1, { verdict: verdict('openai') }));
    await saveSample(db, sample(2, { verdict: verdict(null) }));
    expect((await db.getAllFromIndex('samples', 'by-resembledFamily', 'openai')).map((s) => s.messageId)).toEqual(['msg-1']);
  });

  it('sets and removes a researcher label', async () => {
    const db = await freshDb();
    await saveSample(db, sample(1));
    expect(await setUserLabels(db, [sample(1).id, 'absent'], 'gpt-4o')).toBe(1);
    expect((await getSample(db, sample(1).id))?.userLabel).toBe('gpt-4o');
    expect(await db.countFromIndex('samples', 'by-userLabel', 'gpt-4o')).toBe(1);
    await setUserLabels(db, [sample(1).id], null);
    expect(await getSample(db, sample(1).id)).toEqual(sample(1));
    expect(await setUserLabels(db, ['missing'], 'x')).toBe(0);
  });

  it('lists every sample newest first without the long fields (its stored listing)', async () => {
    const db = await freshDb();
    await saveSample(db, sample(1, { text: 'x'.repeat(500), verdict: verdict('openai') }));
    await saveSample(db, sample(2, { text: '', textDropped: true, textLength: 321 }));
    const [second, first] = await listNewestListings(db, 10);
    expect(second).toMatchObject({ id: sample(2).id, textDropped: true, preview: '', undetermined: true, model: null });
    expect(first).toMatchObject({ id: sample(1).id, textDropped: false, userLabel: null, family: 'openai' });
    expect(first!.preview).toHaveLength(PREVIEW_CHARS);
    expect(first).not.toHaveProperty('text');
    expect(first).not.toHaveProperty('verdict');
  });

  it('finds the newest sample matching a condition', async () => {
    const db = await freshDb();
    for (let i = 0; i < 6; i++) await saveSample(db, sample(i));
    expect((await findLatestSample(db, (s) => s.conversationId === 'conv-1'))?.messageId).toBe('msg-4');
    expect(await findLatestSample(db, () => false)).toBeUndefined();
  });

  it('deletes everything, or only what is older than the retention cutoff', async () => {
    const db = await freshDb();
    for (let i = 0; i < 5; i++) await saveSample(db, sample(i));
    expect(await applyRetention(db, sample(2).capturedAt)).toBe(2);
    expect((await listNewestListings(db, 10)).map((l) => l.id)).toEqual([4, 3, 2].map((i) => sample(i).id));
    expect(await deleteAllSamples(db)).toBe(3);
    expect(await countSamples(db)).toBe(0);
  });
});
