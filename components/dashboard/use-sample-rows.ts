import { useCallback, useLayoutEffect, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import type { SampleListing } from '@/lib/sample-listing';
import { describeError, storageProblem, type StorageProblemKind } from '@/lib/storage-problem';
import type { SampleSource } from './sample-source';

/** Set when the first page's listings, every listing, and every sample (mapped to rows) are read; the e2e test prints them. */
export const FIRST_PAGE_READ_MARK = 'modelprint:first-page-read';
export const LISTINGS_LOADED_MARK = 'modelprint:listings-loaded';
export const ALL_LOADED_MARK = 'modelprint:all-rows-loaded';

export type RowsState =
  | { status: 'loading' }
  | { status: 'error'; message: string; problem: StorageProblemKind | null }
  /**
   * Stored listings only: of the newest page (`listed` false), or of every sample (`listed` true: enough to
   * sort, page and filter on all but the text). The text search and pooling wait for the full read (texts,
   * every model's probability), which has reached `loaded` samples.
   */
  | { status: 'ready'; complete: false; listed: boolean; rows: SampleListing[]; loaded: number }
  | { status: 'ready'; complete: true; rows: SampleRow[] };

/**
 * Loads the newest page first and draws it, then every listing (one short read: sorting, paging and most
 * filters work from here), then every sample, in chunks, for the text search and pooling. At 10,000
 * samples the first page is on screen long before the full read (and its mapping to rows) is done.
 */
export function useSampleRows(source: SampleSource, firstPageSize: number) {
  const [state, setState] = useState<RowsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  // A layout effect, not an effect: Preact runs effects only after the next frame, so a first page that
  // is already read (the page prefetches it) would cost a "Loading" frame before the frame with the rows.
  useLayoutEffect(() => {
    let live = true;
    const fail = (error: unknown) =>
      live && setState({ status: 'error', message: describeError(error), problem: storageProblem(error) });
    const loadAll = (listings: readonly SampleListing[]) =>
      source
        .all(listings, (loaded) => live && setState((s) => (s.status === 'ready' && !s.complete ? { ...s, loaded } : s)))
        .then((rows) => {
          performance.mark(ALL_LOADED_MARK, { detail: { rows: rows.length } });
          if (live) setState({ status: 'ready', complete: true, rows });
        }, fail);
    // A reload keeps the full list on screen until the fresh full read replaces it.
    const show = (rows: SampleListing[], listed: boolean) =>
      setState((s) => (s.status === 'ready' && s.complete ? s : { status: 'ready', complete: false, listed, rows, loaded: 0 }));
    const loadListings = () =>
      source.listings().then((rows) => {
        performance.mark(LISTINGS_LOADED_MARK, { detail: { rows: rows.length } });
        if (!live) return;
        show(rows, true);
        loadAll(rows);
      }, fail);
    // The later reads start only after the first page is on screen: run together, they would delay it
    // (IndexedDB serves one connection's requests largely in order).
    source.firstPage(firstPageSize).then((rows) => {
      performance.mark(FIRST_PAGE_READ_MARK, { detail: { rows: rows.length } });
      if (!live) return;
      // Fewer than a page is every listing, and the full read is short: no need to wait for a frame.
      const whole = rows.length < firstPageSize;
      show(rows, whole);
      if (whole) loadAll(rows);
      else requestAnimationFrame(() => setTimeout(loadListings, 0));
    }, fail);
    return () => {
      live = false;
    };
  }, [source, firstPageSize, generation]);

  /** Drops deleted rows at once, without re-reading 10,000 samples. */
  const removeRows = useCallback((ids: ReadonlySet<string>) => {
    setState((s) => {
      if (s.status !== 'ready') return s;
      // One branch per state, so each keeps its own row type.
      return s.complete
        ? { ...s, rows: s.rows.filter((r) => !ids.has(r.id)) }
        : { ...s, rows: s.rows.filter((r) => !ids.has(r.id)) };
    });
  }, []);
  /** Sets the label of labelled rows at once, without re-reading 10,000 samples. */
  const labelRows = useCallback((ids: ReadonlySet<string>, label: string | null) => {
    const relabel = <T extends SampleListing>(r: T): T => {
      if (!ids.has(r.id)) return r;
      const { userLabel: _old, ...rest } = r;
      return (label === null ? rest : { ...rest, userLabel: label }) as T;
    };
    setState((s) => {
      if (s.status !== 'ready') return s;
      return s.complete ? { ...s, rows: s.rows.map(relabel) } : { ...s, rows: s.rows.map(relabel) };
    });
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { state, removeRows, labelRows, reload };
}
