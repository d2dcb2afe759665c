/**
 * The one module that touches IndexedDB (STYLE.md §7). Everything else calls these named functions.
 *
 * Upgrades are cumulative `if (oldVersion < N)` blocks, so a fresh install and every upgrade path run the
 * same code. Never await non-IndexedDB work inside a transaction: it would auto-commit under us.
 */
import { deleteDB, openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { sharedIdPrefix, type Sample, type SampleSite } from './sample';
import { listingOf, type SampleListing } from './sample-listing';
import { foreignStores, presentVersion, SCHEMA, schemaGaps, type SchemaView } from './db-schema';
import { describeError, storageProblem, StorageProblemError } from './storage-problem';
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
      // v4. Imported samples by the dataset they came from (recorded ones have no origin, so are not in it).
      'by-origin': string;
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
    // v4: by-contentKey, for the import's "same site + prompt + text" rule (samples without a text are not in it).
    indexes: { 'by-capturedAt': number; 'by-contentKey': string };
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
async function fillListings(transaction: UpgradeTransaction) {
  const samples = transaction.objectStore('samples');
  const listings = transaction.objectStore('listings');
  for (let after: string | null = null; ; ) {
    const chunk: Sample[] = await samples.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), UPGRADE_CHUNK);
    if (chunk.length === 0) return;
    for (const sample of chunk) void listings.put(listingOf(sample));
    after = chunk[chunk.length - 1]!.id;
  }
}

type UpgradeTransaction = IDBPTransaction<ModelPrintDB, Array<StoreNames<ModelPrintDB>>, 'versionchange'>;

/** The store, created when the database lacks it: an upgrade block also repairs what a broken database misses. */
function ensureStore<N extends StoreNames<ModelPrintDB>>(db: ModelPrintDatabase, tx: UpgradeTransaction, name: N, keyPath: string) {
  return db.objectStoreNames.contains(name) ? tx.objectStore(name) : db.createObjectStore(name, { keyPath });
}

function ensureIndexes(store: { indexNames: DOMStringList; createIndex(name: never, keyPath: string | string[]): unknown }, indexes: Record<string, string | string[]>) {
  for (const [name, keyPath] of Object.entries(indexes)) if (!store.indexNames.contains(name)) store.createIndex(name as never, keyPath);
}

/** How lib/db-schema.ts sees a database: through a read transaction, or through the upgrade's own. */
function schemaView(db: ModelPrintDatabase, tx?: UpgradeTransaction): SchemaView {
  return {
    objectStoreNames: db.objectStoreNames,
    store(name) {
      const store = tx ? tx.objectStore(name as StoreNames<ModelPrintDB>) : db.transaction(name as StoreNames<ModelPrintDB>).store;
      return { keyPath: store.keyPath, indexNames: store.indexNames };
    },
  };
}

/** Called when a connection closes under its owner, who then opens anew on the next request. */
export interface OpenHooks {
  onClose?: () => void;
}

function openAt(name: string, version: number | undefined, { onClose }: OpenHooks): Promise<ModelPrintDatabase> {
  return openDB<ModelPrintDB>(name, version, {
    upgrade(db, reportedVersion, _newVersion, transaction) {
      // An aborted upgrade rejects the open, which is where the caller hears of it.
      transaction.done.catch(() => undefined);
      // Upgrade from what is really there, not from the version the database reports: a database left at
      // version 1 with no stores (opened first without a version) gets every store (lib/db-schema.ts).
      const oldVersion = presentVersion(schemaView(db, transaction), reportedVersion);
      if (oldVersion < 1) {
        ensureIndexes(ensureStore(db, transaction, 'samples', 'id'), SCHEMA[0]!.stores.samples!.indexes);
        ensureStore(db, transaction, 'siteHealth', 'site');
      }
      if (oldVersion < 2) {
        // Verdicts are stored on the sample from v2 on; v1 samples get theirs lazily from the background
        // (`listStaleSamples` + `updateVerdicts`), so this upgrade touches no records and stays instant.
        ensureIndexes(transaction.objectStore('samples'), SCHEMA[1]!.stores.samples!.indexes);
      }
      if (oldVersion < 3) {
        ensureIndexes(ensureStore(db, transaction, 'listings', 'id'), SCHEMA[2]!.stores.listings!.indexes);
        // The open resolves only once this transaction completes, so every sample is listed by then. A
        // failed read or write aborts the upgrade (the database stays at the old version) and rejects the
        // open, which is where the caller sees it; the log says why.
        fillListings(transaction).catch((e: unknown) => console.warn('[ModelPrint] v3 upgrade: listing the samples failed:', e));
      }
      if (oldVersion < 4) {
        // v4: samples by origin (imported datasets), listings by content key (the import's "same site +
        // prompt + text" rule); listings carry the resolved claim, the origin and the content key.
        ensureIndexes(transaction.objectStore('samples'), SCHEMA[3]!.stores.samples!.indexes);
        ensureIndexes(transaction.objectStore('listings'), SCHEMA[3]!.stores.listings!.indexes);
        // From v1 or v2 the v3 block above has just listed every sample with all of that; from v3, list again.
        if (oldVersion === 3) {
          fillListings(transaction).catch((e: unknown) => console.warn('[ModelPrint] v4 upgrade: relisting the samples failed:', e));
        }
      }
      if (oldVersion < 5) {
        // v5: the user's custom references (lib/references); a new store only, no record is touched.
        ensureStore(db, transaction, 'customReferences', 'reference.id');
      }
    },
    // Another context deletes or upgrades the database: let it (an open connection would block it forever).
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onClose?.();
    },
    // The browser closed the connection (storage cleared, disk error): the next request opens again.
    terminated: () => onClose?.(),
  });
}

