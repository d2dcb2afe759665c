import { useState } from 'preact/hooks';
import { readSamplesAsTheyAre } from '@/lib/db';
import { sendMessage } from '@/lib/messaging/client';
import { describeError } from '@/lib/storage-problem';
import { download } from './download';

/** How the dashboard saves what it can and resets a database that cannot be repaired. */
export interface RescueApi {
  /** Every record still readable, as it is stored. */
  readable(): Promise<unknown[]>;
  /** Deletes the database; the background opens an empty one. */
  reset(): Promise<void>;
  /** Hands the file to the user. */
  download(name: string, text: string): void;
}

export const browserRescue: RescueApi = {
  readable: () => readSamplesAsTheyAre(),
  reset: async () => void (await sendMessage('resetDatabase', {})),
  download: (name, text) => download(new Blob([text], { type: 'application/x-ndjson' }), name),
};

/** The way out of a database that cannot be opened: save what can be read, then reset. */
export function RescueActions({ api = browserRescue, onReset }: { api?: RescueApi; onReset: () => void }) {
  const [note, setNote] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    try {
      const records = await api.readable();
      api.download(`modelprint-rescue-${new Date().toISOString().slice(0, 10)}.jsonl`, records.map((r) => JSON.stringify(r)).join('\n'));
      setSaved(true);
      setNote(`${records.length} answer${records.length === 1 ? '' : 's'} saved to a file (one JSON record per line).`);
    } catch (e) {
      setNote(`Nothing could be read: ${describeError(e)}. Resetting loses nothing more.`);
      setSaved(true);
    }
  };
  const reset = async () => {
    const warning = saved ? 'Delete the database and start an empty one?' : 'You have not saved what can be read. Delete the database anyway?';
    if (!confirm(warning)) return;
    try {
      await api.reset();
      onReset();
    } catch (e) {
      setNote(`The reset failed: ${describeError(e)}. Restart the browser and try again.`);
    }
  };
  return (
    <div class="rescue">
      <button type="button" class="button button--primary" onClick={() => void save()} data-testid="rescue-download">
        Download what can be read
      </button>{' '}
      <button type="button" class="button button--danger" onClick={() => void reset()} data-testid="rescue-reset">
        Reset the database
      </button>
      {note && <p role="status">{note}</p>}
    </div>
  );
}
