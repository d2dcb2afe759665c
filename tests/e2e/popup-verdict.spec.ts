// @needs ../shared: serves corpus answers in a chat page
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
  sendFromPage,
  serveSite,
  storedSamples,
  test,
  waitForSamples,
} from './fixtures';

const REAL_CONVERSATION = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const MISMATCH_CONVERSATION = '7c0ffee0-0000-4000-8000-00000000a11e';
const shot = (name: string) => path.join(ROOT, 'test-results/e2e', name);

test.describe('popup verdict in the built extension', () => {
  test('shows the latest answer of the tab with its verdict, claim and explanation, keyboard operable', async ({
    context,
    background,
    extensionId,
  }) => {
    await serveSite(context, 'https://chatgpt.com', readFixture(SHARED, 'fixtures/real-dom/chatgpt/real-capture.html'));
    const chat = await context.newPage();
    await chat.goto(`https://chatgpt.com/c/${REAL_CONVERSATION}`);
    await waitForSamples(background, 13);

    const popup = await openExtensionPage(context, extensionId, 'popup.html');
    const current = popup.getByTestId('current-answer');
    await expect(current).toBeVisible();
    await expect(popup.getByTestId('claimed-model')).toContainText(/The site says: gpt-4/);
    await expect(current.locator('[data-testid="verdict"], [data-testid="undetermined"]')).toHaveCount(1);
    await expect(popup.getByText('13 answers recorded')).toBeVisible();
    await expect(popup.getByRole('switch', { name: 'Record answers on ChatGPT' })).toBeChecked();

    if (await current.getByTestId('verdict').count()) {
      await expect(current.getByTestId('probability-bar')).toHaveCount(10);
      await expect(current.getByTestId('probability-bar').first()).toContainText(/\d+\s?%/);
      // Keyboard: the "why" disclosure is reachable with Tab and opens with Enter.
      const why = current.getByText('Why this verdict?');
      await why.focus();
      await popup.keyboard.press('Enter');
      await expect(current.getByTestId('explanation')).toHaveAttribute('open', '');
    }
    await popup.screenshot({ path: shot('popup-verdict.png'), fullPage: true });
    await expectAccessible(popup, 'popup with a verdict, explanation open');
  });

  test('says plainly when the site claims one model and the answers resemble another vendor', async ({
    context,
    background,
    extensionId,
  }) => {
    const answers = await corpusTexts('claude-3.5-sonnet', 3);
    expect(answers).toHaveLength(3);
    const html = chatgptConversationPage(answers.map((answer, i) => ({ prompt: `Question ${i + 1}`, answer, slug: 'gpt-4o' })));
    await serveSite(context, 'https://chatgpt.com', html);
    const chat = await context.newPage();
    await chat.goto(`https://chatgpt.com/c/${MISMATCH_CONVERSATION}`);
    await waitForSamples(background, 3);

    const popup = await openExtensionPage(context, extensionId, 'popup.html');
    const notice = popup.getByTestId('mismatch-notice');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('Claimed gpt-4o, but the style resembles Anthropic');
    await expect(popup.getByTestId('evidence-strength')).toHaveText(/(weak|moderate|strong) evidence/);
    await popup.screenshot({ path: shot('popup-mismatch.png'), fullPage: true });
    await expectAccessible(popup, 'popup with a mismatch notice');

    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: shot('popup-mismatch-dark.png'), fullPage: true });

    // 200% zoom of a 400 px popup is a 200 CSS px viewport: nothing may need horizontal scrolling.
    await popup.setViewportSize({ width: 200, height: 600 });
    const overflow = await popup.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await popup.screenshot({ path: shot('popup-mismatch-200-percent.png'), fullPage: true });
  });

  test('pauses recording on the site from the popup switch', async ({ context, background, extensionId }) => {
    const answers = await corpusTexts('gpt-4o', 1);
    await serveSite(context, 'https://chatgpt.com', chatgptConversationPage([{ prompt: 'Q', answer: answers[0]!, slug: 'gpt-4o' }]));
    const chat = await context.newPage();
    await chat.goto(`https://chatgpt.com/c/${MISMATCH_CONVERSATION}`);
    await waitForSamples(background, 1);

    const popup = await openExtensionPage(context, extensionId, 'popup.html');
    const toggle = popup.getByRole('switch', { name: 'Record answers on ChatGPT' });
    await toggle.focus();
    await popup.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    const disabled = await background.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('disabledSites'),
    );
    expect(disabled).toEqual({ disabledSites: ['chatgpt'] });
  });

  test('settings delete everything after confirmation, and the popup is empty again', async ({ context, background, extensionId }) => {
    const options = await openExtensionPage(context, extensionId, 'options.html', { width: 800, height: 900 });
    const [text] = await corpusTexts('gpt-4o', 1);
    await sendFromPage(options, 'saveText', { text, label: 'gpt-4o' });
    expect(await storedSamples(background)).toHaveLength(1);

    await expect(options.getByRole('switch', { name: 'ChatGPT' })).toBeChecked();
    await options.screenshot({ path: shot('settings.png'), fullPage: true });
    await expectAccessible(options, 'options page');
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    // The confirmation takes the focus, so Enter confirms from the keyboard.
    await expect(options.getByRole('button', { name: 'Yes, delete everything' })).toBeFocused();
    await options.keyboard.press('Enter');
    await expect(options.getByTestId('delete-status')).toHaveText('Deleted 1 answer.');
    expect(await storedSamples(background)).toHaveLength(0);

    const popup = await openExtensionPage(context, extensionId, 'popup.html');
    await expect(popup.getByTestId('empty-state')).toBeVisible();
    await expectAccessible(popup, 'empty popup');
  });
});
