/**
 * The one module that touches IndexedDB (STYLE.md §7). Everything else calls these named functions.
 *
 * Upgrades are cumulative `if (oldVersion < N)` blocks, so a fresh install and every upgrade path run the
 * same code. Never await non-IndexedDB work inside a transaction: it would auto-commit under us.
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { summarizeSample, type Sample, type SampleSite, type SampleSummary } from './sample';
import { listingOf, type SampleListing } from './sample-listing';
import type { StoredVerdict } from './verdict/types';
import type { StoredReference } from './references/stored';
import type { SiteHealthReport } from './messaging/protocol';
import type { SiteId } from './sites/hosts';

export const DB_NAME = 'modelprint';
export const DB_VERSION = 5;

export interface ModelPrintDB extends DBSchema {
  samples: {
    key: string;
    value: Sample;
    indexes: {
      'by-capturedAt': number;
      'by-site': string;
      'by-conversation': [string, string];
      // v2. Samples whose key path is absent or null (no claim, undetermined, no label) are simply not in
      // the index: IndexedDB skips records whose index key is not a valid key.
      'by-claimedModel': string;
      'by-resembledFamily': string;
      'by-verdictVersion': string;
      'by-userLabel': string;
    };
  };
  siteHealth: {
    key: SiteId;
    value: SiteHealthReport;
  };
  /**
   * v3. One {@link SampleListing} per sample, same id: what a list row shows, ~0.3 KB where the sample is
   * ~5 KB, so the dashboard's first page reads 50 small records. Derived from `samples`, and written only
   * here, in the same transaction as the sample it lists.
   */
  listings: {
    key: string;
    value: SampleListing;
    indexes: { 'by-capturedAt': number };
  };
  /** v5. The user's custom references (lib/references), enabled or not; key: the reference id (`custom/...`). */
  customReferences: {
    key: string;
    value: StoredReference;
  };
}

export type ModelPrintDatabase = IDBPDatabase<ModelPrintDB>;

/** Samples per read while the v3 upgrade fills `listings`: one request per chunk, not one per record. */
const UPGRADE_CHUNK = 500;

/** Lists every existing sample (the v3 upgrade). Only IndexedDB requests are awaited, so the upgrade stays open. */
async function fillListings(transaction: IDBPTransaction<ModelPrintDB, Array<StoreNames<ModelPrintDB>>, 'versionchange'>) {
  const samples = transaction.objectStore('samples');
  const listings = transaction.objectStore('listings');
  for (let after: string | null = null; ; ) {
    const chunk: Sample[] = await samples.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), UPGRADE_CHUNK);
    if (chunk.length === 0) return;
    for (const sample of chunk) void listings.put(listingOf(sample));
    after = chunk[chunk.length - 1]!.id;
  }
}

/**
 * Opens (and creates or upgrades) the database. Tests pass a fresh name and load `fake-indexeddb/auto`,
 * which installs the IndexedDB globals idb relies on.
 */
export function openModelPrintDB(name: string = DB_NAME): Promise<ModelPrintDatabase> {
  return openDB<ModelPrintDB>(name, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) {
        const samples = db.createObjectStore('samples', { keyPath: 'id' });
        samples.createIndex('by-capturedAt', 'capturedAt');
        samples.createIndex('by-site', 'site');
        samples.createIndex('by-conversation', ['site', 'conversationId']);
        db.createObjectStore('siteHealth', { keyPath: 'site' });
      }
      if (oldVersion < 2) {
        // Verdicts are stored on the sample from v2 on; v1 samples get theirs lazily from the background
        // (`listStaleSamples` + `updateVerdicts`), so this upgrade touches no records and stays instant.
        const samples = transaction.objectStore('samples');
        samples.createIndex('by-claimedModel', 'claimedModel.raw');
        samples.createIndex('by-resembledFamily', 'verdict.attribution.family');
        samples.createIndex('by-verdictVersion', 'verdict.version');
        samples.createIndex('by-userLabel', 'userLabel');
      }
      if (oldVersion < 3) {
        const listings = db.createObjectStore('listings', { keyPath: 'id' });
        listings.createIndex('by-capturedAt', 'capturedAt');
        // The open resolves only once this transaction completes, so every sample is listed by then. A
        // failed read or write aborts the upgrade (the database stays at the old version) and rejects the
        // open, which is where the caller sees it; the log says why.
        fillListings(transaction).catch((e: unknown) => console.warn('[ModelPrint] v3 upgrade: listing the samples failed:', e));
      }
      if (oldVersion < 5) {
        // A new store only: no record is touched.
        db.createObjectStore('customReferences', { keyPath: 'reference.id' });
      }
    },
  });
}

/**
 * Stores a sample unless one with the same id exists. Returns whether it was new.
 * An answer re-read after a remount or a reload has the same id, so it is recorded once.
 */
