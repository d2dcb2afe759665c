/**
 * Hand-over of a selected text from the context menu to the verdict page. The text goes through session
 * storage (memory only, cleared when the browser closes), never through the page URL: a long selection
 * would not fit, and URLs end up in history. The page receives only a short id in its URL hash.
 */
import { storage } from 'wxt/utils/storage';
import type { PendingSelection } from '../messaging/protocol';

/** Selections kept for verdict windows still open; older ones are dropped first. */
export const MAX_PENDING = 10;

const pending = storage.defineItem<Record<string, PendingSelection>>('session:pendingSelections', {
  fallback: {},
});

export async function putSelection(selection: PendingSelection, id: string = crypto.randomUUID()): Promise<string> {
  const all = await pending.getValue();
  const kept = Object.entries(all)
    .sort(([, a], [, b]) => b.createdAt - a.createdAt)
    .slice(0, MAX_PENDING - 1);
  await pending.setValue({ ...Object.fromEntries(kept), [id]: selection });
  return id;
}

export async function getSelection(id: string): Promise<PendingSelection | null> {
  return (await pending.getValue())[id] ?? null;
}
