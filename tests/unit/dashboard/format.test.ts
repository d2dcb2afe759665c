import { describe, expect, it } from 'vitest';
import { fromDateInputValue, toDateInputValue } from '@/lib/dashboard/date-format';
import { formatCount } from '@/lib/display-numbers';

describe('locale formatting', () => {
  const counts: Array<[number, string, string]> = [
    [10000, 'en-US', '10,000'],
    [10000, 'de-DE', '10.000'],
    [1234567, 'fr-FR', '1\u202f234\u202f567'],
  ];
  it.each(counts)('%d in %s is %s', (n, locale, want) => {
    expect(formatCount(n, locale)).toBe(want);
  });

});

describe('date input values', () => {
  it('round-trips a local date', () => {
    const t = new Date(2026, 6, 4, 15, 30).getTime();
    expect(toDateInputValue(t)).toBe('2026-07-04');
    expect(fromDateInputValue('2026-07-04')).toBe(new Date(2026, 6, 4).getTime());
  });

  it('an end-of-day bound includes the whole day', () => {
    expect(fromDateInputValue('2026-07-04', true)).toBe(new Date(2026, 6, 5).getTime() - 1);
  });

  it.each(['', '2026-7-4', 'yesterday'])('%j is no bound', (v) => {
    expect(fromDateInputValue(v)).toBeUndefined();
  });
});
