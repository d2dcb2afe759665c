import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT, suitesNeedingShared } from '../shared-data';

/** What reading ../shared looks like in a suite or the helpers it calls. */
const READS_SHARED = /REAL_DOM_DIR|realCapture\(|corpusTexts\(|loadRealCases\(|\.\.\/shared\/(corpus|fixtures)|SHARED,/;

describe('suites that read ../shared say so', () => {
  const marked = new Set(suitesNeedingShared().map((s) => s.file));

  test('every marked suite gives a reason', () => {
    for (const s of suitesNeedingShared()) expect(s.why.length, s.file).toBeGreaterThan(10);
  });

  test.each(['tests/dom/sites/pages.test.ts', 'tests/e2e/sites.spec.ts', 'tests/e2e/dashboard.spec.ts'])('%s is marked', (file) => {
    expect(marked.has(file), `add "// @needs ../shared: why" at the top of ${file}`).toBe(true);
  });

  test('a suite that reads ../shared directly is marked (or guards itself with skipIf)', () => {
    const unmarked = ['tests/unit', 'tests/dom', 'tests/e2e']
      .flatMap((dir) => suitesIn(dir))
      .filter((file) => !marked.has(file))
      .filter((file) => {
        const src = readFileSync(path.join(ROOT, file), 'utf8');
        return READS_SHARED.test(src) && !/skipIf\(!/.test(src);
      });
    expect(unmarked, 'add "// @needs ../shared: why" to these suites').toEqual([]);
  });
});

function suitesIn(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(test|spec)\.tsx?$/.test(f))
    .map((f) => path.posix.join(dir, f.split(path.sep).join('/')));
}
