import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeKind } from '@/lib/messaging/changes';
import { describeError, storageProblem, type StorageProblemKind } from '@/lib/storage-problem';

/** What a page shows while its data loads, when loading failed, and once it is there. */
export type LiveData<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; problem: StorageProblemKind | null }
  | ({ status: 'ready' } & T);

export type { ChangeKind };

/**
 * Loads a page's data, and loads it again when `subscribe` says something changed (new samples, the
 * active tab moved). Returns the state and a `reload` for the page's own actions.
 *
 * The work per change is bounded (issue 15, failure 1): one load at a time, changes that arrive during a
 * load are folded into one load after it, and loads start at least `minInterval` apart. `load` gets the
 * data on screen and the kind of change, so it can fetch only what is new.
 *
 * `initial`: data the page already read before it was drawn (the popup's entry asks while its components
 * load); the page then starts ready with it instead of a "Loading" frame and a first load.
 */
export function useLiveData<T extends object>(
  load: (previous: T | null, change: ChangeKind) => Promise<T>,
  subscribe: (onChange: (change?: ChangeKind) => void) => () => void,
  minInterval = 1_000,
  initial?: T,
): [LiveData<T>, () => void] {
  const [state, setState] = useState<LiveData<T>>(initial ? { status: 'ready', ...initial } : { status: 'loading' });
  // Mutable bookkeeping, not state: changing it must not render.
  const run = useRef({ busy: false, queued: null as ChangeKind | null, lastStart: -Infinity, data: null as T | null, timer: 0, live: true, seeded: initial ?? null });

  const start = useCallback(
    (change: ChangeKind) => {
      const r = run.current;
      r.queued = r.queued === 'any' || change === 'any' ? 'any' : 'added';
      if (r.busy || r.timer) return;
      const wait = r.lastStart + minInterval - performance.now();
      if (wait > 0) {
        r.timer = setTimeout(() => {
          r.timer = 0;
          start(r.queued ?? 'added');
        }, wait) as unknown as number;
        return;
      }
      const kind = r.queued;
      r.queued = null;
      r.busy = true;
      r.lastStart = performance.now();
      // An incremental load needs the data it adds to; without it (first load, after an error) load it all.
      const previous = kind === 'added' ? r.data : null;
      load(previous, previous ? 'added' : 'any').then(
        (data) => {
          r.data = data;
          if (r.live) setState({ status: 'ready', ...data });
        },
        (error: unknown) => {
          r.data = null;
          if (r.live) setState({ status: 'error', message: describeError(error), problem: storageProblem(error) });
        },
      ).finally(() => {
        r.busy = false;
        if (r.live && r.queued) start(r.queued);
      });
    },
    [load, minInterval],
  );

  useEffect(() => {
    const r = run.current;
    r.live = true;
    if (r.seeded) {
      // Read just before the page was drawn: the next change loads what is new, at most `minInterval` on.
      r.data = r.seeded;
      r.seeded = null;
      r.lastStart = performance.now();
    } else {
      r.lastStart = -Infinity;
      r.data = null;
      start('any');
    }
    const stop = subscribe((change) => start(change ?? 'any'));
    return () => {
      r.live = false;
      clearTimeout(r.timer);
      r.timer = 0;
      r.queued = null;
      stop();
    };
  }, [start, subscribe]);

  // The page's own actions (a switch flipped) show their effect at once, whatever the interval.
  const reload = useCallback(() => {
    const r = run.current;
    clearTimeout(r.timer);
    r.timer = 0;
    r.lastStart = -Infinity;
    start('any');
  }, [start]);
  return [state, reload];
}
