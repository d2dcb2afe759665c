/**
 * Time-bucketed counts of resembled families, for the stacked bars on the "Sites & models" tab.
 * Buckets are local minutes, hours, calendar days, ISO weeks (Monday first) or months: the finest unit
 * that keeps the chart within MAX_BUCKETS bars, so a day of recording is shown by the hour rather than as
 * one bar. Empty buckets between the first and last sample are kept, so a gap in recording shows as a gap.
 */
import type { SampleRow } from './row';

export type BucketUnit = 'minute' | 'hour' | 'day' | 'week' | 'month';

/** Finest first: the order chooseUnit tries them in. */
export const BUCKET_UNITS: readonly BucketUnit[] = ['minute', 'hour', 'day', 'week', 'month'];

/** Key of the stack segment that gathers every family beyond the most frequent ones. */
export const OTHER = 'other';
/** Key of the stack segment for samples with no decided verdict. */
export const UNDETERMINED = 'undetermined';

export interface TimelineBucket {
  start: number;
  /** Exclusive. */
  end: number;
  /** Count per family key (including {@link OTHER} and {@link UNDETERMINED}); absent means 0. */
  counts: Record<string, number>;
  total: number;
}

export interface Timeline {
  unit: BucketUnit;
  buckets: TimelineBucket[];
  /** Stack order, bottom to top: families by total count, then OTHER, then UNDETERMINED when present. */
  keys: string[];
}

/** At most this many bars; a longer span moves to the next coarser unit. */
export const MAX_BUCKETS = 40;

export function bucketStart(ms: number, unit: BucketUnit): number {
  const d = new Date(ms);
  if (unit === 'minute') return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()).getTime();
  if (unit === 'hour') return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()).getTime();
  if (unit === 'month') return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  if (unit === 'week') day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  return day.getTime();
}

/** Calendar arithmetic (not +86,400,000 ms) so daylight-saving days do not drift. */
export function nextBucket(start: number, unit: BucketUnit): number {
  const d = new Date(start);
  if (unit === 'minute') return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes() + 1).getTime();
  if (unit === 'hour') return new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() + 1).getTime();
  if (unit === 'month') return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + (unit === 'week' ? 7 : 1)).getTime();
}

function countBuckets(min: number, max: number, unit: BucketUnit): number {
  let n = 0;
  for (let t = bucketStart(min, unit); t <= max && n <= MAX_BUCKETS; t = nextBucket(t, unit)) n++;
  return n;
}

export function chooseUnit(min: number, max: number): BucketUnit {
  return BUCKET_UNITS.find((u) => u === 'month' || countBuckets(min, max, u) <= MAX_BUCKETS)!;
}

export function familyTimeline(
  samples: readonly SampleRow[],
  { maxFamilies = 6, unit }: { maxFamilies?: number; unit?: BucketUnit } = {},
): Timeline {
  if (samples.length === 0) return { unit: unit ?? 'day', buckets: [], keys: [] };
  let min = Infinity;
  let max = -Infinity;
  const totals = new Map<string, number>();
  for (const s of samples) {
    min = Math.min(min, s.capturedAt);
    max = Math.max(max, s.capturedAt);
    if (s.family !== null) totals.set(s.family, (totals.get(s.family) ?? 0) + 1);
  }
  const u = unit ?? chooseUnit(min, max);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([f]) => f);
  const shown = new Set(ranked.slice(0, maxFamilies));

  const buckets: TimelineBucket[] = [];
  const index = new Map<number, TimelineBucket>();
  for (let t = bucketStart(min, u); t <= max; t = nextBucket(t, u)) {
    const b: TimelineBucket = { start: t, end: nextBucket(t, u), counts: {}, total: 0 };
    buckets.push(b);
    index.set(t, b);
  }
  let hasOther = false;
  let hasUndetermined = false;
  for (const s of samples) {
    const b = index.get(bucketStart(s.capturedAt, u))!;
    const key = s.family === null ? UNDETERMINED : shown.has(s.family) ? s.family : OTHER;
    hasOther ||= key === OTHER;
    hasUndetermined ||= key === UNDETERMINED;
    b.counts[key] = (b.counts[key] ?? 0) + 1;
    b.total++;
  }
  const keys = ranked.filter((f) => shown.has(f));
  if (hasOther) keys.push(OTHER);
  if (hasUndetermined) keys.push(UNDETERMINED);
  return { unit: u, buckets, keys };
}
