import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { selectorsOf, valueSourcesOf } from '@/lib/sites/define';
import { siteAdapters } from '@/lib/sites/registry';
import { capturedAnswers, FIXTURES_DIR, parsePage } from './page-helpers';

interface Expected {
  prompt: string;
  text: string;
  claimedModel: unknown;
  reasoning?: string | null;
}

const URL_ANY = 'https://example.invalid/';

function expectedOf(doc: Document): Expected[] | null {
  const json = doc.getElementById('modelprint-expected')?.textContent;
  return json ? (JSON.parse(json) as { answers: Expected[] }).answers : null;
}

/** A page's inline scripts (its streaming timeline), run to the end on fake timers in the test document. */
async function runToEnd(html: string): Promise<Document> {
  const page = parsePage(html);
  const scripts = Array.from(page.querySelectorAll('script:not([type])'), (s) => s.textContent ?? '');
  page.querySelectorAll('script:not([type])').forEach((s) => s.remove());
  document.body.innerHTML = page.body.innerHTML;
  vi.useFakeTimers();
  // happy-dom does not evaluate inline scripts; these are our own fixtures.
  for (const script of scripts) new Function(script)();
  await vi.advanceTimersByTimeAsync(30_000);
  vi.useRealTimers();
  return document;
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

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

  const dir = path.join(FIXTURES_DIR, id);
  const pages = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.html')) : [];
  const checked = pages.filter((f) => readFileSync(path.join(dir, f), 'utf8').includes('id="modelprint-expected"'));

  test.each(checked)('%s yields the answers its #modelprint-expected lists (after its script ran)', async (file) => {
    const html = readFileSync(path.join(dir, file), 'utf8');
    const doc = /<script>/.test(html) ? await runToEnd(html) : parsePage(html);
    if (/<script>/.test(html)) expect(doc.body.getAttribute('data-stream-done')).toBe('true');
    const expected = expectedOf(doc)!;
    const saved = capturedAnswers(adapter, doc, URL_ANY);
    expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
      expected.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
    );
    expected.forEach((e, i) => {
      if (e.reasoning === null) expect(saved[i]!.reasoning).toBeNull();
      if (typeof e.reasoning === 'string') {
        expect(saved[i]!.reasoning).toContain(e.reasoning);
        expect(saved[i]!.text).not.toContain(e.reasoning);
      }
    });
  });
});
