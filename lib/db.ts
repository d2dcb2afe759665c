/**
 * The one module that touches IndexedDB (STYLE.md §7). Everything else calls these named functions.
 *
 * Upgrades are cumulative `if (oldVersion < N)` blocks, so a fresh install and every upgrade path run the
 * same code. Never await non-IndexedDB work inside a transaction: it would auto-commit under us.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Sample } from './sample';
import type { SiteHealthReport } from './messaging/protocol';
import type { SiteId } from './sites/hosts';

export const DB_NAME = 'modelprint';
export const DB_VERSION = 1;

export interface ModelPrintDB extends DBSchema {
  samples: {
    key: string;
    value: Sample;
    indexes: { 'by-capturedAt': number; 'by-site': string; 'by-conversation': [string, string] };
  };
  siteHealth: {
    key: SiteId;
    value: SiteHealthReport;
  };
}

export type ModelPrintDatabase = IDBPDatabase<ModelPrintDB>;

/**
 * Opens (and creates or upgrades) the database. Tests pass a fresh name and load `fake-indexeddb/auto`,
 * which installs the IndexedDB globals idb relies on.
 */
export function openModelPrintDB(name: string = DB_NAME): Promise<ModelPrintDatabase> {
  return openDB<ModelPrintDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const samples = db.createObjectStore('samples', { keyPath: 'id' });
        samples.createIndex('by-capturedAt', 'capturedAt');
        samples.createIndex('by-site', 'site');
        samples.createIndex('by-conversation', ['site', 'conversationId']);
        db.createObjectStore('siteHealth', { keyPath: 'site' });
      }
    },
  });
}

/**
 * Stores a sample unless one with the same id exists. Returns whether it was new.
 * An answer re-read after a remount or a reload has the same id, so it is recorded once.
 */
export async function saveSample(db: ModelPrintDatabase, sample: Sample): Promise<boolean> {
  const tx = db.transaction('samples', 'readwrite');
  const existing = await tx.store.getKey(sample.id);
  if (existing === undefined) await tx.store.add(sample);
  await tx.done;
  return existing === undefined;
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
  site: SiteId,
  conversationId: string,
): Promise<Sample[]> {
  return db.getAllFromIndex('samples', 'by-conversation', [site, conversationId]);
}

export async function deleteSamples(db: ModelPrintDatabase, ids: string[]): Promise<void> {
  const tx = db.transaction('samples', 'readwrite');
  await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
}

export async function putSiteHealth(db: ModelPrintDatabase, report: SiteHealthReport): Promise<void> {
  await db.put('siteHealth', report);
}

export function listSiteHealth(db: ModelPrintDatabase): Promise<SiteHealthReport[]> {
  return db.getAll('siteHealth');
}
