import { describe, expect, test } from 'vitest';
import { selectorsOf, valueSourcesOf } from '@/lib/sites/define';
import { siteAdapters } from '@/lib/sites/registry';

// The answers each saved page yields are checked for every site by one matrix, in pages.test.ts; the pieces
// every site needs (fixtures, tests, README row) by tests/meta/site-adapters.test.ts.

/** Checks every registered adapter the same way, so a new site gets them for free. */
describe.each(siteAdapters.map((a) => [a.id, a] as const))('adapter %s', (_id, adapter) => {
  test('every selector is valid CSS here (happy-dom), `:has()` included', () => {
    const invalid = adapter.variants.flatMap((v) =>
      [...selectorsOf(v).map((s) => s.css), ...valueSourcesOf(v).flatMap((s) => (s.css ? [s.css] : []))].filter((css) => {
        try {
          document.querySelector(css);
          return false;
        } catch {
          // Reported below with the selector, which says more than the exception.
          return true;
        }
      }),
    );
    expect(invalid).toEqual([]);
  });

  test('variant ids are unique', () => {
    const ids = adapter.variants.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
