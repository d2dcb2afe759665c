/**
 * "Nothing leaves the machine" (issue 15): every request made by the extension's own contexts (service
 * worker, popup, side panel, dashboard) and every request the chatbot page makes because of the extension
 * (compared with the same page on an origin the extension does not run on) is recorded during capture and
 * while the pages are used: none may go to the network. The instrument is checked too: a fetch from the
 * worker and from an extension page must show up in the record. And the manifest's permissions are
 * snapshotted, so that a new permission or host is a deliberate, reviewed change.
 */
import type { Request } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR, expect, openExtensionPage, openPopup, test, waitForSamples } from './fixtures';
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

test('no request leaves the machine during capture, popup, side panel and dashboard', async ({ context, background, extensionId }) => {
  test.setTimeout(120_000);
  const fromExtension: string[] = [];
  context.on('request', (r) => {
    if (origin(r, extensionId) === 'extension' && leavesMachine(r)) fromExtension.push(r.url());
  });
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

  // The record sees a request from the worker and from an extension page, so its zero means something.
  await background.evaluate(() => fetch('https://probe.example.invalid/from-worker').catch(() => null));
  await dashboard.evaluate(() => fetch('https://probe.example.invalid/from-page').catch(() => null));
  await expect.poll(() => fromExtension.slice().sort()).toEqual([
    'https://probe.example.invalid/from-page',
    'https://probe.example.invalid/from-worker',
  ]);
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
