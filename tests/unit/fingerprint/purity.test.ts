import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The engine must run unchanged under Node and in the extension: no DOM, browser, idb or Preact.
const ROOT = resolve(__dirname, '../../../lib/fingerprint');
const FORBIDDEN = [/from ['"](preact|idb|wxt|webextension-polyfill|@wxt-dev)/, /from ['"]node:/, /\b(document|window|browser|chrome|localStorage|indexedDB)\./];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('lib/fingerprint purity', () => {
  it.each(files(ROOT).map((f) => [relative(ROOT, f), f]))('%s uses no DOM, browser, idb, Preact or Node APIs', (_name, file) => {
    const src = readFileSync(file, 'utf8');
    for (const re of FORBIDDEN) expect(src, `${_name} matches ${re}`).not.toMatch(re);
    for (const m of src.matchAll(/from ['"](\.[^'"]+)['"]/g)) {
      const target = resolve(join(file, '..'), m[1]!);
      expect(target.startsWith(ROOT), `${_name} imports ${m[1]} outside lib/fingerprint`).toBe(true);
    }
  });
});
