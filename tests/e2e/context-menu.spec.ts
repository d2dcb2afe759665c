// @needs ../shared: fingerprints corpus answers
import path from 'node:path';
import { ROOT, corpusTexts, expect, storedSamples, test } from './fixtures';
import type { Worker } from '@playwright/test';

const MENU_ID = 'modelprint-fingerprint-selection';
const shot = (name: string) => path.join(ROOT, 'test-results/e2e', name);

interface ChromeMenus {
  chrome: {
    contextMenus: {
      update(id: string, props: object): Promise<void>;
      onClicked: { dispatch(info: object, tab?: object): void };
    };
    runtime: { getManifest(): { permissions?: string[]; host_permissions?: string[] } };
  };
}

/** Whether the menu item exists: `update` rejects for an unknown id (there is no getAll). */
async function menuExists(background: Worker): Promise<boolean> {
  return background.evaluate(
    (id) =>
      (globalThis as unknown as ChromeMenus).chrome.contextMenus.update(id, {}).then(
        () => true,
        () => false,
      ),
    MENU_ID,
  );
}

/**
 * Playwright cannot click native context menus, so the test fires the menu's own onClicked event in the
 * service worker: the same listener, the same code path as a user's click.
 */
async function clickMenu(background: Worker, selectionText: string) {
  await background.evaluate(
    ([id, text]) =>
      (globalThis as unknown as ChromeMenus).chrome.contextMenus.onClicked.dispatch({
        menuItemId: id,
        selectionText: text,
        pageUrl: 'https://example.com/article',
        editable: false,
      }),
    [MENU_ID, selectionText] as const,
  );
}

test.describe('context menu in the built extension', () => {
  test('registers "Fingerprint selected text with ModelPrint" with no host permission beyond the chatbot sites', async ({ background }) => {
    await expect.poll(() => menuExists(background), { timeout: 10_000 }).toBe(true);
    const manifest = await background.evaluate(() => (globalThis as unknown as ChromeMenus).chrome.runtime.getManifest());
    expect(manifest.permissions).toEqual(expect.arrayContaining(['contextMenus', 'activeTab']));
    expect(manifest.host_permissions?.some((p) => p.includes('<all_urls>') || p.startsWith('*://*/'))).toBe(false);
  });

  test('shows the verdict of the selection without storing it, and saves it only when asked', async ({ context, background }) => {
    await expect.poll(() => menuExists(background), { timeout: 10_000 }).toBe(true);
    const [text] = await corpusTexts('gpt-4o', 1);
    const opened = context.waitForEvent('page');
    await clickMenu(background, text!);
    const page = await opened;
    await page.setViewportSize({ width: 520, height: 900 });
    await page.waitForLoadState();

    // The text travels through session storage: the URL carries only an id.
    expect(page.url()).toMatch(/\/verdict\.html#[0-9a-f-]{36}$/);
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('probability-bar')).toHaveCount(10);
    await expect(page.getByTestId('verdict-text')).toHaveValue(text!);
    expect(await storedSamples(background)).toHaveLength(0);
    await page.screenshot({ path: shot('context-menu-verdict.png'), fullPage: true });

    await page.getByLabel('Your label (optional)').fill('gpt-4o (known)');
    await page.getByRole('button', { name: 'Save this sample' }).click();
    await expect(page.getByTestId('save-status')).toHaveText(/Saved/);
    const stored = await storedSamples(background);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ site: 'manual', text, userLabel: 'gpt-4o (known)', url: 'https://example.com/article' });
    expect((stored[0]!.verdict as { version: string }).version).toMatch(/^s\d+\//);
  });

  test('says "undetermined" with its reason for a short selection', async ({ context, background }) => {
    await expect.poll(() => menuExists(background), { timeout: 10_000 }).toBe(true);
    const opened = context.waitForEvent('page');
    await clickMenu(background, 'Sure, happy to help!');
    const page = await opened;
    await expect(page.getByTestId('undetermined')).toContainText('Too short to tell');
    await page.screenshot({ path: shot('context-menu-undetermined.png'), fullPage: true });
  });
});
