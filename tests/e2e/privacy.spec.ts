/**
 * "Nothing leaves the machine" (issue 15): every request made by the extension's own contexts (service
 * worker, popup, side panel, dashboard) and every request the chatbot page makes because of the extension
 * (compared with the same page on an origin the extension does not run on) is recorded during capture,
 * while the pages are used, and during an import and an export of a dataset: none may go to the network. The instrument is checked too: a fetch from the
 * worker and from an extension page must show up in the record. And the manifest's permissions are
 * snapshotted, so that a new permission or host is a deliberate, reviewed change.
 */
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readDataset } from '../../lib/dataset/read';
import { sampleToRecord } from '../../lib/dataset/record';
import { writeJsonl } from '../../lib/dataset/write';
import { makeSamples } from '../unit/dataset/samples';
import { EXTENSION_DIR, ROOT, expect, openExtensionPage, openPopup, test, waitForSamples } from './fixtures';
import { ALONE_ORIGIN, CHATGPT_ORIGIN, leavesMachine, pageSafetyFixture, recordSubresources, serveOnBothOrigins } from './page-probes';

const CONVERSATION = '/c/cccccccc-0000-4000-8000-000000000077';

/** Where a request comes from: the extension (worker or page), or a web page. */
function origin(request: Request, extensionId: string): 'extension' | 'web' {
  const prefix = `chrome-extension://${extensionId}/`;
  if (request.serviceWorker()?.url().startsWith(prefix)) return 'extension';
  try {
    return request.frame().url().startsWith(prefix) ? 'extension' : 'web';
  } catch {
    return 'extension'; // no frame: a worker's request, and the only worker here is the extension's
  }
}

/** The URL of every request of the extension's contexts that would leave the machine, as they happen. */
function recordExtensionRequests(context: BrowserContext, extensionId: string): string[] {
  const fromExtension: string[] = [];
  context.on('request', (r) => {
    if (origin(r, extensionId) === 'extension' && leavesMachine(r)) fromExtension.push(r.url());
  });
  return fromExtension;
}

/**
 * The record sees a request from the service worker, from an extension page and from each of that page's
 * own workers (the dataset worker that reads, writes and imports files), so its zero means something.
 */
async function expectRecordSeesProbes(fromExtension: string[], background: Worker, extensionPage: Page): Promise<void> {
  await background.evaluate(() => fetch('https://probe.example.invalid/from-worker').catch(() => null));
  await extensionPage.evaluate(() => fetch('https://probe.example.invalid/from-page').catch(() => null));
  const pageWorkers = extensionPage.workers();
  for (const [i, worker] of pageWorkers.entries()) {
    await worker.evaluate((url) => fetch(url).catch(() => null), `https://probe.example.invalid/from-page-worker-${i}`);
  }
  await expect.poll(() => fromExtension.slice().sort()).toEqual(
    [
      'https://probe.example.invalid/from-page',
      'https://probe.example.invalid/from-worker',
      ...pageWorkers.map((_, i) => `https://probe.example.invalid/from-page-worker-${i}`),
    ].sort(),
  );
}

test('no request leaves the machine during capture, popup, side panel and dashboard', async ({ context, background, extensionId }) => {
  test.setTimeout(120_000);
  const fromExtension = recordExtensionRequests(context, extensionId);
  await serveOnBothOrigins(context, pageSafetyFixture('handlers.html'));

  const alone = await context.newPage();
  const aloneRequests = recordSubresources(alone);
  await alone.goto(`${ALONE_ORIGIN}${CONVERSATION}`);
  await alone.waitForTimeout(4_000);

  const chat = await context.newPage();
  const chatRequests = recordSubresources(chat);
  await chat.goto(`${CHATGPT_ORIGIN}${CONVERSATION}`);
  const [sample] = await waitForSamples(background, 1);
  await chat.waitForTimeout(2_000);

  await chat.bringToFront();
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator('body')).toContainText(/\w/);
  const panel = await openExtensionPage(context, extensionId, 'sidepanel.html', { width: 400, height: 900 });
  await expect(panel.locator('body')).toContainText(/\w/);
  const dashboard = await openExtensionPage(context, extensionId, 'dashboard.html', { width: 1280, height: 900 });
  await expect(dashboard.locator('body')).toContainText('Here is a tide chart', { timeout: 15_000 });
  await dashboard.waitForTimeout(3_000);

  console.log(
    `[privacy] requests to the network by the extension's contexts: ${fromExtension.length}${fromExtension.length ? ` (${fromExtension.join(', ')})` : ''}; ` +
      `page subresource requests alone ${aloneRequests.length}, with the extension ${chatRequests.length}`,
  );
  expect(sample).toBeTruthy();
  expect(fromExtension).toEqual([]);
  expect(chatRequests.sort()).toEqual(aloneRequests.sort());

  await expectRecordSeesProbes(fromExtension, background, dashboard);
});

