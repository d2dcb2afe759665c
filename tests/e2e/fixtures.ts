/**
 * Playwright fixtures that start Debian's Chromium with the built extension loaded, offline.
 *
 * - `--host-resolver-rules=MAP * ~NOTFOUND`: nothing leaves the machine; chatbot URLs are served by
 *   `context.route` from fixture files instead (see `serveSite`).
 * - The extension id is read from the background service worker's URL (WXT's documented pattern).
 */
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = path.resolve(ROOT, process.env.MODELPRINT_OUT_DIR ?? '.output', 'chrome-mv3');
export const SHARED = path.resolve(ROOT, '../shared');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionFixtures {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
}

export const test = base.extend<ExtensionFixtures>({
  // eslint-disable-next-line no-empty-pattern
  context: async ({}, use) => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'modelprint-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--host-resolver-rules=MAP * ~NOTFOUND',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  background: async ({ context }, use) => {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker');
    await use(worker);
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
});

export const expect = test.expect;

/** Serves `html` for every URL of `origin` (e.g. 'https://chatgpt.com'), as if the real site answered. */
export async function serveSite(context: BrowserContext, origin: string, html: string): Promise<void> {
  await context.route(`${origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
}

export function readFixture(...parts: string[]): string {
  return readFileSync(path.join(...parts), 'utf8');
}

/**
 * Every stored sample, read inside the extension's service worker or any extension page (the extension
 * origin's IndexedDB).
 * Never creates the database (a read before the background's first open would otherwise create an empty
 * version 1 that the background's upgrade then trips over) and closes its connection, so it never blocks
 * an upgrade.
 */
export async function storedSamples(background: Pick<Worker, 'evaluate'>): Promise<Array<Record<string, unknown>>> {
  return background.evaluate(
    () =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('modelprint');
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('samples')) {
            db.close();
            return resolve([]);
          }
          const req = db.transaction('samples').objectStore('samples').getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as Array<Record<string, unknown>>);
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
  );
}

/** Polls until `count` samples are stored (or the timeout passes), then returns them. */
export async function waitForSamples(background: Pick<Worker, 'evaluate'>, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let samples = await storedSamples(background);
  while (samples.length < count && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    samples = await storedSamples(background);
  }
  return samples;
}

export async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  // The size Chrome gives a popup, so screenshots look like what a user sees.
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${extensionId}/popup.html`);
  return page;
}

/** Opens an extension page (`popup.html`, `sidepanel.html`, …) in a tab of the given size. */
export async function openExtensionPage(
  context: BrowserContext,
  extensionId: string,
  file: string,
  size: { width: number; height: number } = { width: 400, height: 600 },
): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${extensionId}/${file}`);
  return page;
}

/** Sends one ModelPrint protocol message from an extension page, exactly as the popup or a page does. */
export async function sendFromPage<T = unknown>(page: Page, type: string, data: unknown): Promise<T> {
  const reply = await page.evaluate(
    ([t, d]) =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(
        { modelprint: 1, type: t, data: d },
      ),
    [type, data] as const,
  );
  const r = reply as { ok: boolean; value?: T; error?: string };
  if (!r?.ok) throw new Error(`message ${type} failed: ${r?.error}`);
  return r.value as T;
}

/** The first `count` corpus answers of `label` between `minChars` and `maxChars` (read, never copied). */
export async function corpusTexts(label: string, count: number, minChars = 900, maxChars = 2500): Promise<string[]> {
  const { createInterface } = await import('node:readline');
  const { createReadStream } = await import('node:fs');
  const out: string[] = [];
  const lines = createInterface({ input: createReadStream(path.join(SHARED, 'corpus/train.jsonl')) });
  for await (const line of lines) {
    const r = JSON.parse(line) as { label: string; text: string; task?: string };
    if (r.label === label && r.task === 'chat-instruction' && r.text.length >= minChars && r.text.length <= maxChars) out.push(r.text);
    if (out.length === count) break;
  }
  lines.close();
  return out;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A finished ChatGPT conversation page in DOM family A (the structure of
 * tests/fixtures/sites/chatgpt/a-mid-stream.html): every answer complete, with its model slug.
 */
export function chatgptConversationPage(turns: Array<{ prompt: string; answer: string; slug: string }>): string {
  const sections = turns.map((t, i) => {
    const paragraphs = t.answer.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('');
    const id = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
    return `<section data-turn-id="u-${i}" data-testid="conversation-turn-${2 * i + 1}" data-turn="user">
  <div data-message-author-role="user" data-message-id="${id(2 * i + 1)}"><div class="whitespace-pre-wrap">${escapeHtml(t.prompt)}</div></div>
</section>
<section data-turn-id="a-${i}" data-testid="conversation-turn-${2 * i + 2}" data-turn="assistant">
  <div data-message-author-role="assistant" data-message-id="${id(2 * i + 2)}" data-message-model-slug="${escapeHtml(t.slug)}">
    <div class="markdown prose">${paragraphs}</div>
  </div>
  <div role="group"><button data-testid="copy-turn-action-button" aria-label="Copy response"></button></div>
</section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ChatGPT</title></head><body><main id="main">${sections.join('\n')}</main><form data-type="unified-composer"></form></body></html>`;
}
