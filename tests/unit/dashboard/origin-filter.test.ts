import { describe, expect, it } from 'vitest';
import { describeFilter } from '@/lib/dashboard/filter-description';
import { NONE, filterRows } from '@/lib/dashboard/query';
import { row } from './make-row';

const rows = [row({ id: 'a' }), row({ id: 'b', origin: 'colleague-2026' }), row({ id: 'c', origin: 'api-run' }), row({ id: 'd', origin: null })];

describe('the origin filter', () => {
  it.each([
    [undefined, ['a', 'b', 'c', 'd']],
    [NONE, ['a', 'd']],
    ['colleague-2026', ['b']],
    ['nobody', []],
  ])('origin %s selects %j', (origin, ids) => {
    expect(filterRows(rows, { origin }).map((r) => r.id)).toEqual(ids);
  });

  it('is named in the export manifest, with the other filters; no filter is null', () => {
    expect(describeFilter({})).toBeNull();
    expect(describeFilter({ origin: NONE, site: 'claude', minConfidence: 0.5, from: Date.UTC(2026, 0, 1) })).toEqual({
      site: 'claude',
      origin: 'recorded here',
      capturedFrom: '2026-01-01T00:00:00.000Z',
      minConfidence: '0.5',
    });
  });
});
