/**
 * Adding a site means five things (STYLE.md §2): the adapter file, its registry line, fixtures, a DOM test,
 * an end-to-end case and a README row. This test fails, saying what to add, when one is missing.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { SITE_IDS, SITE_MATCHES } from '@/lib/sites/hosts';
import { SITE_LABELS } from '@/lib/sites/labels';
import { adapterById, siteAdapters } from '@/lib/sites/registry';

const ROOT = path.resolve(__dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const at = (...p: string[]) => path.join(ROOT, ...p);

describe.each(SITE_IDS)('site "%s"', (id) => {
  const fixtures = at('tests/fixtures/sites', id);

  test('has an adapter file, registered once, matching exactly its host patterns', () => {
    expect(existsSync(at('lib/sites', `${id}.ts`)), `create lib/sites/${id}.ts`).toBe(true);
    expect(siteAdapters.filter((a) => a.id === id), `add ${id} to siteAdapters in lib/sites/registry.ts`).toHaveLength(1);
    expect([...adapterById(id)!.matches]).toEqual([...SITE_MATCHES[id]]);
    expect(SITE_LABELS[id], `add ${id} to lib/sites/labels.ts`).toBeTruthy();
  });

  test('has dated fixtures with a README naming the source of each', () => {
    expect(existsSync(path.join(fixtures, 'README.md')), `create tests/fixtures/sites/${id}/README.md`).toBe(true);
    const notes = readFileSync(path.join(fixtures, 'README.md'), 'utf8').split('\n');
    const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html'));
    expect(pages, 'a site needs at least a streaming page').toContain('streaming.html');
    for (const page of pages) {
      const line = notes.find((l) => l.includes(page));
      expect(line, `describe ${page} in tests/fixtures/sites/${id}/README.md`).toBeTruthy();
      const dated = notes.some((l) => l.includes(page) && /20\d\d-\d\d/.test(l)) || /20\d\d-\d\d-\d\d/.test(notes.join('\n'));
      expect(dated, `give ${page} a date in its README`).toBe(true);
    }
  });

  test('has a DOM test and an end-to-end case whose pages say what they must yield', () => {
    expect(existsSync(at('tests/dom/sites', `${id}.test.ts`)), `create tests/dom/sites/${id}.test.ts`).toBe(true);
    const e2e = path.join(fixtures, 'e2e.json');
    expect(existsSync(e2e), `create tests/fixtures/sites/${id}/e2e.json (see tests/fixtures/sites/README.md)`).toBe(true);
    const spec = JSON.parse(readFileSync(e2e, 'utf8'));
    for (const key of ['streaming', 'navigation'] as const) {
      const page = spec[key];
      expect(page?.fixture && page?.url && page?.conversationId, `${id} e2e.json needs ${key}.{fixture,url,conversationId}`).toBeTruthy();
      const html = readFileSync(path.join(fixtures, page.fixture), 'utf8');
      expect(html).toContain('id="modelprint-expected"');
      const adapter = adapterById(id)!;
      expect(adapter.conversationId(new URL(page.url)), `${key}.url must carry conversation id ${page.conversationId}`).toBe(
        page.conversationId,
      );
    }
    expect(spec.streaming.conversationId).not.toBe(spec.navigation.conversationId);
  });

  test('has a row in the README supported-sites table', () => {
    expect(readme, `add a row with \`lib/sites/${id}.ts\` to the README's supported-sites table`).toContain(
      `\`lib/sites/${id}.ts\``,
    );
  });
});
