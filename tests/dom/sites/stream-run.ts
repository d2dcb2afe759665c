/**
 * Runs a streaming fixture's inline script (its timeline) in the test document on fake timers, up to a
 * point in time, so a test can look at the page mid-stream or after it ended. Our own fixtures only:
 * happy-dom does not evaluate inline scripts, so they are run with `new Function`.
 */
import { vi } from 'vitest';
import { fixture, fixtureHtml, parsePage } from './page-helpers';

export async function runStream(html: string, ms: number): Promise<Document> {
  const page = parsePage(html);
  const scripts = Array.from(page.querySelectorAll('script:not([type])'), (s) => s.textContent ?? '');
  page.querySelectorAll('script:not([type])').forEach((s) => s.remove());
  document.body.removeAttribute('data-stream-done');
  document.body.innerHTML = page.body.innerHTML;
  vi.useFakeTimers();
  try {
    for (const script of scripts) new Function(script)();
    await vi.advanceTimersByTimeAsync(ms);
  } finally {
    vi.useRealTimers();
  }
  return document;
}

/** The answers a fixture page embeds in `#modelprint-expected`: the one reader, in fixture-expectations.ts. */
export { expectedOf } from './fixture-expectations';

export { fixtureHtml };

/**
 * A site's pages in the states the tests look at, as detached copies (the live test document is reused):
 * the static pages by name, and each streaming page (`<name>:mid`, `<name>:end`) `midMs` after it started
 * and after its script ran.
 */
export async function sitePages(
  site: string,
  files: readonly string[],
  midMs: number,
  streams: readonly string[] = ['streaming.html'],
): Promise<Record<string, Document>> {
  const docs: Record<string, Document> = {};
  for (const file of files) docs[file] = fixture(site, file);
  for (const stream of streams) {
    const name = stream.replace(/\.html$/, '');
    docs[`${name}:mid`] = (await runStream(fixtureHtml(site, stream), midMs)).cloneNode(true) as Document;
    docs[`${name}:end`] = (await runStream(fixtureHtml(site, stream), 10_000)).cloneNode(true) as Document;
  }
  return docs;
}
