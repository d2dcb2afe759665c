import { useLayoutEffect } from 'preact/hooks';
import type { SampleListing } from '@/lib/sample-listing';
import type { SortKey, SortSpec } from '@/lib/dashboard/query';
import { formatDateTime } from '@/lib/dashboard/date-format';
import { formatPercent } from '@/lib/display-numbers';
import { claimedName, familyName, siteName } from './display-names';
import { PageText } from '../PageText';

const COLUMNS: Array<{ key: SortKey; label: string }> = [
  { key: 'capturedAt', label: 'Recorded' },
  { key: 'site', label: 'Site' },
  { key: 'claimed', label: 'Claimed model' },
  { key: 'model', label: 'Resembles' },
  { key: 'confidence', label: 'Confidence' },
  { key: 'label', label: 'Label' },
];

/**
 * Performance marks for the 10,000-sample e2e test: `rendered` when a page's rows are in the document,
 * `drawn` once the browser has drawn the frame that shows them.
 */
export const PAGE_RENDERED_MARK = 'modelprint:page-rendered';
export const PAGE_DRAWN_MARK = 'modelprint:page-drawn';
/** Element Timing identifier of each row's first cell: the browser reports when its text was painted and presented. */
export const ROW_ELEMENT_TIMING = 'samples-row';

interface Props {
  rows: SampleListing[];
  sort: SortSpec;
  onSort: (sort: SortSpec) => void;
  /** Sorting needs every row; while only the first page is loaded the headers are not yet buttons. */
  sortable: boolean;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
  caption: string;
}

export function SampleTable({ rows, sort, onSort, sortable, selected, onSelect, onOpen, caption }: Props) {
  useLayoutEffect(() => {
    performance.mark(PAGE_RENDERED_MARK, { detail: { rows: rows.length } });
    // The next animation frame is the one that shows these rows, and a task queued from its callback runs
    // once that frame's style, layout and paint are done. (Not `useEffect`: Preact runs effects after a
    // 35 ms timeout when no frame came by then, which on a busy machine is before the paint.)
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => performance.mark(PAGE_DRAWN_MARK, { detail: { rows: rows.length } }));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [rows]);

  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(r.id));
  return (
    <table class="samples-table" data-testid="samples-table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="col-select">
            <input
              type="checkbox"
              aria-label="Select every answer on this page"
              checked={allOnPage}
              disabled={rows.length === 0}
              onChange={(e) => onSelect(rows.map((r) => r.id), e.currentTarget.checked)}
            />
          </th>
          {COLUMNS.map((c) => {
            const current = sort.key === c.key;
            const ariaSort = current ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
            const next: SortSpec = { key: c.key, dir: current && sort.dir === 'desc' ? 'asc' : current ? 'desc' : c.key === 'capturedAt' || c.key === 'confidence' ? 'desc' : 'asc' };
            return (
              <th scope="col" key={c.key} aria-sort={ariaSort}>
                {sortable ? (
                  <button type="button" class="sort" onClick={() => onSort(next)}>
                    {c.label}
                    <span aria-hidden="true" class="sort__arrow">{current ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                ) : (
                  c.label
                )}
              </th>
            );
          })}
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const when = formatDateTime(r.capturedAt);
          return (
            <tr key={r.id} data-testid="samples-row" class={selected.has(r.id) ? 'is-selected' : undefined}>
              <td class="col-select">
                <input
                  type="checkbox"
                  aria-label={`Select the answer recorded ${when}`}
                  checked={selected.has(r.id)}
                  onChange={(e) => onSelect([r.id], e.currentTarget.checked)}
                />
              </td>
              <td elementtiming={ROW_ELEMENT_TIMING}><time dateTime={new Date(r.capturedAt).toISOString()}>{when}</time></td>
              <td>{siteName(r.site)}</td>
              <td><bdi dir="auto">{claimedName(r.claimed)}</bdi></td>
              <td>{r.undetermined ? <span class="muted">Undetermined</span> : <>{r.model} <span class="muted">({familyName(r.family ?? '')})</span></>}</td>
              <td class="num">{r.undetermined ? '–' : formatPercent(r.confidence)}</td>
              <td class="col-label" data-testid="row-label">{r.userLabel ? <PageText text={r.userLabel} max={60} /> : <span class="muted">–</span>}</td>
              <td class="col-answer">
                {/* Recorded text is rendered as text (Preact escapes it), never as HTML. */}
                <button type="button" class="linkish" onClick={() => onOpen(r.id)} aria-label={`Open the answer recorded ${when}`}>
                  {r.textDropped ? <span class="muted">Text not kept</span> : r.preview ? <bdi dir="auto">{r.preview}</bdi> : <span class="muted">Empty</span>}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
