/**
 * Adding a site takes the pieces `lib/sites/define.ts` lists (STYLE.md §2, refined-github's features test):
 * the adapter file with its `site` facts, its line in `SITES` and in the registry, who runs it, fixtures with
 * an end-to-end case, a row in the page matrix and a DOM test, and a README row. A site is anything that has
 * one of the pieces (an adapter file, an entry in `SITES`, a fixture folder), so a forgotten registration is
 * named as such instead of the site being silently absent. Each failure says which piece to add, and where.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SiteAdapter, SiteFacts } from '@/lib/sites/define';
import { SITE_IDS, SITES, type SiteId } from '@/lib/sites/hosts';
import { SITE_LABELS } from '@/lib/sites/site-labels';
import { adapterById, siteAdapters } from '@/lib/sites/registry';
import { siteOperator } from '@/lib/verdict/site-operators';

const ROOT = path.resolve(__dirname, '../..');
const at = (...p: string[]) => path.join(ROOT, ...p);
const readme = readFileSync(at('README.md'), 'utf8');
const pageMatrix = readFileSync(at('tests/dom/sites/pages.test.ts'), 'utf8');

/** Files of lib/sites/ that are the shared machinery, not a site. */
const MACHINERY = new Set(['define', 'hosts', 'site-labels', 'registry', 'share']);

const adapterFiles = readdirSync(at('lib/sites'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .filter((name) => !MACHINERY.has(name));
const fixtureFolders = readdirSync(at('tests/fixtures/sites'), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const ids = [...new Set<string>([...adapterFiles, ...SITE_IDS, ...fixtureFolders])].sort();

const isAdapter = (value: unknown): value is SiteAdapter =>
  typeof value === 'object' && value !== null && 'variants' in value && 'conversationId' in value;

describe.each(ids)('site "%s"', (id) => {
  const file = `lib/sites/${id}.ts`;
  const fixtures = at('tests/fixtures/sites', id);

  test('has an adapter file exporting its `site` facts and the adapter built from them', async () => {
    expect(existsSync(at(file)), `create ${file} exporting \`site\` and \`defineSiteAdapter(site, { ... })\``).toBe(true);
    const module: Record<string, unknown> = await import(/* @vite-ignore */ at(file));
    const site = module.site as SiteFacts | undefined;
    expect(site, `export \`const site = { id, label, matches } as const satisfies SiteFacts\` from ${file}`).toBeDefined();
    expect(site!.id, `${file}: site.id must be the file name`).toBe(id);
    expect(site!.label.trim(), `${file}: give site.label the name the site shows its users`).not.toBe('');
    expect(site!.matches.length, `${file}: site.matches needs at least one match pattern`).toBeGreaterThan(0);
    for (const pattern of site!.matches) {
      expect(pattern, `${file}: "${pattern}" is not an https match pattern (https://host/path)`).toMatch(/^https:\/\/[^/]+\/.*$/);
    }
    const adapters = Object.values(module).filter(isAdapter);
    expect(adapters.length, `${file}: export one adapter, \`defineSiteAdapter(site, { ... })\``).toBe(1);
    const [adapter] = adapters;
    expect({ id: adapter!.id, label: adapter!.label, matches: adapter!.matches }, `${file}: build the adapter from \`site\``).toEqual(site);
  });

  test('is listed in SITES and registered once, so the manifest, the labels and the content script know it', () => {
    const listed = SITES.filter((s: SiteFacts) => s.id === id);
    expect(listed.length, `add \`site\` of ${file} to SITES in lib/sites/hosts.ts`).toBe(1);
    expect(SITE_LABELS[id as SiteId], `${file}: site.label reaches lib/sites/site-labels.ts through SITES`).toBe(listed[0]!.label);
    expect(
      siteAdapters.filter((a) => a.id === id).length,
      `add the adapter of ${file} to ADAPTERS in lib/sites/registry.ts, under the key "${id}"`,
    ).toBe(1);
    expect(adapterById(id as SiteId)?.id, `lib/sites/registry.ts: ADAPTERS.${id} must be the adapter of ${file}`).toBe(id);
    expect(siteOperator(id), `say who runs ${id} in SITE_OPERATORS (lib/verdict/site-operators.ts)`).toBeDefined();
  });

  test('has dated fixtures with a README naming the source of each', () => {
    expect(existsSync(path.join(fixtures, 'README.md')), `create tests/fixtures/sites/${id}/README.md`).toBe(true);
    const notes = readFileSync(path.join(fixtures, 'README.md'), 'utf8').split('\n');
    const pages = readdirSync(fixtures).filter((f) => f.endsWith('.html'));
    expect(pages, `add tests/fixtures/sites/${id}/streaming.html: a site needs at least a streaming page`).toContain('streaming.html');
    for (const page of pages) {
      const line = notes.find((l) => l.includes(page));
      expect(line, `describe ${page} in tests/fixtures/sites/${id}/README.md`).toBeTruthy();
      const dated = notes.some((l) => l.includes(page) && /20\d\d-\d\d/.test(l)) || /20\d\d-\d\d-\d\d/.test(notes.join('\n'));
      expect(dated, `give ${page} a date in its README`).toBe(true);
    }
  });

  test('has an end-to-end case whose pages say what they must yield', () => {
    const e2e = path.join(fixtures, 'e2e.json');
    expect(existsSync(e2e), `create tests/fixtures/sites/${id}/e2e.json (see tests/fixtures/sites/README.md)`).toBe(true);
    const spec = JSON.parse(readFileSync(e2e, 'utf8'));
    const adapter = adapterById(id as SiteId);
    expect(adapter, `register ${id} first (lib/sites/registry.ts)`).toBeDefined();
    for (const key of ['streaming', 'navigation'] as const) {
      const page = spec[key];
      expect(page?.fixture && page?.url && page?.conversationId, `${id} e2e.json needs ${key}.{fixture,url,conversationId}`).toBeTruthy();
      const html = readFileSync(path.join(fixtures, page.fixture), 'utf8');
      expect(html, `${id} e2e.json ${key}: ${page.fixture} needs a #modelprint-expected block`).toContain('id="modelprint-expected"');
      expect(adapter!.conversationId(new URL(page.url)), `${key}.url must carry conversation id ${page.conversationId}`).toBe(
        page.conversationId,
      );
    }
    expect(spec.streaming.conversationId, `${id} e2e.json: streaming and navigation need different conversations`).not.toBe(
      spec.navigation.conversationId,
    );
  });

  test('has a row in the page matrix and a DOM test of its own', () => {
    expect(
      new RegExp(`^  ${id}: \\{`, 'm').test(pageMatrix),
      `add a row \`${id}: { url, home, leaks }\` to SITES in tests/dom/sites/pages.test.ts`,
    ).toBe(true);
    expect(existsSync(at('tests/dom/sites', `${id}.test.ts`)), `create tests/dom/sites/${id}.test.ts for what is particular to ${id}`).toBe(true);
  });

  test('has a row in the README supported-sites table', () => {
    expect(readme, `add a row with \`${file}\` to the README's supported-sites table`).toContain(`\`${file}\``);
  });
});
