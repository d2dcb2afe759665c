import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import type { SampleSource } from './sample-source';

export type RowsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** `complete` false: only the newest page is loaded; filters and sorting wait for the rest. */
  | { status: 'ready'; rows: SampleRow[]; total: number; complete: boolean };

/**
 * Loads the newest page first and draws it, then every row for filtering and sorting. At 10,000 samples
 * the first page is on screen long before the full read (and its mapping to rows) is done.
 */
export function useSampleRows(source: SampleSource, firstPageSize: number) {
  const [state, setState] = useState<RowsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const fail = (error: unknown) =>
      live && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    source.firstPage(firstPageSize).then(({ rows, total }) => {
      // A full read that finished first (tiny databases) must not be replaced by the partial one.
      if (live) setState((s) => (s.status === 'ready' && s.complete ? s : { status: 'ready', rows, total, complete: rows.length >= total }));
    }, fail);
    source.all().then((rows) => live && setState({ status: 'ready', rows, total: rows.length, complete: true }), fail);
    return () => {
      live = false;
    };
  }, [source, firstPageSize, generation]);

  /** Drops deleted rows at once, without re-reading 10,000 samples. */
  const removeRows = useCallback((ids: ReadonlySet<string>) => {
    setState((s) => {
      if (s.status !== 'ready') return s;
      const rows = s.rows.filter((r) => !ids.has(r.id));
      return { ...s, rows, total: s.total - (s.rows.length - rows.length) };
    });
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return { state, removeRows, reload };
}
