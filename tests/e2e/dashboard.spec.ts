// @needs ../shared: seeds the database with corpus answers
/**
 * The dashboard on the built extension: 10,000 samples listed and filtered within the time budget, every
 * tab drawn (screenshots in test-results/e2e/dashboard-*.png), deletes through the background.
 *
 * Seeding goes through the extension's own code: real corpus answers are saved with the `saveText`
 * message (so their verdicts come from the bundled engine, with its version), then cloned in the service
 * worker into 10,000 samples over 60 days and three sources, in one IndexedDB transaction.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Sample } from '../../lib/sample';
import { expectAccessible } from './axe';
import { ROOT, expect, storedSamples, test } from './fixtures';
import { corpusTexts, seed, send } from './seed';

// Traces keep the action log but take no DOM snapshots or screencast: a snapshot serialises the whole
// page on its main thread at every action (~200 ms on a loaded machine), which would land in the
// middle of the first page being drawn and be measured with it.
test.use({ trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } });

const N = 10_000;
/** Issue #5: the first page of 10,000 samples drawn within 300 ms; filter changes are held to the same. */
const BUDGET_MS = 300;
/**
 * Set by the samples table when a page's rows are in the document (a layout effect, before the browser
 * paints) and in the page's first task after the frame that shows them (see SampleTable).
 */
const PAGE_RENDERED = 'modelprint:page-rendered';
const PAGE_DRAWN = 'modelprint:page-drawn';
/** Set by the dashboard when the first page's listings are read from IndexedDB. */
const FIRST_PAGE_READ = 'modelprint:first-page-read';
/**
 * The Element Timing identifier on each row's first cell. The browser reports, for the rows' text, the
 * `paintTime` of the rendering update that painted it and the `presentationTime` when that frame reached
 * the screen. `paintTime` is the first page drawn, and the figure held to the budget: the browser's own
 * clock of the paint, where the `page-drawn` mark is the page's first chance to run after that frame
 * (later by whatever tasks Chromium runs first, e.g. producing the code cache on a second visit), and
 * the presentation adds the compositor's raster and swap (software in this headless run).
 */
const ROW_ELEMENT_TIMING = 'samples-row';
const shot = (name: string) => path.join(ROOT, `test-results/e2e/dashboard-${name}.png`);

