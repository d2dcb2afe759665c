/**
 * The built packages (Chrome and Firefox) carry the reference signatures once, as signatures.json, and no
 * script bundles a second copy: the reference data may take at most 2 MB of the extension (issue 14).
 */
import { expect, test } from '@playwright/test';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from './fixtures';

const OUT = path.dirname(EXTENSION_DIR);
const LIMIT_BYTES = 2e6;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

for (const target of ['chrome-mv3', 'firefox-mv2']) {
  test(`${target}: the signatures ship once, as one file within the size limit`, () => {
    const dir = path.join(OUT, target);
    test.skip(!existsSync(dir), `${dir} is not built`);
    const file = path.join(dir, 'signatures.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { labels: string[]; dense: { labelMean: unknown[] } };
    expect(json.labels).toHaveLength(33);
    const bytes = statSync(file).size;
    console.log(`[package] ${target}: signatures.json ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(LIMIT_BYTES);
    // "labelMean" is a key of the signature data only; a script that inlined the JSON would contain it.
    const scripts = filesUnder(dir).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(3);
    const withData = scripts.filter((f) => readFileSync(f, 'utf8').includes('"labelMean"') || readFileSync(f, 'utf8').includes('labelMean:['));
    expect(withData.map((f) => path.relative(dir, f))).toEqual([]);
  });
}

/**
 * Playwright cannot drive Firefox here, so the Firefox package is checked as files: every page its manifest
 * names (popup, sidebar, options) exists and loads the same page scripts as the Chrome build, which the
 * Chromium end-to-end tests exercise.
 */
test('firefox-mv2: the manifest names a sidebar, popup and options page that exist and match the Chrome pages', () => {
  const ff = path.join(OUT, 'firefox-mv2');
  const cr = path.join(OUT, 'chrome-mv3');
  test.skip(!existsSync(ff) || !existsSync(cr), 'both packages must be built');
  const fm = JSON.parse(readFileSync(path.join(ff, 'manifest.json'), 'utf8'));
  const cm = JSON.parse(readFileSync(path.join(cr, 'manifest.json'), 'utf8'));
  const pages: Array<[string, string]> = [
    [fm.sidebar_action.default_panel, cm.side_panel.default_path],
    [fm.browser_action.default_popup, cm.action.default_popup],
    [fm.options_ui.page, cm.options_ui.page],
  ];
  const scriptsOf = (html: string) => [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => path.basename(m[1]!).replace(/-[\w-]{8}\.js$/, '.js')).sort();
  for (const [firefoxPage, chromePage] of pages) {
    expect(firefoxPage).toBe(chromePage);
    const html = readFileSync(path.join(ff, firefoxPage), 'utf8');
    expect(scriptsOf(html).length).toBeGreaterThan(0);
    expect(scriptsOf(html)).toEqual(scriptsOf(readFileSync(path.join(cr, chromePage), 'utf8')));
    for (const src of html.matchAll(/<script[^>]*src="([^"]+)"/g)) expect(existsSync(path.join(ff, src[1]!.replace(/^\//, '')))).toBe(true);
  }
  expect(fm.sidebar_action.default_title).toMatch(/ModelPrint/);
});
