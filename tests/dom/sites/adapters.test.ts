import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { selectorsOf, valueSourcesOf } from '@/lib/sites/define';
import { siteAdapters } from '@/lib/sites/registry';
import { FIXTURES_DIR } from './page-helpers';

// The answers each saved page yields are checked for every site by one matrix, in pages.test.ts.

/** Checks every registered adapter the same way, so a new site gets them for free. */
describe.each(siteAdapters.map((a) => [a.id, a] as const))('adapter %s', (id, adapter) => {
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

  test('has hand-built fixtures and a test file', () => {
    expect(existsSync(path.join(FIXTURES_DIR, id, 'README.md')), `tests/fixtures/sites/${id}/README.md`).toBe(true);
    expect(existsSync(path.resolve(__dirname, `${id}.test.ts`)), `tests/dom/sites/${id}.test.ts`).toBe(true);
  });
});
