import { describe, expect, it } from 'vitest';
import { tabFromHash } from '@/components/dashboard/use-hash-route';

describe('tabFromHash', () => {
  const cases: Array<[string, string]> = [
    ['', 'samples'],
    ['#samples', 'samples'],
    ['#groups', 'groups'],
    ['#/map', 'map'],
    ['#paste', 'paste'],
    ['#settings', 'settings'],
    ['#nothing-like-it', 'samples'],
  ];
  it.each(cases)('%j opens %s', (hash, tab) => {
    expect(tabFromHash(hash)).toBe(tab);
  });
});
