// @needs ../shared: serves the real ChatGPT capture and corpus answers
import path from 'node:path';
import { expectAccessible } from './axe';
import {
  ROOT,
  SHARED,
  chatgptConversationPage,
  corpusTexts,
  expect,
  openExtensionPage,
  readFixture,
  test,
  waitForSamples,
} from './fixtures';

const REAL_CONVERSATION = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_CONVERSATION = '7c0ffee0-0000-4000-8000-00000000b0b0';
const shot = (name: string) => path.join(ROOT, 'test-results/e2e', name);

test.describe('side panel in the built extension', () => {
  test('lists every answer of the conversation with its verdict and the pooled verdict, and follows the tab', async ({
    context,
    background,
    extensionId,
  }) => {
    const real = readFixture(SHARED, 'fixtures/real-dom/chatgpt/real-capture.html');
    const others = await corpusTexts('claude-3.5-sonnet', 2);
    const other = chatgptConversationPage(others.map((answer, i) => ({ prompt: `Q${i}`, answer, slug: 'gpt-4o' })));
    // Two conversations on one site: the page served depends on the conversation in the URL.
    await context.route('https://chatgpt.com/**', (route) => {
      const url = route.request().url();
      if (route.request().resourceType() !== 'document') return route.fulfill({ status: 404, body: '' });
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: url.includes(OTHER_CONVERSATION) ? other : real });
    });
    const chat = await context.newPage();
    await chat.goto(`https://chatgpt.com/c/${REAL_CONVERSATION}`);
    await waitForSamples(background, 13);

    // A side panel is about 400 px wide; as a tab it follows the tab used before it.
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html', { width: 400, height: 900 });
    await expect(panel.getByTestId('conversation-answer')).toHaveCount(13);
    const pooled = panel.getByTestId('pooled-verdict');
    await expect(pooled).toContainText(/Pooled verdict of \d+ of 13 answers/);
    await expect(pooled.locator('[data-testid="verdict"]')).toBeVisible();
    await panel.screenshot({ path: shot('sidepanel.png'), fullPage: true });

    // An answer's text and full verdict open from the keyboard.
    const first = panel.getByTestId('conversation-answer').first();
    await first.getByText('Text and details').focus();
    await panel.keyboard.press('Enter');
    await expect(first.locator('.answer__text')).toBeVisible();
    await expectAccessible(panel, 'side panel with 13 answers, one opened');

    // 200% zoom of the panel: 200 CSS px, and nothing needs horizontal scrolling.
    await panel.setViewportSize({ width: 200, height: 900 });
    const overflow = await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await panel.screenshot({ path: shot('sidepanel-200-percent.png') });
    await panel.setViewportSize({ width: 400, height: 900 });

    // The user moves to another conversation; its answers are recorded and the panel follows.
    const second = await context.newPage();
    await second.goto(`https://chatgpt.com/c/${OTHER_CONVERSATION}`);
    await second.bringToFront();
    await waitForSamples(background, 15);
    await expect(panel.getByTestId('conversation-answer')).toHaveCount(2);
    await expect(panel.getByTestId('pooled-verdict')).toContainText(/Pooled verdict of \d+ of 2 answers/);
    await panel.emulateMedia({ colorScheme: 'dark' });
    await panel.screenshot({ path: shot('sidepanel-dark.png'), fullPage: true });
  });

  test('is declared as the Chrome side panel', async ({ background }) => {
    const manifest = await background.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): Record<string, unknown> } } }).chrome.runtime.getManifest(),
    );
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');
  });
});