export async function saveSample(db: ModelPrintDatabase, sample: Sample): Promise<boolean> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const samples = tx.objectStore('samples');
  const existing = await samples.getKey(sample.id);
  if (existing === undefined) {
    await Promise.all([samples.add(sample), tx.objectStore('listings').put(listingOf(sample))]);
  }
  await tx.done;
  return existing === undefined;
}

/** Writes a changed sample and its listing (inside a readwrite transaction over both stores). */
function putSample(tx: IDBPTransaction<ModelPrintDB, Array<'samples' | 'listings'>, 'readwrite'>, sample: Sample) {
  return Promise.all([tx.objectStore('samples').put(sample), tx.objectStore('listings').put(listingOf(sample))]);
}

export function getSample(db: ModelPrintDatabase, id: string): Promise<Sample | undefined> {
  return db.get('samples', id);
}

/** Newest first, `offset`/`limit` paging over the capture-time index. */
export async function listSamples(
  db: ModelPrintDatabase,
  { limit = 50, offset = 0 }: { limit?: number; offset?: number } = {},
): Promise<Sample[]> {
  const out: Sample[] = [];
  let cursor = await db.transaction('samples').store.index('by-capturedAt').openCursor(null, 'prev');
  if (cursor && offset > 0) cursor = await cursor.advance(offset);
  while (cursor && out.length < limit) {
    out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

export function countSamples(db: ModelPrintDatabase): Promise<number> {
  return db.count('samples');
}

export function listConversationSamples(
  db: ModelPrintDatabase,
  site: SampleSite,
  conversationId: string,
): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-conversation', [site, conversationId]);
}

export async function deleteSamples(db: ModelPrintDatabase, ids: string[]): Promise<void> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const samples = tx.objectStore('samples');
  const listings = tx.objectStore('listings');
  await Promise.all([...ids.flatMap((id) => [samples.delete(id), listings.delete(id)]), tx.done]);
}

export async function putSiteHealth(db: ModelPrintDatabase, report: SiteHealthReport): Promise<void> {
  await db.put('siteHealth', report);
}

export function listSiteHealth(db: ModelPrintDatabase): Promise<SiteHealthReport[]> {
  return db.getAll('siteHealth');
}

/** Every sample as a {@link SampleSummary}, newest first: what the dashboard lists and filters. */
export async function listAllSampleSummaries(db: ModelPrintDatabase): Promise<SampleSummary[]> {
  // One getAll, not a cursor: a cursor is a round trip per record (see listAllSamples).
  const all = await db.getAllFromIndex('samples', 'by-capturedAt');
  return all.reverse().map(summarizeSample);
}

/**
 * Every sample, oldest first, in one request: the dashboard's bulk read. `getAll` is one round trip where
 * a cursor is one per record, which is what keeps 10,000 samples fast to load.
 */
export function listAllSamples(db: ModelPrintDatabase): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-capturedAt');
}

/**
 * Up to `count` samples in id order after `afterId` (null: from the start). Reading 10,000 large samples
 * in chunks keeps each request short, so a page can draw between chunks and show progress; ids are unique,
 * so no sample is read twice or skipped, unlike chunking by capture time.
 */
export function listSampleChunk(db: ModelPrintDatabase, afterId: string | null, count: number): Promise<Sample[]> {
  return db.getAll('samples', afterId === null ? null : IDBKeyRange.lowerBound(afterId, true), count);
}

/** `IDBIndex.getAllRecords` (Chromium 141+), not yet in TypeScript's DOM types. */
interface RecordsIndex<T> {
  getAllRecords(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<Array<{ value: T }>>;
}

/**
 * The listings of the newest `limit` samples, newest first: the dashboard's first page. Where the browser
 * has `getAllRecords` this is one request instead of a cursor's one per record, which is what the first
 * page waits for; elsewhere a cursor walks the capture-time index.
 */
export async function listNewestListings(db: ModelPrintDatabase, limit: number): Promise<SampleListing[]> {
  const index = db.transaction('listings').store.index('by-capturedAt');
  const raw = unwrap(index) as IDBIndex & Partial<RecordsIndex<SampleListing>>;
  if (typeof raw.getAllRecords !== 'function') {
    const out: SampleListing[] = [];
    for (let cursor = await index.openCursor(null, 'prev'); cursor && out.length < limit; cursor = await cursor.continue()) {
      out.push(cursor.value);
    }
    return out;
  }
  const request = raw.getAllRecords({ count: limit, direction: 'prev' });
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result.map((r) => r.value));
    request.onerror = () => reject(request.error);
  });
}

/**
 * Every sample's listing, newest first, in one request: what the dashboard sorts, pages and filters (all but
 * the text search) long before the 10,000 full samples are read.
 */
export async function listAllListings(db: ModelPrintDatabase): Promise<SampleListing[]> {
  return (await db.getAllFromIndex('listings', 'by-capturedAt')).reverse();
}

