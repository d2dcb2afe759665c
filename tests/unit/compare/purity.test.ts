import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Comparison and custom references run unchanged in the CLI, the dashboard's worker and the background:
// no DOM, browser, idb, Preact or Node APIs, and of the engine only its public modules (index, core, types),
// so the engine can be reorganised under them.
const LIB = resolve(__dirname, '../../../lib');
const DIRS = ['compare', 'references'].map((d) => join(LIB, d));
const FORBIDDEN = [/from ['"](preact|idb|wxt|webextension-polyfill|@wxt-dev)/, /from ['"]node:/, /\b(document|window|browser|chrome|localStorage|indexedDB)\./];
const ENGINE_PUBLIC = ['fingerprint', 'fingerprint/index', 'fingerprint/core', 'fingerprint/types'].map((p) => join(LIB, p));
/** Pure modules outside these folders that they may use. */
const ALLOWED_ELSEWHERE = ['dashboard/query', 'dashboard/row', 'sample', 'sample-listing', 'sites/hosts'].map((p) => join(LIB, p));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('lib/compare and lib/references purity', () => {
  it.each(DIRS.flatMap(files).map((f) => [relative(LIB, f), f]))('%s uses no browser or Node API and only the engine’s public modules', (name, file) => {
    const src = readFileSync(file, 'utf8');
    for (const re of FORBIDDEN) expect(src, `${name} matches ${re}`).not.toMatch(re);
    for (const m of src.matchAll(/from ['"](\.[^'"]+)['"]/g)) {
      const target = resolve(join(file, '..'), m[1]!).replace(/\.json$/, '.json');
      if (DIRS.some((d) => target.startsWith(d))) continue;
      const ok = ENGINE_PUBLIC.includes(target) || ALLOWED_ELSEWHERE.includes(target);
      expect(ok, `${name} imports ${m[1]}`).toBe(true);
    }
  });
});
