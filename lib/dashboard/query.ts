/**
 * Filter, sort and page the samples table in memory. Pure functions over {@link SampleRow}, so the
 * table stays fast at 10,000 rows (one pass to filter, one sort, a slice to draw) and is tested with tables.
 */
import type { SampleListing } from '../sample-listing';
import type { SampleRow } from './row';

/** What the filters look at: a listing, and once the full sample is read, the text to search too. */
type Filterable = SampleListing & Partial<Pick<SampleRow, 'haystack'>>;

/** Every field is optional; an absent field does not filter. */
export interface SampleFilter {
  site?: string;
  /** Claimed model as shown by the page; {@link NONE} selects samples where the page showed none. */
  claimed?: string;
  /** Resembled family or model (`family:x` or `model:x`); {@link NONE} selects undetermined samples. */
  resembled?: string;
  /** Inclusive capture-time bounds, epoch ms. */
  from?: number;
  to?: number;
  /** Inclusive confidence bounds 0..1; undetermined samples count as confidence 0. */
  minConfidence?: number;
  maxConfidence?: number;
  /** The researcher's label; {@link NONE} selects unlabelled samples. */
  label?: string;
  /** Case-insensitive substring of prompt, answer or names. */
  text?: string;
  /** Imported from this dataset (`origin` of the listing); {@link NONE} selects samples recorded here. */
  origin?: string;
}

/** The filter value meaning "none" (no claimed model shown, or no verdict). */
export const NONE = '\u0000none';

export type SortKey = 'capturedAt' | 'site' | 'claimed' | 'model' | 'confidence' | 'label';
export interface SortSpec {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: SortSpec = { key: 'capturedAt', dir: 'desc' };

/** A text filter matches nothing on a listing without its text (the dashboard disables it until then). */
export function matches(s: Filterable, f: SampleFilter, needle = f.text?.trim().toLowerCase()): boolean {
  if (f.site && s.site !== f.site) return false;
  if (f.claimed !== undefined && f.claimed !== '' && (s.claimed ?? NONE) !== f.claimed) return false;
  if (f.resembled) {
    if (f.resembled === NONE) {
      if (!s.undetermined) return false;
    } else if (f.resembled.startsWith('family:')) {
      if (s.family !== f.resembled.slice(7)) return false;
    } else if (f.resembled.startsWith('model:')) {
      if (s.model !== f.resembled.slice(6)) return false;
    }
  }
  if (f.label !== undefined && f.label !== '' && (s.userLabel ?? NONE) !== f.label) return false;
  if (f.origin && (f.origin === NONE ? (s.origin ?? null) !== null : s.origin !== f.origin)) return false;
  if (f.from !== undefined && s.capturedAt < f.from) return false;
  if (f.to !== undefined && s.capturedAt > f.to) return false;
  if (f.minConfidence !== undefined && s.confidence < f.minConfidence) return false;
  if (f.maxConfidence !== undefined && s.confidence > f.maxConfidence) return false;
  if (needle && !(s.haystack ?? '').includes(needle)) return false;
  return true;
}

export function filterRows<T extends Filterable>(list: readonly T[], f: SampleFilter): T[] {
  const needle = f.text?.trim().toLowerCase();
  return list.filter((s) => matches(s, f, needle));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Text columns sort missing values last in both directions: "unknown" is never the interesting end. */
function compareText(a: string | null, b: string | null, sign: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return sign * collator.compare(a, b);
}

/** A new array, stably sorted; ties fall back to newest first, then id, so the order is total. */
export function sortRows<T extends SampleListing>(list: readonly T[], sort: SortSpec): T[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const primary = (a: T, b: T): number => {
    switch (sort.key) {
      case 'capturedAt':
        return sign * (a.capturedAt - b.capturedAt);
      case 'confidence':
        return sign * (a.confidence - b.confidence);
      case 'site':
        return compareText(a.site, b.site, sign);
      case 'claimed':
        return compareText(a.claimed, b.claimed, sign);
      case 'model':
        return compareText(a.model, b.model, sign);
      case 'label':
        return compareText(a.userLabel ?? null, b.userLabel ?? null, sign);
    }
  };
  return [...list].sort(
    (a, b) => primary(a, b) || b.capturedAt - a.capturedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Rows per page of the samples table, and so what the dashboard reads first. */
export const PAGE_SIZE = 50;

export interface Page<T> {
  rows: T[];
  /** 0-based, clamped into range. */
  page: number;
  pageCount: number;
  total: number;
  /** 0-based index of the first row on this page. */
  start: number;
}

export function pageOf<T>(list: readonly T[], page: number, size: number): Page<T> {
  const pageCount = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pageCount - 1);
  const start = p * size;
  return { rows: list.slice(start, start + size), page: p, pageCount, total: list.length, start };
}

/** The distinct values of a column for a filter's options, most frequent first, then by name. */
export function distinctValues<T>(
  list: readonly T[],
  pick: (s: T) => string | null,
): Array<{ value: string; count: number }> {
  const counts = new Map<string, number>();
  for (const s of list) {
    const v = pick(s);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}
