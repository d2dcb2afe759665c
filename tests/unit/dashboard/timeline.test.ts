import { describe, expect, it } from 'vitest';
import {
  MAX_BUCKETS,
  OTHER,
  UNDETERMINED,
  bucketStart,
  chooseUnit,
  familyTimeline,
  nextBucket,
  type BucketUnit,
} from '@/lib/dashboard/timeline';
import { row } from './make-row';

// Local times: the chart buckets by the user's calendar, not UTC.
const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('buckets', () => {
  const cases: Array<[BucketUnit, number, number, number]> = [
    ['minute', new Date(2026, 6, 15, 18, 7, 42).getTime(), new Date(2026, 6, 15, 18, 7).getTime(), new Date(2026, 6, 15, 18, 8).getTime()],
    ['hour', at(2026, 7, 15, 18) + 1_234_567, at(2026, 7, 15, 18), at(2026, 7, 15, 19)],
    ['hour', at(2026, 7, 15, 23), at(2026, 7, 15, 23), at(2026, 7, 16, 0)],
    ['day', at(2026, 7, 15, 18), at(2026, 7, 15, 0), at(2026, 7, 16, 0)],
    // 2026-07-15 is a Wednesday; ISO weeks start on Monday the 13th
    ['week', at(2026, 7, 15), at(2026, 7, 13, 0), at(2026, 7, 20, 0)],
    ['week', at(2026, 7, 19), at(2026, 7, 13, 0), at(2026, 7, 20, 0)],
    ['month', at(2026, 12, 31), at(2026, 12, 1, 0), at(2027, 1, 1, 0)],
  ];
  it.each(cases)('a %s bucket holds its time', (unit, t, start, next) => {
    expect(bucketStart(t, unit)).toBe(start);
    expect(nextBucket(start, unit)).toBe(next);
  });

  const spans: Array<[string, number, number, BucketUnit]> = [
    // Every sample on one day used to be one bar for the whole day.
    ['twenty minutes', at(2026, 7, 1), at(2026, 7, 1) + 20 * 60_000, 'minute'],
    ['one afternoon', at(2026, 7, 1), at(2026, 7, 1, 17), 'hour'],
    ['one day', at(2026, 7, 1, 0), at(2026, 7, 1, 23), 'hour'],
    ['three days', at(2026, 7, 1), at(2026, 7, 3), 'day'],
    ['a month', at(2026, 7, 1), at(2026, 7, 31), 'day'],
    ['three months', at(2026, 5, 1), at(2026, 7, 31), 'week'],
    ['two years', at(2025, 1, 1), at(2026, 12, 31), 'month'],
  ];
  it.each(spans)('%s is shown by %s', (_name, min, max, unit) => {
    expect(chooseUnit(min, max)).toBe(unit);
  });
});

describe('familyTimeline', () => {
  it('is empty for no samples', () => {
    expect(familyTimeline([])).toEqual({ unit: 'day', buckets: [], keys: [] });
  });

  it('counts families per day, keeps empty days, and stacks undetermined on top', () => {
    const t = familyTimeline([
      row({ id: '1', family: 'openai', capturedAt: at(2026, 7, 1) }),
      row({ id: '2', family: 'openai', capturedAt: at(2026, 7, 1, 20) }),
      row({ id: '3', family: 'anthropic', capturedAt: at(2026, 7, 3) }),
      row({ id: '4', family: null, undetermined: true, capturedAt: at(2026, 7, 3) }),
    ]);
    expect(t.unit).toBe('day');
    expect(t.keys).toEqual(['openai', 'anthropic', UNDETERMINED]);
    expect(t.buckets.map((b) => [b.total, b.counts])).toEqual([
      [2, { openai: 2 }],
      [0, {}],
      [2, { anthropic: 1, [UNDETERMINED]: 1 }],
    ]);
  });

  it('gathers families beyond the most frequent into "other"', () => {
    const fams = ['a', 'a', 'a', 'b', 'b', 'c', 'd'];
    const t = familyTimeline(
      fams.map((f, i) => row({ id: String(i), family: f, capturedAt: at(2026, 7, 1) })),
      { maxFamilies: 2 },
    );
    expect(t.keys).toEqual(['a', 'b', OTHER]);
    expect(t.buckets[0]!.counts).toEqual({ a: 3, b: 2, [OTHER]: 2 });
  });

  it('never draws more than MAX_BUCKETS bars for spans up to years', () => {
    const t = familyTimeline([row({ id: '1', capturedAt: at(2025, 1, 1) }), row({ id: '2', capturedAt: at(2026, 6, 30) })]);
    expect(t.unit).toBe('month');
    expect(t.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(t.buckets.reduce((n, b) => n + b.total, 0)).toBe(2);
  });
});