/** Milliseconds from a filter change to the next page rendered and painted, measured inside the page. */
async function timeNextPage(page: Page, act: string): Promise<{ rendered: number; drawn: number }> {
  return page.evaluate(
    ({ act, rendered, drawn }) =>
      new Promise<{ rendered: number; drawn: number }>((resolve) => {
        const t0 = performance.now();
        let renderedAt: number | undefined;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.startTime <= t0) continue;
            if (e.name === rendered) renderedAt ??= e.startTime;
            if (e.name === drawn && renderedAt !== undefined) {
              observer.disconnect();
              resolve({ rendered: renderedAt - t0, drawn: e.startTime - t0 });
            }
          }
        });
        observer.observe({ type: 'mark' });
        const [testId, value] = act.split('=') as [string, string];
        const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-testid="${testId}"]`)!;
        el.value = value;
        el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      }),
    { act, rendered: PAGE_RENDERED, drawn: PAGE_DRAWN },
  );
}

test.describe('the dashboard', () => {
  test('lists, filters and pools 10,000 samples; every tab draws; deletes go through the background', async ({
    context,
    background,
    extensionId,
  }) => {
    // Minutes, not seconds, on a loaded machine: 10,000 samples are written, read in full and pooled.
    test.setTimeout(420_000);
    const url = `chrome-extension://${extensionId}/dashboard.html`;
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize({ width: 1280, height: 900 });

    await test.step('empty state', async () => {
      await page.goto(url);
      await expect(page.getByTestId('dashboard-empty')).toBeVisible();
      await page.screenshot({ path: shot('empty') });
      await expectAccessible(page, 'dashboard, empty');
    });

    await test.step(`seed ${N.toLocaleString('en')} samples`, async () => {
      const texts = await corpusTexts(['openai', 'anthropic', 'google', 'meta', 'deepseek', 'mistral']);
      expect(texts.length).toBeGreaterThanOrEqual(6);
      for (const t of texts) await send(page, 'saveText', { text: t.text });
      const saved = (await storedSamples(background)) as unknown as Sample[];
      const families: Record<string, string> = {};
      for (const s of saved) {
        const t = texts.find((x) => x.text === s.text)!;
        families[String(s.id)] = t.family;
        families[`label:${String(s.id)}`] = t.label;
      }
      expect(await seed(background, saved, families, N)).toBe(N);
      // Let the database settle after a 10,000-record write (the storage engine compacts it), so the
      // measurement below is of the dashboard, not of the write that preceded it.
      await page.waitForTimeout(5_000);
    });

    await test.step(`the first page of 10,000 is drawn within ${BUDGET_MS} ms`, async () => {
      // A fresh document (not a hash change), so the timeline starts at this navigation.
      await page.goto('about:blank');
      await page.goto(`${url}#samples`);
      // Waited for inside the page, with one small evaluate: Playwright's locators run its injected script
      // (hundreds of ms to compile on a loaded machine) on the page's main thread, which would then be
      // measured as part of drawing the page.
      const first = await page.evaluate(
        ({ marks }) =>
          new Promise<Record<string, number>>((resolve) => {
            const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
            type ElementTiming = PerformanceEntry & { identifier: string; paintTime?: number; presentationTime?: number; renderTime: number };
            let row: ElementTiming | undefined;
            const finish = () => {
              if (!row || Number.isNaN(at(marks.drawn))) return;
              elements.disconnect();
              observer.disconnect();
              const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
              resolve({
                parsed: nav.domInteractive,
                scripts: nav.domContentLoadedEventEnd,
                read: at(marks.read),
                rendered: at(marks.rendered),
                painted: row.paintTime ?? row.renderTime,
                drawnMark: at(marks.drawn),
                presented: row.presentationTime ?? row.renderTime,
              });
            };
            const elements = new PerformanceObserver((list) => {
              row ??= (list.getEntries() as ElementTiming[]).find((e) => e.identifier === marks.row);
              finish();
            });
            elements.observe({ type: 'element', buffered: true });
            const observer = new PerformanceObserver(finish);
            observer.observe({ type: 'mark', buffered: true });
          }),
        { marks: { read: FIRST_PAGE_READ, rendered: PAGE_RENDERED, drawn: PAGE_DRAWN, row: ROW_ELEMENT_TIMING } },
      );
      const [load1] = loadavg();
      console.log(
        `[dashboard] ${N} samples: first page drawn (painted) ${first.painted!.toFixed(0)} ms after navigation start ` +
          `(document parsed ${first.parsed!.toFixed(0)}, page scripts ready ${first.scripts!.toFixed(0)}, ` +
          `listings read ${first.read!.toFixed(0)}, rows rendered ${first.rendered!.toFixed(0)}; ` +
          `page-drawn mark ${first.drawnMark!.toFixed(0)}, presented on screen ${first.presented!.toFixed(0)}); ` +
          `load average ${load1!.toFixed(1)}`,
      );
      expect(first.painted).toBeLessThan(BUDGET_MS);
      await expect(page.getByTestId('samples-row')).toHaveCount(50);
      // The full read for filtering runs after the first page; it takes seconds on a loaded machine.
      await expect(page.getByTestId('samples-count')).toHaveText('10,000 of 10,000 answers', { timeout: 60_000 });
      const [listed, allLoaded] = await page.evaluate(() =>
        ['modelprint:listings-loaded', 'modelprint:all-rows-loaded'].map((name) => performance.getEntriesByName(name)[0]!.startTime),
      );
      console.log(
        `[dashboard] all ${N} listings read (sorting, paging, filters but the text search) at ${listed!.toFixed(0)} ms; ` +
          `every sample read (text search, pooling) at ${allLoaded!.toFixed(0)} ms`,
      );

      const byText = await timeNextPage(page, 'filter-text=question 99');
      await expect(page.getByTestId('samples-count')).toHaveText('111 of 10,000 answers');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByTestId('samples-count')).toHaveText('10,000 of 10,000 answers');
      const bySite = await timeNextPage(page, 'filter-site=claude');
      await expect(page.getByTestId('samples-count')).toContainText(/^[\d,]+ of 10,000 answers$/);
      console.log(
        `[dashboard] filter by site over 10,000: page rendered in ${bySite.rendered.toFixed(0)} ms, painted in ${bySite.drawn.toFixed(0)} ms; ` +
          `text search: rendered in ${byText.rendered.toFixed(0)} ms, painted in ${byText.drawn.toFixed(0)} ms`,
      );
      expect(bySite.drawn).toBeLessThan(BUDGET_MS);
      expect(byText.drawn).toBeLessThan(BUDGET_MS);
      for (const row of await page.getByTestId('samples-row').all()) await expect(row).toContainText('Claude');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(page.getByTestId('samples-count')).toHaveText('10,000 of 10,000 answers');
      await page.screenshot({ path: shot('samples') });
      await expectAccessible(page, 'dashboard, samples table');
    });

    await test.step('keyboard: tabs are links, sort headers are buttons, focus is visible', async () => {
      await page.getByRole('link', { name: 'Samples' }).focus();
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Sites & models' })).toBeFocused();
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      expect(outline).toBe('solid');
      await page.getByRole('button', { name: /Confidence/ }).press('Enter');
      await expect(page.getByRole('columnheader', { name: /Confidence/ })).toHaveAttribute('aria-sort', 'descending');
    });

    await test.step('open one sample: text, verdict, features', async () => {
      await page.getByRole('button', { name: /^Open the answer recorded/ }).first().click();
      const dialog = page.getByTestId('sample-detail');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('detail-text')).not.toBeEmpty();
      await expect(dialog.getByTestId('verdict').or(dialog.getByTestId('undetermined'))).toBeVisible();
      await expect(dialog.getByTestId('feature-table')).toBeVisible();
      await page.screenshot({ path: shot('detail') });
      await expectAccessible(page, 'dashboard, one answer opened');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    });

    await test.step('multi-select delete goes through the background', async () => {
      await page.getByLabel('Select every answer on this page').check();
      await page.getByRole('button', { name: 'Delete selected…' }).click();
      await page.getByRole('button', { name: 'Delete 50 answers' }).click();
      await expect(page.getByTestId('samples-count')).toHaveText('9,950 of 9,950 answers');
      expect(await background.evaluate(() => new Promise<number>((resolve) => {
        const open = indexedDB.open('modelprint');
        open.onsuccess = () => {
          const req = open.result.transaction('samples').objectStore('samples').count();
          req.onsuccess = () => resolve(req.result);
        };
      }))).toBe(9_950);
    });

    await test.step('sites & models: pooled verdicts and charts', async () => {
      await page.getByRole('link', { name: 'Sites & models' }).click();
      await expect(page.getByTestId('group-card').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('heading', { name: 'By site' })).toBeVisible();
      await expect(page.getByTestId('group-card').filter({ hasText: 'gpt-4o-mini' }).getByTestId('claim-notice').or(page.getByTestId('group-card').filter({ hasText: 'gpt-4o-mini' }).getByTestId('mismatch-notice'))).toBeVisible();
      await page.screenshot({ path: shot('sites'), fullPage: true });
      await expectAccessible(page, 'dashboard, sites & models');
    });

    await test.step('model map', async () => {
      await page.getByRole('link', { name: 'Model map' }).click();
      await expect(page.getByTestId('model-map')).toBeVisible();
      expect(await page.locator('.map__label').count()).toBeGreaterThanOrEqual(20);
      await expect(page.getByTestId('map-group')).toHaveCount(3);
      await page.getByLabel('Both').check();
      await expect(page.getByTestId('map-group')).not.toHaveCount(3);
      await page.screenshot({ path: shot('map'), fullPage: true });
      await expectAccessible(page, 'dashboard, model map');
    });

    expect(errors).toEqual([]);
  });

  test('paste, settings, dark theme and half width on a small database', async ({ context, background, extensionId }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#paste`);
    await test.step('paste: fingerprint without storing, then store with a label', async () => {
      await page.getByRole('link', { name: 'Paste' }).click();
      const [text] = await corpusTexts(['anthropic'], 1);
      await page.getByLabel('Text to fingerprint').fill(text!.text);
      await page.getByRole('button', { name: 'Fingerprint without saving' }).click();
      await expect(page.getByTestId('verdict-model')).toBeVisible();
      expect(await storedSamples(background)).toHaveLength(0);
      await page.screenshot({ path: shot('paste'), fullPage: true });
      await expectAccessible(page, 'dashboard, paste with a verdict');
      await page.getByLabel(/^Label/).fill('my-claude');
      await page.getByRole('button', { name: 'Save with label' }).click();
      await expect(page.getByRole('status').filter({ hasText: /Saved|already saved/ })).toBeVisible();
      await expect(page.getByTestId('total-count')).toHaveText('1 answer recorded');
    });

    await test.step('settings tab and dark theme', async () => {
      await page.getByRole('link', { name: 'Settings' }).click();
      await expect(page.getByTestId('settings')).toBeVisible();
      await page.screenshot({ path: shot('settings') });
      await expectAccessible(page, 'dashboard, settings');
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.getByRole('link', { name: 'Samples' }).click();
      await expect(page.getByTestId('samples-row')).toHaveCount(1);
      await page.screenshot({ path: shot('samples-dark') });
    });

    await test.step('at 200 % zoom (half the width) nothing but the table scrolls sideways', async () => {
      await page.setViewportSize({ width: 640, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: shot('samples-narrow') });
    });
  });

  test('recorded text is shown as text, never as HTML', async ({ context, background, extensionId }) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#paste`);
    const evil = `<img src=x onerror="document.title='pwned'"><script>document.title='pwned'</script> ${'word '.repeat(80)}`;
    await send(page, 'saveText', { text: evil });
    await page.goto(`chrome-extension://${extensionId}/dashboard.html#samples`);
    await expect(page.getByTestId('samples-row')).toHaveCount(1);
    await page.getByRole('button', { name: /^Open the answer recorded/ }).click();
    await expect(page.getByTestId('detail-text')).toContainText('<img src=x onerror=');
    expect(await page.locator('[data-testid="sample-detail"] img').count()).toBe(0);
    expect(await page.title()).not.toBe('pwned');
    expect(await storedSamples(background)).toHaveLength(1);
  });
});
