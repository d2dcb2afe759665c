import { useCallback, useMemo, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import {
  DEFAULT_SORT,
  distinctValues,
  filterRows,
  pageOf,
  sortRows,
  type SampleFilter,
  type SortSpec,
} from '@/lib/dashboard/query';
import { formatCount } from '@/lib/dashboard/format';
import { SampleFilters, type FilterOptions } from './SampleFilters';
import { SampleTable } from './SampleTable';
import { Pager } from './Pager';
import { SelectionBar } from './SelectionBar';

export const PAGE_SIZE = 50;

interface Props {
  rows: SampleRow[];
  /** False while only the newest page is loaded. */
  complete: boolean;
  /** How many samples the full read has reached, while it runs. */
  loaded?: number;
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => Promise<void>;
}

function optionsOf(rows: SampleRow[]): FilterOptions {
  const values = (pick: (r: SampleRow) => string | null) => distinctValues(rows, pick).map((v) => v.value);
  return {
    sites: values((r) => r.site),
    claimed: values((r) => r.claimed),
    families: values((r) => r.family),
    models: values((r) => r.model),
  };
}

export function SamplesView({ rows, complete, loaded = 0, onOpen, onDelete }: Props) {
  const [filter, setFilter] = useState<SampleFilter>({});
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [pageNo, setPageNo] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // Sort everything once per sort order; filtering keeps that order, so typing in the search box only
  // re-filters (one pass over 10,000 rows) and never re-sorts.
  const sorted = useMemo(() => (complete ? sortRows(rows, sort) : rows), [rows, sort, complete]);
  const filtered = useMemo(() => (complete ? filterRows(sorted, filter) : sorted), [sorted, filter, complete]);
  const options = useMemo(() => optionsOf(rows), [rows]);
  // Memoised so progress updates during the full read do not redraw the table.
  const page = useMemo(() => pageOf(filtered, pageNo, PAGE_SIZE), [filtered, pageNo]);

  const changeFilter = (next: SampleFilter) => {
    setFilter(next);
    setPageNo(0);
  };
  const changeSort = useCallback((next: SortSpec) => {
    setSort(next);
    setPageNo(0);
  }, []);
  const select = useCallback(
    (ids: string[], on: boolean) =>
      setSelected((prev) => {
        const next = new Set(prev);
        for (const id of ids) if (on) next.add(id); else next.delete(id);
        return next;
      }),
    [],
  );

  const matching = filtered.length;
  const summary = complete
    ? `${formatCount(filtered.length)} of ${formatCount(rows.length)} answers`
    : `Newest ${formatCount(rows.length)} answers (reading all of them for filtering, sorting and paging: ${formatCount(loaded)} so far)`;

  return (
    <section aria-labelledby="samples-heading" class="view">
      <h2 id="samples-heading">Samples</h2>
      <SampleFilters filter={filter} options={options} onChange={changeFilter} disabled={!complete} />
      <p class="count" role="status" data-testid="samples-count">{summary}</p>
      <SelectionBar
        count={selected.size}
        matching={matching}
        onSelectMatching={() => select(filtered.map((r) => r.id), true)}
        onClear={() => setSelected(new Set())}
        onDelete={async () => {
          await onDelete([...selected]);
          setSelected(new Set());
        }}
      />
      {page.total === 0 ? (
        <p class="empty" data-testid="samples-no-match">No answer matches these filters.</p>
      ) : (
        <>
          <div class="table-scroll">
            <SampleTable
              rows={page.rows}
              sort={sort}
              onSort={changeSort}
              sortable={complete}
              selected={selected}
              onSelect={select}
              onOpen={onOpen}
              caption={complete ? `Recorded answers, ${summary}` : 'Newest recorded answers'}
            />
          </div>
          {complete && <Pager page={page} onPage={setPageNo} />}
        </>
      )}
    </section>
  );
}
