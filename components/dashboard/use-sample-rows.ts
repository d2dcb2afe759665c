import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import type { SampleSource } from './sample-source';

/** Set when every sample is read and mapped to rows; the e2e test prints it. */
export const ALL_LOADED_MARK = 'modelprint:all-rows-loaded';

export type RowsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /**
   * `complete` false: only the newest page is loaded; filters, sorting and paging wait for the rest, and
   * `loaded` says how many samples the full read has reached.
   */
  | { status: 'ready'; rows: SampleRow[]; complete: boolean; loaded: number };

/**
 * Loads the newest page first and draws it, then every row, in chunks, for filtering and sorting. At
 * 10,000 samples the first page is on screen long before the full read (and its mapping to rows) is done.
 */
export function useSampleRows(source: SampleSource, firstPageSize: number) {
  const [state, setState] = useState<RowsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const fail = (error: unknown) =>
      live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    const loadAll = () =>
      source
        .all((loaded) => live && setState((s) => (s.status === 'ready' && !s.complete ? { ...s, loaded } : s)))
        .then((rows) => {
          performance.mark(ALL_LOADED_MARK, { detail: { rows: rows.length } });
          if (live) setState({ status: 'ready', rows, complete: true, loaded: rows.length });
        }, fail);
    // The full read starts only after the first page is on screen: run together, the bulk read would
    // delay the first page (IndexedDB serves one connection's requests largely in order).
    source.firstPage(firstPageSize).then((rows) => {
      if (!live) return;
      if (rows.length < firstPageSize) {
        // Fewer than a page: this read is the whole list.
        setState({ status: 'ready', rows, complete: true, loaded: rows.length });
        return;
      }
      // A reload keeps the full list on screen until the fresh full read replaces it.
      setState((s) => (s.status === 'ready' && s.complete ? s : { status: 'ready', rows, complete: false, loaded: 0 }));
      requestAnimationFrame(() => setTimeout(loadAll, 0));
    }, fail);
    return () => {
      live = false;
    };
  }, [source, firstPageSize, generation]);

  /** Drops deleted rows at once, without re-reading 10,000 samples. */
  const removeRows = useCallback((ids: ReadonlySet<string>) => {
    setState((s) => {
      if (s.status !== 'ready') return s;
      return { ...s, rows: s.rows.filter((r) => !ids.has(r.id)) };
    });
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { state, removeRows, reload };
}
