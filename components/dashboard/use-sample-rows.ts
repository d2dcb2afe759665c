import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import type { SampleListing } from '@/lib/sample-listing';
import type { SampleSource } from './sample-source';

/** Set when the first page's listings are read, and when every sample is read and mapped to rows; the e2e test prints both. */
export const FIRST_PAGE_READ_MARK = 'modelprint:first-page-read';
export const ALL_LOADED_MARK = 'modelprint:all-rows-loaded';

export type RowsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /**
   * Only the newest page, as stored listings: filters, sorting, paging and pooling wait for the full read
   * (texts to search, every model's probability to pool), which has reached `loaded` samples.
   */
  | { status: 'ready'; complete: false; rows: SampleListing[]; loaded: number }
  | { status: 'ready'; complete: true; rows: SampleRow[] };

/**
 * Loads the newest page first and draws it, then every row, in chunks, for filtering and sorting. At
 * 10,000 samples the first page is on screen long before the full read (and its mapping to rows) is done.
 */
export function useSampleRows(source: SampleSource, firstPageSize: number) {
  const [state, setState] = useState<RowsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  // A layout effect, not an effect: Preact runs effects only after the next frame, so a first page that
  // is already read (the page prefetches it) would cost a "Loading" frame before the frame with the rows.
  useLayoutEffect(() => {
    let live = true;
    const fail = (error: unknown) =>
      live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    const loadAll = () =>
      source
        .all((loaded) => live && setState((s) => (s.status === 'ready' && !s.complete ? { ...s, loaded } : s)))
        .then((rows) => {
          performance.mark(ALL_LOADED_MARK, { detail: { rows: rows.length } });
          if (live) setState({ status: 'ready', complete: true, rows });
        }, fail);
    // The full read starts only after the first page is on screen: run together, the bulk read would
    // delay the first page (IndexedDB serves one connection's requests largely in order).
    source.firstPage(firstPageSize).then((rows) => {
      performance.mark(FIRST_PAGE_READ_MARK, { detail: { rows: rows.length } });
      if (!live) return;
      // A reload keeps the full list on screen until the fresh full read replaces it.
      setState((s) => (s.status === 'ready' && s.complete ? s : { status: 'ready', complete: false, rows, loaded: 0 }));
      // Fewer than a page is the whole list, and its full read is short: no need to wait for a frame.
      if (rows.length < firstPageSize) loadAll();
      else requestAnimationFrame(() => setTimeout(loadAll, 0));
    }, fail);
    return () => {
      live = false;
    };
  }, [source, firstPageSize, generation]);

  /** Drops deleted rows at once, without re-reading 10,000 samples. */
  const removeRows = useCallback((ids: ReadonlySet<string>) => {
    setState((s) => {
      if (s.status !== 'ready') return s;
      return s.complete
        ? { ...s, rows: s.rows.filter((r) => !ids.has(r.id)) }
        : { ...s, rows: s.rows.filter((r) => !ids.has(r.id)) };
    });
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { state, removeRows, reload };
}
