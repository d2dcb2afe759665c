/**
 * Where the dashboard's samples come from. Reads go straight to IndexedDB through lib/db.ts (the page
 * shares the extension's origin, and one `getAll` of 10,000 records is far faster than messaging them);
 * deletes go through the background, so the service worker stays the one writer.
 *
 * An interface, so component tests hand the views rows without a database or a browser.
 */
import { countSamples, getSample, listAllSamples, listSamples, openModelPrintDB } from '@/lib/db';
import { toRow, type SampleRow } from '@/lib/dashboard/row';
import { sendMessage } from '@/lib/messaging/client';
import type { Sample } from '@/lib/sample';

export interface SampleSource {
  /** The newest `limit` samples and the total count: enough to draw the first page at once. */
  firstPage(limit: number): Promise<{ rows: SampleRow[]; total: number }>;
  /** Every sample, newest first. */
  all(): Promise<SampleRow[]>;
  /** One sample with its full text, for the detail view. */
  get(id: string): Promise<Sample | undefined>;
  remove(ids: string[]): Promise<void>;
  removeAll(): Promise<void>;
}

export function idbSampleSource(): SampleSource {
  let db: ReturnType<typeof openModelPrintDB> | undefined;
  const open = () => (db ??= openModelPrintDB());
  return {
    async firstPage(limit) {
      const d = await open();
      const [samples, total] = await Promise.all([listSamples(d, { limit }), countSamples(d)]);
      return { rows: samples.map(toRow), total };
    },
    async all() {
      const samples = await listAllSamples(await open());
      const rows = samples.map(toRow);
      // listAllSamples reads oldest first (one index scan); the table starts newest first.
      return rows.reverse();
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
  };
}
