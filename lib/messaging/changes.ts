/**
 * "The samples changed": the background bumps this session-storage item after every write, and open
 * pages (popup, side panel, dashboard) watch it to reload. Storage change events reach every extension
 * page without a broadcast message or polling.
 */
import { storage } from 'wxt/utils/storage';

export const samplesChangedAt = storage.defineItem<number>('session:samplesChangedAt', { fallback: 0 });

export function notifySamplesChanged(now: number = Date.now()): Promise<void> {
  return samplesChangedAt.setValue(now);
}

/** Calls `onChange` after each change; returns the function that stops watching. */
export function watchSamples(onChange: () => void): () => void {
  return samplesChangedAt.watch(() => onChange());
}
