// @needs ../shared: serves the real ChatGPT capture
import path from 'node:path';
import {
  ROOT,
  SHARED,
  expect,
  openPopup,
  readFixture,
  serveSite,
  storedSamples,
  test,
  waitForSamples,
} from './fixtures';

const CONVERSATION = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const URL_ = `https://chatgpt.com/c/${CONVERSATION}`;

/** How long a test keeps watching after the expected records arrived, to catch late duplicates. */
const SETTLE_MS = 3_000;

test.describe('ChatGPT capture in the built extension', () => {
  test('records every answer of a real saved conversation exactly once, also after a reload', async ({
    context,
    background,
  }) => {
    // real-capture.html: 13 user turns, 13 assistant turns (12 gpt-4o, 1 gpt-4-1-mini), captured 2026-07.
    await serveSite(context, 'https://chatgpt.com', readFixture(SHARED, 'fixtures/real-dom/chatgpt/real-capture.html'));
    const page = await context.newPage();
    await page.goto(URL_);

    let samples = await waitForSamples(background, 13);
    await page.waitForTimeout(SETTLE_MS);
    samples = await storedSamples(background);
    expect(samples).toHaveLength(13);
    expect(new Set(samples.map((s) => s.id)).size).toBe(13);
    for (const s of samples) {
      expect(s.site).toBe('chatgpt');
      expect(s.conversationId).toBe(CONVERSATION);
      expect(String(s.prompt).length).toBeGreaterThan(0);
      expect(String(s.text).length).toBeGreaterThan(0);
      expect(s.text).not.toMatch(/ChatGPT said:|You said:|Copy code/);
    }
    const slugs = samples.map((s) => (s.claimedModel as { raw: string } | null)?.raw).sort();
    expect(slugs.filter((m) => m === 'gpt-4o')).toHaveLength(12);
    expect(slugs.filter((m) => m === 'gpt-4-1-mini')).toHaveLength(1);

    await page.reload();
    await page.waitForTimeout(SETTLE_MS + 2_000);
    expect(await storedSamples(background)).toHaveLength(13);
  });

  test('the popup lists the recorded answers newest first', async ({ context, background, extensionId }) => {
    const empty = await openPopup(context, extensionId);
    await expect(empty.getByTestId('empty-state')).toBeVisible();
    await empty.screenshot({ path: path.join(ROOT, 'test-results/e2e/popup-empty.png') });
    await empty.close();

    await serveSite(context, 'https://chatgpt.com', readFixture(SHARED, 'fixtures/real-dom/chatgpt/real-capture.html'));
    const page = await context.newPage();
    await page.goto(URL_);
    await waitForSamples(background, 13);

    const popup = await openPopup(context, extensionId);
    await expect(popup.getByTestId('sample-row')).toHaveCount(13);
    await expect(popup.getByText('13 answers recorded')).toBeVisible();
    await expect(popup.getByTestId('sample-row').first()).toContainText('ChatGPT');
    await popup.screenshot({ path: path.join(ROOT, 'test-results/e2e/popup-list.png'), fullPage: true });
  });

  test('a conversation page whose turns it cannot find is reported in the console and the popup', async ({
    context,
    extensionId,
  }) => {
    // A ChatGPT conversation URL whose markup has no turn the adapter knows (a redesign, as research §15 dates).
    await serveSite(context, 'https://chatgpt.com', '<!doctype html><main id="main"><div class="new-layout"><p>Hi</p></div></main>');
    const page = await context.newPage();
    const warning = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'warning' && /\[ModelPrint\] chatgpt: selector ".+" matched nothing on/.test(m.text()),
      timeout: 20_000,
    });
    await page.goto(URL_);
    await warning; // after the 8 s grace period
    const popup = await openPopup(context, extensionId);
    await expect(popup.getByTestId('health-warning')).toContainText("ChatGPT: this site's layout is not recognised");
    await popup.screenshot({ path: path.join(ROOT, 'test-results/e2e/popup-health-warning.png') });
  });
});