/** An open that failed, as the storage problem the pages explain (a full disk, or a database that will not open). */
function openFailure(error: unknown): StorageProblemError {
  if (error instanceof StorageProblemError) return error;
  const problem = storageProblem(error) ?? 'database-unavailable';
  return new StorageProblemError(problem, `The database cannot be opened: ${describeError(error)}`);
}

/**
 * Opens (and creates, upgrades or repairs) the database. Never leaves it stuck: stores missing at any
 * version are created (one version up when the database already reports ours), a database from a newer
 * ModelPrint is opened as it is, and what cannot be repaired (a store under our name keyed differently) is
 * a {@link StorageProblemError} saying so. Tests pass a fresh name and load `fake-indexeddb/auto`, which
 * installs the IndexedDB globals idb relies on.
 */
export async function openModelPrintDB(name: string = DB_NAME, hooks: OpenHooks = {}): Promise<ModelPrintDatabase> {
  try {
    let db = await openAt(name, DB_VERSION, hooks).catch((e: unknown) => {
      // Written by a newer ModelPrint (or repaired above our version): its stores include ours.
      if (e instanceof DOMException && e.name === 'VersionError') return openAt(name, undefined, hooks);
      throw e;
    });
    if (foreignStores(schemaView(db)).length === 0 && schemaGaps(schemaView(db)).length > 0) {
      const next = db.version + 1;
      db.close();
      db = await openAt(name, next, hooks);
    }
    const foreign = foreignStores(schemaView(db));
    const gaps = schemaGaps(schemaView(db));
    if (foreign.length > 0 || gaps.length > 0) {
      db.close();
      const what = foreign.length > 0 ? `store ${foreign.join(', ')} was not created by ModelPrint` : `${gaps.join(', ')} missing`;
      throw new StorageProblemError('database-unavailable', `The database cannot be repaired: ${what}.`);
    }
    return db;
  } catch (error) {
    throw openFailure(error);
  }
}

/** Deletes the whole database (the user's "reset" when it cannot be repaired). Open connections are asked to close. */
export async function deleteModelPrintDB(name: string = DB_NAME): Promise<void> {
  await deleteDB(name, {
    blocked: () => console.warn('[ModelPrint] reset: waiting for another ModelPrint page to close the database'),
  });
}

/**
 * Every record still readable in the `samples` store, without upgrading or repairing anything: what the
 * user can save before a reset. Empty when the database or the store does not exist.
 */
export async function readSamplesAsTheyAre(name: string = DB_NAME): Promise<unknown[]> {
  // Opening a database that does not exist would create it; `databases()` (Chromium, Firefox 126+) tells first.
  const known = typeof indexedDB.databases === 'function' ? await indexedDB.databases() : null;
  if (known && !known.some((d) => d.name === name)) return [];
  const db = await openDB(name);
  try {
    return db.objectStoreNames.contains('samples') ? await db.getAll('samples') : [];
  } finally {
    db.close();
  }
}

/**
 * Stores a sample unless one with the same id exists. Returns whether it was new.
 * An answer re-read after a remount or a reload has the same id, so it is recorded once.
 */
export async function saveSample(db: ModelPrintDatabase, sample: Sample): Promise<boolean> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const samples = tx.objectStore('samples');
  return committed(tx, async () => {
    if ((await samples.getKey(sample.id)) !== undefined) return false;
    await Promise.all([samples.add(sample), tx.objectStore('listings').put(listingOf(sample))]);
    return true;
  });
}

/**
 * Runs `work` inside `tx` and resolves once the transaction has committed. When it aborts, rejects with the
 * transaction's own error (a `QuotaExceededError` when the disk is full), not with the `AbortError` of
 * whichever request noticed first, so the caller can say what happened.
 */
