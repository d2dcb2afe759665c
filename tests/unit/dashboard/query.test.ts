import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SORT,
  NONE,
  distinctValues,
  filterRows,
  pageOf,
  sortRows,
  type SampleFilter,
  type SortSpec,
} from '@/lib/dashboard/query';
import { row } from './make-row';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 6, 1);
const rows = [
  row({ id: 'a', site: 'chatgpt', claimed: 'gpt-4o', model: 'gpt-4o', family: 'openai', confidence: 0.9, capturedAt: T0, haystack: 'the quick brown fox' }),
  row({ id: 'b', site: 'claude', claimed: 'Sonnet 4', model: 'claude-sonnet-4', family: 'anthropic', confidence: 0.5, capturedAt: T0 + DAY, haystack: 'lazy dog' }),
  row({ id: 'c', site: 'chatgpt', claimed: null, model: null, family: null, confidence: 0, undetermined: true, capturedAt: T0 + 2 * DAY, haystack: 'short' }),
  row({ id: 'd', site: 'gemini', claimed: 'gemini-2.5-pro', model: 'gpt-4o', family: 'openai', confidence: 0.3, capturedAt: T0 + 3 * DAY, haystack: 'quick thinking' }),
];
const ids = (list: { id: string }[]) => list.map((r) => r.id);

describe('filterRows', () => {
  const cases: Array<[string, SampleFilter, string[]]> = [
    ['no filter keeps everything', {}, ['a', 'b', 'c', 'd']],
    ['by site', { site: 'chatgpt' }, ['a', 'c']],
    ['by claimed model', { claimed: 'Sonnet 4' }, ['b']],
    ['claimed NONE selects answers whose page showed no model', { claimed: NONE }, ['c']],
    ['an empty claimed value does not filter', { claimed: '' }, ['a', 'b', 'c', 'd']],
    ['by resembled family', { resembled: 'family:openai' }, ['a', 'd']],
    ['by resembled model', { resembled: 'model:claude-sonnet-4' }, ['b']],
    ['resembled NONE selects undetermined', { resembled: NONE }, ['c']],
    ['from is inclusive', { from: T0 + DAY }, ['b', 'c', 'd']],
    ['to is inclusive', { to: T0 + DAY }, ['a', 'b']],
    ['minimum confidence', { minConfidence: 0.5 }, ['a', 'b']],
    ['maximum confidence counts undetermined as 0', { maxConfidence: 0.3 }, ['c', 'd']],
    ['text search is case-insensitive and trimmed', { text: '  QUICK ' }, ['a', 'd']],
    ['filters combine with AND', { site: 'chatgpt', text: 'fox', minConfidence: 0.5 }, ['a']],
    ['nothing matches', { site: 'nowhere' }, []],
  ];
  it.each(cases)('%s', (_name, filter, expected) => {
    expect(ids(filterRows(rows, filter))).toEqual(expected);
  });
});

describe('filterRows on listings (before the texts are read)', () => {
  const listings = rows.map(({ haystack: _h, verdict: _v, ...listing }) => listing);
  it('filters on everything a listing has', () => {
    expect(ids(filterRows(listings, { site: 'chatgpt', minConfidence: 0.5 }))).toEqual(['a']);
  });
  it('finds no text, having none', () => {
    expect(filterRows(listings, { text: 'quick' })).toEqual([]);
  });
});

describe('sortRows', () => {
  const cases: Array<[SortSpec, string[]]> = [
    [DEFAULT_SORT, ['d', 'c', 'b', 'a']],
    [{ key: 'capturedAt', dir: 'asc' }, ['a', 'b', 'c', 'd']],
    [{ key: 'confidence', dir: 'desc' }, ['a', 'b', 'd', 'c']],
    [{ key: 'confidence', dir: 'asc' }, ['c', 'd', 'b', 'a']],
    // equal sites fall back to newest first
    [{ key: 'site', dir: 'asc' }, ['c', 'a', 'b', 'd']],
    // missing values sort last in both directions
    [{ key: 'claimed', dir: 'asc' }, ['d', 'a', 'b', 'c']],
    [{ key: 'claimed', dir: 'desc' }, ['b', 'a', 'd', 'c']],
    [{ key: 'model', dir: 'asc' }, ['b', 'd', 'a', 'c']],
  ];
  it.each(cases)('sorts by %o', (sort, expected) => {
    expect(ids(sortRows(rows, sort))).toEqual(expected);
  });

  it('does not modify its input', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'confidence', dir: 'asc' });
    expect(rows).toEqual(copy);
  });
});

describe('pageOf', () => {
  const list = Array.from({ length: 120 }, (_, i) => i);
  const cases: Array<[number, number, { first: number | undefined; page: number; pageCount: number; len: number }]> = [
    [0, 50, { first: 0, page: 0, pageCount: 3, len: 50 }],
    [2, 50, { first: 100, page: 2, pageCount: 3, len: 20 }],
    [9, 50, { first: 100, page: 2, pageCount: 3, len: 20 }],
    [-1, 50, { first: 0, page: 0, pageCount: 3, len: 50 }],
    [Number.NaN, 50, { first: 0, page: 0, pageCount: 3, len: 50 }],
  ];
  it.each(cases)('page %d of size %d', (page, size, want) => {
    const p = pageOf(list, page, size);
    expect({ first: p.rows[0], page: p.page, pageCount: p.pageCount, len: p.rows.length }).toEqual(want);
    expect(p.start).toBe(p.page * size);
  });

  it('an empty list has one empty page', () => {
    expect(pageOf([], 3, 50)).toEqual({ rows: [], page: 0, pageCount: 1, total: 0, start: 0 });
  });
});

describe('distinctValues', () => {
  it('counts values, most frequent first, and skips missing ones', () => {
    expect(distinctValues(rows, (r) => r.family)).toEqual([
      { value: 'openai', count: 2 },
      { value: 'anthropic', count: 1 },
    ]);
  });
});

describe('at 10,000 rows', () => {
  it('filters, sorts and pages within a frame budget', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      row({ id: `s${i}`, site: i % 3 ? 'chatgpt' : 'claude', confidence: (i % 100) / 100, capturedAt: T0 + i * 1000, haystack: `answer number ${i}` }),
    );
    const t = performance.now();
    const page = pageOf(sortRows(filterRows(many, { site: 'chatgpt', text: 'number 9' }), { key: 'confidence', dir: 'desc' }), 0, 50);
    const ms = performance.now() - t;
    expect(page.rows).toHaveLength(50);
    expect(ms).toBeLessThan(200);
  });
});
