import { useCallback, useMemo, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import type { SampleListing } from '@/lib/sample-listing';
import {
  DEFAULT_SORT,
  PAGE_SIZE,
  distinctValues,
  filterRows,
  pageOf,
  sortRows,
  type SampleFilter,
  type SortSpec,
} from '@/lib/dashboard/query';
import { formatCount } from '@/lib/display-numbers';
import { describeFilter } from '@/lib/dashboard/filter-description';
import { SampleFilters, type FilterOptions } from './SampleFilters';
import { SampleTable } from './SampleTable';
import { Pager } from './Pager';
import { SelectionBar } from './SelectionBar';

type Props = (
  | { complete: true; rows: SampleRow[] }
  /**
   * Listings only: of the newest page (nothing to sort, page or filter yet), or, `listed`, of every
   * sample (all of that but the text search, which needs the texts).
   */
  | { complete: false; listed?: boolean; rows: SampleListing[] }
) & {
  /** How many samples the full read has reached, while it runs. */
  loaded?: number;
  onOpen: (id: string) => void;
  onDelete: (ids: string[]) => Promise<void>;
  /** Labels (or, with null, unlabels) the samples of `ids`. */
  onLabel: (ids: string[], label: string | null) => Promise<void>;
  /** "Export…": with the samples the filters select and the filters, or null when no filter is set. */
  onExport?: (selection: { ids: string[]; filters: Record<string, string> } | null) => void;
};

function optionsOf(rows: readonly SampleListing[]): FilterOptions {
  const values = (pick: (r: SampleListing) => string | null) => distinctValues(rows, pick).map((v) => v.value);
  return {
    sites: values((r) => r.site),
    claimed: values((r) => r.claimed),
    families: values((r) => r.family),
    models: values((r) => r.model),
    labels: values((r) => r.userLabel ?? null),
    origins: values((r) => r.origin ?? null),
  };
}

export function SamplesView(props: Props) {
  const { loaded = 0, onOpen, onDelete, onLabel, onExport } = props;
  const [filter, setFilter] = useState<SampleFilter>({});
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [pageNo, setPageNo] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  // Sort everything once per sort order; filtering keeps that order, so typing in the search box only
  // re-filters (one pass over 10,000 rows) and never re-sorts.
  const { rows, complete } = props;
  /** Every sample's listing or row: sorting, paging and filtering work on it. */
  const queryable = complete || props.listed === true;
  const everything: readonly SampleListing[] | null = queryable ? rows : null;
  const sorted = useMemo(() => (everything ? sortRows(everything, sort) : null), [everything, sort]);
  // Searching the text needs the texts: until they are read the search box is off and not applied.
  const applied = useMemo(() => (complete ? filter : { ...filter, text: undefined }), [filter, complete]);
  const filtered = useMemo(() => (sorted ? filterRows(sorted, applied) : null), [sorted, applied]);
  const options = useMemo(() => optionsOf(rows), [rows]);
  // Memoised so progress updates during the full read do not redraw the table.
  const page = useMemo(() => pageOf<SampleListing>(filtered ?? rows, pageNo, PAGE_SIZE), [filtered, rows, pageNo]);

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

  const matching = page.total;
  const summary = complete
    ? `${formatCount(matching)} of ${formatCount(rows.length)} answers`
    : queryable
      ? `${formatCount(matching)} of ${formatCount(rows.length)} answers (reading their texts for the text search: ${formatCount(loaded)} so far)`
      : `Newest ${formatCount(rows.length)} answers (reading all of them for filtering, sorting and paging: ${formatCount(loaded)} so far)`;

  return (
    <section aria-labelledby="samples-heading" class="view">
      <h2 id="samples-heading">Samples</h2>
      {onExport && (
        <button
          type="button"
          class="button"
          disabled={!queryable}
          data-testid="export-open"
          onClick={() => {
            const filters = describeFilter(applied);
            onExport(filters && filtered ? { ids: filtered.map((r) => r.id), filters } : null);
          }}
        >
          Export…
        </button>
      )}
      <SampleFilters filter={filter} options={options} onChange={changeFilter} disabled={!queryable} textDisabled={!complete} />
      <p class="count" role="status" data-testid="samples-count">{summary}</p>
      <SelectionBar
        count={selected.size}
        matching={matching}
        onSelectMatching={() => select((filtered ?? rows).map((r) => r.id), true)}
        onClear={() => setSelected(new Set())}
        onDelete={async () => {
          await onDelete([...selected]);
          setSelected(new Set());
        }}
        onLabel={(label) => onLabel([...selected], label)}
        labels={options.labels}
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
              sortable={queryable}
              selected={selected}
              onSelect={select}
              onOpen={onOpen}
              caption={queryable ? `Recorded answers, ${summary}` : 'Newest recorded answers'}
            />
          </div>
          {queryable && <Pager page={page} onPage={setPageNo} />}
        </>
      )}
    </section>
  );
}