test('no request leaves the machine during an import and an export of a dataset', async ({ context, background, extensionId }) => {
  test.setTimeout(120_000);
  const dir = path.join(ROOT, 'test-results/e2e/privacy');
  mkdirSync(dir, { recursive: true });
  // Samples whose URLs, prompts and texts name other hosts: showing or writing them must fetch nothing.
  const samples = makeSamples(40);
  const jsonl = path.join(dir, 'to-import.jsonl');
  writeFileSync(jsonl, writeJsonl(samples.map((s) => sampleToRecord(s))));
  const fromExtension = recordExtensionRequests(context, extensionId);

  const dashboard = await openExtensionPage(context, extensionId, 'dashboard.html#import', { width: 1280, height: 900 });
  await dashboard.getByTestId('import-file').setInputFiles(jsonl);
  await expect(dashboard.getByTestId('import-new')).toHaveText('40 new');
  await dashboard.getByTestId('import-confirm').click();
  await expect(dashboard.getByTestId('import-done')).toContainText('Imported 40 samples');
  expect(await waitForSamples(background, 40)).toHaveLength(40);
  const afterImport = fromExtension.length;

  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#samples`);
  await dashboard.getByTestId('export-open').click();
  const downloading = dashboard.waitForEvent('download');
  await dashboard.getByTestId('export-start').click();
  const bundle = path.join(dir, 'exported.zip');
  await (await downloading).saveAs(bundle);
  await expect(dashboard.getByTestId('export-status')).toContainText('Exported 40 samples');
  // The bundle read back through the Import tab too: summarised (all duplicates), nothing written.
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#import`);
  await dashboard.getByTestId('import-file').setInputFiles(bundle);
  await expect(dashboard.getByTestId('import-duplicates')).toContainText('40 duplicates');
  await dashboard.waitForTimeout(2_000); // anything the pages set off has had time to go

  const read = await readDataset(new Uint8Array(readFileSync(bundle)));
  console.log(
    `[privacy] requests to the network by the extension's contexts: ${afterImport} during an import of 40 samples, ` +
      `${fromExtension.length - afterImport} during an export of ${read.valid.length} and its reading back` +
      `${fromExtension.length ? ` (${fromExtension.join(', ')})` : ''}`,
  );
  expect(read.valid).toHaveLength(40);
  expect(fromExtension).toEqual([]);
  expect(dashboard.workers().length, 'the dataset worker that did the work is probed too').toBeGreaterThan(0);
  await expectRecordSeesProbes(fromExtension, background, dashboard);
});

test('the manifest asks for exactly these permissions and hosts', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  // A change here widens what the extension may do: say why in the commit and the README.
  expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'contextMenus', 'activeTab', 'scripting', 'sidePanel']);
  expect(manifest.optional_permissions).toBeUndefined();
  expect(manifest.host_permissions).toEqual([
    'https://chatgpt.com/*',
    'https://chat.openai.com/*',
    'https://www.meta.ai/*',
    'https://meta.ai/*',
    'https://poe.com/*',
    'https://www.kimi.com/*',
    'https://kimi.com/*',
    'https://kimi.moonshot.cn/*',
    'https://huggingface.co/chat',
    'https://huggingface.co/chat/*',
    'https://huggingface.co/chat?*',
    'https://claude.ai/*',
    'https://chat.mistral.ai/*',
    'https://gemini.google.com/*',
    'https://chat.qwen.ai/*',
    'https://chat.deepseek.com/*',
    'https://copilot.microsoft.com/*',
    'https://copilot.com/*',
    'https://www.copilot.com/*',
    'https://www.perplexity.ai/*',
    'https://perplexity.ai/*',
    'https://grok.com/*',
  ]);
  // Nothing that would let the extension talk to the network or other extensions on its own.
  expect(manifest.externally_connectable).toBeUndefined();
  expect(manifest.web_accessible_resources).toBeUndefined();
  expect(JSON.stringify(manifest.content_security_policy ?? '')).not.toMatch(/https?:/);
});