async function committed<T>(tx: { done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  const [outcome, done] = await Promise.allSettled([work(), tx.done]);
  if (done.status === 'rejected') throw done.reason;
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

/** Writes a changed sample and its listing (inside a readwrite transaction over both stores). */
function putSample(tx: IDBPTransaction<ModelPrintDB, Array<'samples' | 'listings'>, 'readwrite'>, sample: Sample) {
  return Promise.all([tx.objectStore('samples').put(sample), tx.objectStore('listings').put(listingOf(sample))]);
}

export function getSample(db: ModelPrintDatabase, id: string): Promise<Sample | undefined> {
  return db.get('samples', id);
}

/**
 * How many samples are stored. Counted on `listings` (one per sample, in the same transactions): Chromium
 * counts by walking the records, and a listing is ~0.3 KB where a sample is ~5 KB, which is what the
 * popup's count waits for at 50,000 samples.
 */
export function countSamples(db: ModelPrintDatabase): Promise<number> {
  return db.count('listings');
}

export function listConversationSamples(
  db: ModelPrintDatabase,
  site: SampleSite,
  conversationId: string,
): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-conversation', [site, conversationId]);
}

/**
 * The samples read on one shared-conversation page. They have no conversation id (so no entry in
 * `by-conversation`); their ids share one prefix (`sharedIdPrefix`), so a key range on the primary key
 * finds them without a new index or a schema upgrade.
 */
export function listSharedSamples(db: ModelPrintDatabase, site: SampleSite, shareId: string): Promise<Sample[]> {
  const prefix = sharedIdPrefix(site, shareId);
  return db.getAll('samples', IDBKeyRange.bound(prefix, `${prefix}\uffff`));
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

/**
 * Up to `count` samples in id order after `afterId` (null: from the start). Reading 10,000 large samples
 * in chunks keeps each request short, so a page can draw between chunks and show progress; ids are unique,
 * so no sample is read twice or skipped, unlike chunking by capture time.
 */
export function listSampleChunk(db: ModelPrintDatabase, afterId: string | null, count: number): Promise<Sample[]> {
  return db.getAll('samples', afterId === null ? null : IDBKeyRange.lowerBound(afterId, true), count);
}

/** Where a page of {@link listSamplesByTime} ended: the next one starts after it. */
export interface TimePosition {
  capturedAt: number;
  id: string;
}

/**
 * Up to `count` samples oldest first (ties by id) after `after` (null: from the oldest): the export reads
 * the store in these pages. One `getAll` over the capture-time index from the last page's time (a cursor
 * is a round trip per record), dropping the samples of that time already read; when a whole page is such
 * samples (more than `count` share one time, as a `dataset from` import's do), a cursor resumes exactly
 * where the last page ended (`continuePrimaryKey`).
 */
export async function listSamplesByTime(db: ModelPrintDatabase, after: TimePosition | null, count: number): Promise<Sample[]> {
  if (after === null) return db.getAllFromIndex('samples', 'by-capturedAt', null, count);
  // One more than a page: the last page's own last sample comes back first, and is dropped.
  const read = await db.getAllFromIndex('samples', 'by-capturedAt', IDBKeyRange.lowerBound(after.capturedAt), count + 1);
  const fresh = read.filter((s) => s.capturedAt > after.capturedAt || s.id > after.id).slice(0, count);
  if (fresh.length > 0 || read.length <= count) return fresh;
  const index = db.transaction('samples').store.index('by-capturedAt');
  let cursor = await index.openCursor(IDBKeyRange.lowerBound(after.capturedAt));
  if (cursor && cursor.key === after.capturedAt && cursor.primaryKey <= after.id) {
    cursor = cursor.primaryKey === after.id ? await cursor.continue() : await cursor.continuePrimaryKey(after.capturedAt, after.id);
    if (cursor && cursor.key === after.capturedAt && cursor.primaryKey === after.id) cursor = await cursor.continue();
  }
  const out: Sample[] = [];
  while (cursor) {
    out.push(cursor.value);
    if (out.length >= count) break;
    cursor = await cursor.continue();
  }
  return out;
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

/** The stored listings of `ids`, in the same order (undefined where a sample has none). */
export async function getListings(db: ModelPrintDatabase, ids: readonly string[]): Promise<Array<SampleListing | undefined>> {
  const store = db.transaction('listings').store;
  return Promise.all(ids.map((id) => store.get(id)));
}

/**
 * Listings per request of {@link listAllListings}. The database serves one request at a time: one `getAll`
 * of 50,000 listings held it 1.5-3 s on a busy 2-core machine, and every other page (the popup, the
 * dashboard opened again) waited behind it; a chunk of 1,000 takes 20-60 ms.
 */
const LISTING_CHUNK = 1_000;

/**
 * Every sample's listing, newest first: what the dashboard sorts, pages and filters (all but the text
 * search) long before the full samples are read. Read in chunks in id order (ids are unique, so none is
 * read twice or skipped), then ordered by capture time, latest id first among equal times.
 */
export async function listAllListings(db: ModelPrintDatabase): Promise<SampleListing[]> {
  const all: SampleListing[] = [];
  for (let after: string | null = null; ; ) {
    const chunk: SampleListing[] = await db.getAll('listings', after === null ? null : IDBKeyRange.lowerBound(after, true), LISTING_CHUNK);
    if (chunk.length === 0) break;
    for (const listing of chunk) all.push(listing);
    after = chunk[chunk.length - 1]!.id;
  }
  return all.sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
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

/** Every sample, among the `scan` newest, for which `accept` is true, newest first. */
export async function findRecentSamples(
  db: ModelPrintDatabase,
  accept: (s: Sample) => boolean,
  scan = 500,
): Promise<Sample[]> {
  const found: Sample[] = [];
  let cursor = await db.transaction('samples').store.index('by-capturedAt').openCursor(null, 'prev');
  for (let seen = 0; cursor && seen < scan; seen++) {
    if (accept(cursor.value)) found.push(cursor.value);
    cursor = await cursor.continue();
  }
  return found;
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
  return committed(tx, async () => {
    let updated = 0;
    for (const { id, verdict } of updates) {
      const sample = await tx.objectStore('samples').get(id);
      if (!sample) continue;
      await putSample(tx, { ...sample, verdict });
      updated++;
    }
    return updated;
  });
}

/**
 * Sets (or with null, removes) a researcher's label on every sample of `ids`, in one transaction with
 * their listings. Ids that do not exist are skipped; returns how many samples were labelled.
 */
export async function setUserLabels(db: ModelPrintDatabase, ids: readonly string[], label: string | null): Promise<number> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  return committed(tx, async () => {
    let updated = 0;
    for (const id of ids) {
      const sample = await tx.objectStore('samples').get(id);
      if (!sample) continue;
      const { userLabel: _old, ...rest } = sample;
      await putSample(tx, label === null ? rest : { ...rest, userLabel: label });
      updated++;
    }
    return updated;
  });
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

/**
 * A lookup per key costs a round trip each in Chromium (20,000 of them for a 10,000-sample import took
 * seconds); reading every stored key once is one request. The scan is chosen while the store holds at
 * most this many times the keys looked up.
 */
const SCAN_RATIO = 4;

/** Of `ids`, those a stored sample has (one read transaction). */
export async function findStoredIds(db: ModelPrintDatabase, ids: string[]): Promise<Set<string>> {
  const store = db.transaction('samples').store;
  const stored = await store.count();
  if (stored === 0 || ids.length === 0) return new Set();
  if (stored <= SCAN_RATIO * ids.length) {
    const all = new Set<string>(await store.getAllKeys());
    return new Set(ids.filter((id) => all.has(id)));
  }
  const keys = await Promise.all(ids.map((id) => store.getKey(id)));
  return new Set(keys.filter((k): k is string => k !== undefined));
}

/** Of `keys` (see lib/dataset/content-key.ts), those a stored sample has. */
export async function findStoredContentKeys(db: ModelPrintDatabase, keys: string[]): Promise<Set<string>> {
  const store = db.transaction('listings').store;
  const stored = await store.count();
  if (stored === 0 || keys.length === 0) return new Set();
  if (stored <= SCAN_RATIO * keys.length) {
    const all = new Set((await store.getAll()).map((l) => l.contentKey));
    return new Set(keys.filter((k) => all.has(k)));
  }
  const index = store.index('by-contentKey');
  const found = await Promise.all(keys.map(async (key) => ((await index.getKey(key)) === undefined ? null : key)));
  return new Set(found.filter((k): k is string => k !== null));
}

/**
 * Adds new samples all or nothing: one transaction, so a failure part-way (an id stored meanwhile, the
 * quota, a closed page) aborts it and the database stays exactly as it was. `add`, not `put`: an id that
 * appeared since the import was checked fails the whole import rather than overwriting a sample.
 */
export async function addSamplesAtomically(db: ModelPrintDatabase, samples: Sample[]): Promise<number> {
  const tx = db.transaction(['samples', 'listings'], 'readwrite');
  const store = tx.objectStore('samples');
  const listings = tx.objectStore('listings');
  const writes = samples.flatMap((s) => [store.add(s), listings.put(listingOf(s))]);
  try {
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    // One failed request aborts the transaction; the others then reject too. Name the first cause.
    if (!(error instanceof DOMException && error.name === 'AbortError')) {
      try {
        tx.abort();
      } catch {
        // already aborted by IndexedDB itself: nothing was written
      }
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
  return samples.length;
}

/** The samples imported from one dataset (origin.dataset), in id order. */
export function listSamplesByOrigin(db: ModelPrintDatabase, dataset: string): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-origin', dataset);
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
