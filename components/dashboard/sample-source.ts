/**
 * Where the dashboard's samples come from. Reads go straight to IndexedDB through lib/db.ts (the page
 * shares the extension's origin, and one `getAll` of 10,000 records is far faster than messaging them);
 * deletes go through the background, so the service worker stays the one writer.
 *
 * An interface, so component tests hand the views rows without a database or a browser.
 */
import { getSample, listAllListings, listNewestListings, listSampleChunk } from '@/lib/db';
import { createDatabaseAccess } from '@/lib/db-access';
import { toRow, type SampleRow } from '@/lib/dashboard/row';
import { sendMessage } from '@/lib/messaging/client';
import { measureSince } from '@/lib/messaging/timing';
import type { Sample } from '@/lib/sample';
import type { SampleListing } from '@/lib/sample-listing';

/**
 * Samples per read: 500 (~2.5 MB) keep each request under ~100 ms on a busy machine, so another page's
 * request (the popup, this page opened again) never waits long behind the full read; 50,000 take 100.
 */
const CHUNK = 500;

export interface SampleSource {
  /**
   * The listings of the newest `limit` samples: enough to draw the first page at once, ~0.3 KB each where
   * a sample is ~5 KB. No total: counting 10,000 records walks them all in Chromium's IndexedDB, and the
   * first page must not wait for that.
   */
  firstPage(limit: number): Promise<SampleListing[]>;
  /** Every sample's listing, newest first: enough to sort, page and filter on all but the text. */
  listings(): Promise<SampleListing[]>;
  /**
   * Every sample as a row, newest first, on the stored `listings` already read (a sample without one, stored
   * since, gets its listing derived); `onProgress` hears how many are read so far.
   */
  all(listings: readonly SampleListing[], onProgress?: (loaded: number) => void): Promise<SampleRow[]>;
  /** One sample with its full text, for the detail view. */
  get(id: string): Promise<Sample | undefined>;
  remove(ids: string[]): Promise<void>;
  removeAll(): Promise<void>;
  /** Labels (or, with null, unlabels) samples; returns how many were changed. */
  setLabel(ids: string[], label: string | null): Promise<number>;
}

/**
 * `prefetch`: start reading the listings of that many newest samples now, while the page's components
 * still load; the first `firstPage` call with that size takes the result (later calls, e.g. after a
 * change, read afresh). `prefetched` settles (never rejects) when that read is done.
 */
export function idbSampleSource({ prefetch }: { prefetch?: number } = {}): SampleSource & { prefetched: Promise<void> } {
  // A failed open is not kept (the next read tries again), and the connection closes when the background
  // resets or upgrades the database.
  const open = createDatabaseAccess().get;
  const readFirst = async (limit: number) => {
    const start = performance.now();
    const db = await open();
    measureSince('modelprint:db-open', start);
    const read = performance.now();
    const rows = await listNewestListings(db, limit);
    measureSince('modelprint:first-page-query', read);
    return rows;
  };
  let early = prefetch === undefined ? undefined : { limit: prefetch, rows: readFirst(prefetch) };
  // Handled here too, so a failed prefetch that nobody takes is not an unhandled rejection; the caller
  // that takes it sees the same error through its own `await`.
  const prefetched = early
    ? early.rows.then(
        () => undefined,
        (e: unknown) => console.warn('[ModelPrint] first page prefetch failed:', e),
      )
    : Promise.resolve();
  return {
    prefetched,
    firstPage(limit) {
      const taken = early?.limit === limit ? early.rows : undefined;
      early = undefined;
      return taken ?? readFirst(limit);
    },
    async listings() {
      return listAllListings(await open());
    },
    async all(listings, onProgress) {
      const d = await open();
      const listed = new Map(listings.map((l) => [l.id, l]));
      const rows: SampleRow[] = [];
      for (let after: string | null = null; ; ) {
        const chunk = await listSampleChunk(d, after, CHUNK);
        if (chunk.length === 0) break;
        // Mapped at once, so the chunk's texts and full verdict lists can be collected chunk by chunk.
        for (const s of chunk) rows.push(toRow(s, listed.get(s.id)));
        after = chunk[chunk.length - 1]!.id;
        onProgress?.(rows.length);
      }
      // Chunks come in id order; the table starts newest first.
      return rows.sort((a, b) => b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : 1));
    },
    async get(id) {
      return getSample(await open(), id);
    },
    async remove(ids) {
      await sendMessage('deleteSamples', { ids });
    },
    async removeAll() {
      await sendMessage('deleteAllSamples', {});
    },
    async setLabel(ids, label) {
      return (await sendMessage('setUserLabels', { ids, label })).updated;
    },
  };
}
