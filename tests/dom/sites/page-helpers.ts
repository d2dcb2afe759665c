/**
 * Loading saved pages for adapter tests. Real captures are read from `../shared/fixtures/real-dom/`
 * (never copied); hand-built ones from `tests/fixtures/sites/<site>/`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scanPage } from '@/lib/capture/find-answers';
import { readAnswer } from '@/lib/capture/read-answer';
import type { SiteAdapter } from '@/lib/sites/define';

export const REAL_DOM_DIR = path.resolve(__dirname, '../../../../shared/fixtures/real-dom');
export const FIXTURES_DIR = path.resolve(__dirname, '../../fixtures/sites');

/**
 * Parses saved HTML into its own Document. Iframes become inert `<mp-iframe>` elements with the same
 * attributes: happy-dom would try (and fail, noisily) to load them, and no adapter reads inside them.
 */
export function parsePage(html: string): Document {
  const inert = html.replace(/<(\/?)iframe\b/g, '<$1mp-iframe');
  return new DOMParser().parseFromString(inert, 'text/html') as unknown as Document;
}

export const realCapture = (site: string, file: string) =>
  parsePage(readFileSync(path.join(REAL_DOM_DIR, site, file), 'utf8'));

/** A hand-built fixture's HTML, unparsed (for pages whose inline script a test runs). */
export const fixtureHtml = (site: string, file: string) => readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8');

export const fixture = (site: string, file: string) =>
  parsePage(readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8'));

/** Every answer of a page as the capture layer would save it. */
export function capturedAnswers(adapter: SiteAdapter, doc: Document, url: string) {
  const scan = scanPage(adapter, doc);
  return scan.answers.map((answer) => readAnswer(adapter, scan.variant!, answer, doc, url));
}
