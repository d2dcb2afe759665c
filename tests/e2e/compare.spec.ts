// @needs ../shared: stores corpus answers to compare and build references from
/**
 * Issue 11 on the built extension: the References view builds a custom reference in its worker (progress bar,
 * cross-validated accuracy), saves, enables, exports it, and refuses a bad pack without changing anything;
 * enabled, it competes in stored verdicts. The Compare view ranks a group against every reference, tests two
 * groups, and exports the comparison. Answers are real corpus texts saved with `saveText` and a label.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { corpusTexts, expect, sendFromPage, test } from './fixtures';

async function saveLabelled(page: Page, texts: string[], label: string) {
  for (const text of texts) await sendFromPage(page, 'saveText', { text, label });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Record<string, unknown>> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8')) as Record<string, unknown>;
}

test('References: build in the worker with progress, save, enable, export; a bad pack changes nothing', async ({ context, extensionId }) => {
  test.setTimeout(240_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  const texts = await corpusTexts('yi', 200);
  const t0 = Date.now();
  await saveLabelled(page, texts, 'house-bot');
  console.log(`saved ${texts.length} answers in ${Date.now() - t0} ms`);
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#references`);
  await page.getByLabel('Answers labelled').selectOption('house-bot');
  const started = Date.now();
  await page.getByRole('button', { name: 'Build' }).click();
  await expect(page.getByTestId('build-progress')).toBeVisible();
  await expect(page.getByTestId('build-result')).toBeVisible({ timeout: 120_000 });
  // A figure for the note (no target asserted here: the machine is shared).
  console.log(`custom reference from ${texts.length} answers built in the extension's worker in ${Date.now() - started} ms (wall)`);
  await expect(page.getByTestId('build-accuracy')).toHaveText(/^\d+%$/);
  await expectAccessible(page, 'dashboard, references view with a built reference');
  await page.getByRole('button', { name: 'Save (disabled)' }).click();
  const row = page.getByTestId('custom-references').getByRole('row', { name: /custom\/house-bot/ });
  await expect(row).toBeVisible();
  const enable = page.getByRole('checkbox', { name: 'Enable custom/house-bot' });
  await expect(enable).not.toBeChecked();
  await enable.click(); // the box follows the stored state, once the background has written it
  await expect(enable).toBeChecked();

  // Enabled, it competes in stored verdicts: they are recomputed with it and list it among the models.
  await expect
    .poll(async () => {
      // The newest stored sample, read as the dashboard reads it (its page shares the extension's database).
      const sample = await page.evaluate(
        () =>
          new Promise<{ verdict?: { attribution: { models: Array<{ model: string }> } } } | undefined>((resolve, reject) => {
            const open = indexedDB.open('modelprint');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const request = open.result.transaction('samples').objectStore('samples').index('by-capturedAt').openCursor(null, 'prev');
              request.onsuccess = () => {
                open.result.close();
                resolve(request.result?.value);
              };
              request.onerror = () => reject(request.error);
            };
          }),
      );
      return sample?.verdict?.attribution.models.some((m) => m.model === 'custom/house-bot') ?? false;
    }, { timeout: 60_000 })
    .toBe(true);

  const pack = await downloaded(page, () => row.getByRole('button', { name: 'Export' }).click());
  expect(pack).toMatchObject({ format: 'modelprint-signature-pack', packVersion: 1 });
  expect((pack.references as Array<{ id: string }>).map((r) => r.id)).toEqual(['custom/house-bot']);

  // A pack of another feature set, and one with a broken reference: refused with a reason, nothing changes.
  const before = await sendFromPage(page, 'listCustomReferences', {});
  const refs = pack.references as Array<Record<string, unknown>>;
  const bad = [
    { pack: { ...pack, featureSetVersion: 'canon@1;other@9', references: [{ ...refs[0], id: 'custom/other' }] }, why: /feature set/ },
    { pack: { ...pack, references: [{ ...refs[0], id: 'custom/broken', model: { weights: [1], bias: 0, calibration: { a: 1, b: 0 } } }] }, why: /invalid signature pack/ },
  ];
  for (const { pack: p, why } of bad) {
    await page.getByTestId('import-pack').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(p)) });
    await expect(page.getByRole('alert')).toHaveText(why);
    expect(await sendFromPage(page, 'listCustomReferences', {})).toEqual(before);
  }
  await page.getByTestId('import-pack').setInputFiles({ name: 'not.json', mimeType: 'application/json', buffer: Buffer.from('{oops') });
  await expect(page.getByRole('alert')).toHaveText(/not JSON/);
  expect(await sendFromPage(page, 'listCustomReferences', {})).toEqual(before);
});

test('Compare: one group against every reference, two groups with a permutation test, exported as JSON', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/dashboard.html`);
  await saveLabelled(page, await corpusTexts('gpt-4', 15), 'bot-a');
  await saveLabelled(page, await corpusTexts('claude-3', 15), 'bot-b');
  await page.goto(`chrome-extension://${extensionId}/dashboard.html#compare`);
  const groupA = page.getByTestId('group-a');
  await groupA.getByLabel('Your label').selectOption('bot-a');
  await expect(page.getByTestId('group-a-count')).toHaveText('15 answers');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const result = page.getByTestId('compare-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('compare-reading').first()).toContainText("This group's answers sit closest to");
  await expect(result.getByRole('img', { name: /Families, n = \d+/ })).toBeVisible();
  await expectAccessible(page, 'dashboard, compare view with a ranking');
  const ranking = await downloaded(page, () => result.getByRole('button', { name: 'Export this comparison' }).click());
  expect(ranking).toMatchObject({ format: 'modelprint-comparison', inputs: { a: { filter: { userLabel: 'bot-a' }, selected: 15 }, b: 'all references' } });
  expect((ranking.result as { references: unknown[] }).references.length).toBeGreaterThan(10);

  await page.getByLabel('group B').check();
  await page.getByTestId('group-b').getByLabel('Your label').selectOption('bot-b');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(result.getByTestId('compare-p')).toContainText('1000 permutations', { timeout: 60_000 });
  await expectAccessible(page, 'dashboard, compare view with a two-sample test');
  const test2 = await downloaded(page, () => result.getByRole('button', { name: 'Export this comparison' }).click());
  const json = test2.result as { n_a: number; n_b: number; p_value: number; differing_features: unknown[] };
  expect(json.n_a + json.n_b).toBeGreaterThan(20);
  expect(json.p_value).toBeGreaterThan(0);
  expect(json.p_value).toBeLessThanOrEqual(1);
  expect(json.differing_features.length).toBe(5);
});