/** The newest sample for which `accept` is true, looking at most at the `scan` newest samples. */
export async function findLatestSample(
  db: ModelPrintDatabase,
  accept: (s: Sample) => boolean,
  scan = 500,
): Promise<Sample | undefined> {
  let cursor = await db.transaction('samples').store.index('by-capturedAt').openCursor(null, 'prev');
  for (let seen = 0; cursor && seen < scan; seen++) {
    if (accept(cursor.value)) return cursor.value;
    cursor = await cursor.continue();
  }
  return undefined;
}

/** How many samples have no verdict of `version` (none yet, or one from older signatures). */
export async function countStaleSamples(db: ModelPrintDatabase, version: string): Promise<number> {
  const [all, current] = await Promise.all([
    db.count('samples'),
    db.countFromIndex('samples', 'by-verdictVersion', version),
  ]);
  return all - current;
}

/**
 * Up to `limit` samples whose verdict is missing or not of `version`, for recomputation in batches.
 * Samples whose text was not kept are left out: there is nothing to recompute from, so they keep the
 * verdict they were saved with (and would otherwise be returned by every batch forever).
 */
export async function listStaleSamples(db: ModelPrintDatabase, version: string, limit: number): Promise<Sample[]> {
  const out: Sample[] = [];
  let cursor = await db.transaction('samples').store.openCursor();
  while (cursor && out.length < limit) {
    if (cursor.value.verdict?.version !== version && !cursor.value.textDropped) out.push(cursor.value);
    cursor = await cursor.continue();
  }
  return out;
}

/**
 * Stores freshly computed verdicts on existing samples (read-modify-write in one transaction; compute them
 * before calling, never inside). Ids that no longer exist are skipped. Returns how many were updated.
 */
export async function updateVerdicts(
  db: ModelPrintDatabase,
  updates: Array<{ id: string; verdict: StoredVerdict }>,
): Promise<number> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  let updated = 0;
  for (const { id, verdict } of updates) {
    const sample = await tx.objectStore('samples').get(id);
    if (!sample) continue;
    await putSample(tx, { ...sample, verdict });
    updated++;
  }
  await tx.done;
  return updated;
}

/** Sets (or with null, removes) a researcher's label. Returns false when the sample does not exist. */
export async function setUserLabel(db: ModelPrintDatabase, id: string, label: string | null): Promise<boolean> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const sample = await tx.objectStore('samples').get(id);
  if (sample) {
    const { userLabel: _old, ...rest } = sample;
    await putSample(tx, label === null ? rest : { ...rest, userLabel: label });
  }
  await tx.done;
  return sample !== undefined;
}

export function listSamplesByClaimedModel(db: ModelPrintDatabase, raw: string): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-claimedModel', raw);
}

export function listSamplesByResembledFamily(db: ModelPrintDatabase, family: string): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-resembledFamily', family);
}

/** Deletes every sample (site health reports stay: they describe the sites, not the user). Returns the count. */
export async function deleteAllSamples(db: ModelPrintDatabase): Promise<number> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const count = await tx.objectStore('samples').count();
  await Promise.all([tx.objectStore('samples').clear(), tx.objectStore('listings').clear()]);
  await tx.done;
  return count;
}

/** Deletes the samples captured before `cutoff` (epoch ms). Returns how many were deleted. */
export async function applyRetention(db: ModelPrintDatabase, cutoff: number): Promise<number> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const listings = tx.objectStore('listings');
  let deleted = 0;
  let cursor = await tx.objectStore('samples').index('by-capturedAt').openCursor(IDBKeyRange.upperBound(cutoff, true));
  while (cursor) {
    await Promise.all([cursor.delete(), listings.delete(cursor.primaryKey)]);
    deleted++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return deleted;
}

/** Every custom reference, in id order. */
export function listCustomReferences(db: ModelPrintDatabase): Promise<StoredReference[]> {
  return db.getAll('customReferences');
}

/**
 * Stores references (a built one, or every reference of an imported pack) in one transaction: all or none.
 * A reference with an id already stored replaces it.
 */
export async function putCustomReferences(db: ModelPrintDatabase, references: StoredReference[]): Promise<void> {
  const tx = db.transaction('customReferences', 'readwrite');
  await Promise.all([...references.map((r) => tx.store.put(r)), tx.done]);
}

/** Enables or disables one reference. Returns false when it does not exist. */
export async function setCustomReferenceEnabled(db: ModelPrintDatabase, id: string, enabled: boolean): Promise<boolean> {
  const tx = db.transaction('customReferences', 'readwrite');
  const stored = await tx.store.get(id);
  if (stored) await tx.store.put({ ...stored, enabled });
  await tx.done;
  return stored !== undefined;
}

export async function deleteCustomReference(db: ModelPrintDatabase, id: string): Promise<void> {
  await db.delete('customReferences', id);
}
