/**
 * The README's "Where things live" gives every folder a row, so a newcomer finds any folder there. A row's
 * first cell names one or more folders in backticks; `<id>` or `<area>` stands for any one folder name (the
 * per-site fixture folders, the per-area test folders). Cheap: a walk of the folders, no git.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** Walked to the bottom; the folders after them get a row of their own, not their subfolders. */
const WALKED = ['lib', 'components', 'entrypoints', 'cli', 'scripts', 'tests', 'docs'];
const TOP_ONLY = ['bin', '.ci', 'public'];

function foldersUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules')
    .flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      return [rel, ...foldersUnder(rel)];
    });
}

/** The folders the README's table names, as patterns: `tests/fixtures/sites/<id>/` → `tests/fixtures/sites/[^/]+`. */
function tableFolders(readme: string): RegExp[] {
  const start = readme.indexOf('## Where things live');
  if (start < 0) return [];
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([^`]+)\/`/g)].map((m) => m[1]!))
    .map((folder) => new RegExp(`^${folder.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/<[a-z]+>/g, '[^/]+')}$`));
}

describe('README "Where things live"', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const named = tableFolders(readme);
  const folders = [...WALKED.flatMap((d) => [d, ...foldersUnder(d)]), ...TOP_ONLY];

  test('names every folder', () => {
    const missing = folders.filter((f) => !named.some((pattern) => pattern.test(f)));
    expect(missing, 'give each a row in the README\'s "Where things live" (first cell: `folder/` in backticks)').toEqual([]);
  });

  test('names no folder that is gone', () => {
    const stale = named.filter((pattern) => !folders.some((f) => pattern.test(f))).map(String);
    expect(stale, 'remove or fix these rows of "Where things live"').toEqual([]);
  });

  test('reads `<id>` as one folder name, not a path', () => {
    const [pattern] = tableFolders('## Where things live\n| `tests/fixtures/sites/<id>/` | x |\n');
    expect(pattern!.test('tests/fixtures/sites/kimi')).toBe(true);
    expect(pattern!.test('tests/fixtures/sites/kimi/deep')).toBe(false);
  });
});
