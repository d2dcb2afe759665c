/**
 * "The samples changed": the background writes this session-storage item, and open pages (popup, side
 * panel, dashboard) watch it to reload. Storage change events reach every extension page without a
 * broadcast message or polling.
 *
 * Notices are coalesced (issue 15, failure 1): a page of 2,000 old turns stores 2,000 answers in a minute,
 * and a notice per answer made an open side panel reload the whole conversation 1,300 times, growing the
 * extension past 5 GB. The background sends the first change at once and then at most one notice per
 * {@link NOTICE_INTERVAL_MS}, carrying everything that happened in between.
 */
import { storage } from 'wxt/utils/storage';

export interface SamplesChange {
  /** When the notice was sent (epoch ms); also what makes two notices differ. */
  at: number;
  /** Only new samples were stored since the last notice: a page may fetch just those. */
  addedOnly: boolean;
}

/** One notice per second at most: the side panel and popup stay live, and a burst costs one reload a second. */
export const NOTICE_INTERVAL_MS = 1_000;

export const samplesChanged = storage.defineItem<SamplesChange | null>('session:samplesChanged', { fallback: null });

export type ChangeNotifier = (change?: { addedOnly: boolean }) => Promise<void>;

/**
 * A notifier that sends the first change at once and folds the ones that follow within `interval` into
 * one trailing notice. Returns at once: a save never waits for the notice.
 */
export function createChangeNotifier({
  interval = NOTICE_INTERVAL_MS,
  now = Date.now,
  send = (change: SamplesChange) => samplesChanged.setValue(change),
}: { interval?: number; now?: () => number; send?: (change: SamplesChange) => Promise<void> } = {}): ChangeNotifier {
  let lastSent = -Infinity;
  let pending: { addedOnly: boolean } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    const change = { at: now(), addedOnly: pending.addedOnly };
    pending = null;
    lastSent = change.at;
    send(change).catch((e: unknown) => console.warn('[ModelPrint] could not tell the pages about new samples:', e));
  };
  return async ({ addedOnly } = { addedOnly: false }) => {
    pending = { addedOnly: (pending?.addedOnly ?? true) && addedOnly };
    if (timer !== undefined) return;
    const wait = lastSent + interval - now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}

/** Calls `onChange` after each notice; returns the function that stops watching. */
export function watchSamples(onChange: (change: SamplesChange) => void): () => void {
  return samplesChanged.watch((change) => {
    if (change) onChange(change);
  });
}

/** Why a page loads again: only new samples were stored (`added`), or anything else changed (`any`). */
export type ChangeKind = 'added' | 'any';

/** {@link watchSamples} for pages that only need to know what kind of change it was. */
export function watchSampleChanges(onChange: (change: ChangeKind) => void): () => void {
  return watchSamples((change) => onChange(change.addedOnly ? 'added' : 'any'));
}
