// @needs ../shared: seeds the database with corpus answers
/**
 * Storage, background and pages under load, on the built extension (issue 15): a 2,000-turn page captured
 * with the side panel open, a 5-minute session with the side panel open, and the popup and dashboard at
 * 50,000 stored samples. Every figure is printed; the bounds below are what the issue promises.
 *
 * Memory is the proportional set size of this test's Chromium processes started with
 * `--extension-process` (the service worker and the extension pages), read from /proc every 500 ms.
 */
import { loadavg } from 'node:os';
import type { Page, Worker } from '@playwright/test';
import { chatgptConversationPage, corpusTexts, expect, openExtensionPage, test, waitForSamples } from './fixtures';
import { mb, sampleMemory } from './process-memory';
import { storedCount } from './page-probes';
import { seedFromCorpus } from './seed';

const CONVERSATION = '6a1e0000-0000-4000-8000-00000000abcd';
const CHAT_URL = `https://chatgpt.com/c/${CONVERSATION}`;

/** Counts, in the service worker, the messages the side panel sends (a second listener that never answers). */
async function countPanelMessages(background: Worker): Promise<() => Promise<Record<string, number>>> {
  await background.evaluate(() => {
    const g = globalThis as unknown as { __panel?: Record<string, number>; chrome: { runtime: { onMessage: { addListener(f: (m: { type?: string }, s: { url?: string }) => undefined): void } } } };
    if (g.__panel) return;
    const counts: Record<string, number> = {};
    g.__panel = counts;
    g.chrome.runtime.onMessage.addListener((message, sender) => {
      if (sender.url?.includes('/sidepanel.html') && typeof message?.type === 'string') counts[message.type] = (counts[message.type] ?? 0) + 1;
      return undefined;
    });
  });
  return () => background.evaluate(() => ({ ...(globalThis as unknown as { __panel: Record<string, number> }).__panel }));
}

/** `n` finished turns made from corpus answers (each one distinct), as ChatGPT shows them. */
async function turns(n: number, from = 0) {
  const texts = await corpusTexts('gpt-4', 40, 400, 1500);
  return Array.from({ length: n }, (_, i) => ({
    prompt: `Question ${from + i}`,
    answer: `${texts[(from + i) % texts.length]!}\n\n(Answer ${from + i}.)`,
    slug: 'gpt-4o',
  }));
}

async function serve(page: Page, html: string) {
  await page.context().route('https://chatgpt.com/**', (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 404, body: '' }),
  );
}

test.describe('with the side panel open', () => {
  test('a page of 2,000 finished turns is captured with a bounded number of panel reloads and bounded memory', async ({
    context,
    background,
    extensionId,
  }) => {
    test.setTimeout(900_000);
    const N = 2_000;
    const chat = await context.newPage();
    await serve(chat, chatgptConversationPage(await turns(N)));
    const panelMessages = await countPanelMessages(background);
    const memory = sampleMemory();
    const started = Date.now();
    await chat.goto(CHAT_URL);
    // The panel follows the tab used before it, and is open while the page is read.
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html', { width: 400, height: 900 });
    const samples = await waitForSamples(background, N, 800_000);
    const captureSeconds = (Date.now() - started) / 1000;
    await expect(panel.getByTestId('conversation-answer')).toHaveCount(N, { timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const { peak, first, last } = memory.stop();
    const counts = await panelMessages();
    const reloads = counts.tabConversation ?? 0;
    // The panel asks with one message per load: a count of zero would mean the counter saw nothing.
    expect(reloads).toBeGreaterThan(0);
    console.log(
      `[storage-safety] ${N} turns with the side panel open: ${samples.length} stored in ${captureSeconds.toFixed(0)} s, ` +
        `panel showed all ${N} at ${seconds.toFixed(0)} s after ${reloads} conversation reloads ` +
        `(${counts.latestSampleForTab ?? 0} popup tab reads); extension processes: start ${mb(first)}, peak ${mb(peak)}, end ${mb(last)}; ` +
        `load average ${loadavg()[0]!.toFixed(1)}`,
    );
    expect(new Set(samples.map((s) => s.id)).size).toBe(N);
    // At most one reload a second (plus the first and the trailing one), where it was one per stored answer.
    expect(reloads).toBeLessThanOrEqual(Math.ceil(seconds) + 2);
    expect(peak).toBeLessThan(2 * 1024 ** 3);
  });

  test('memory stays bounded over a 5-minute session of new answers (simulated 5x faster)', async ({
    context,
    background,
    extensionId,
  }) => {
    test.setTimeout(300_000);
    // Session time runs 5x faster than the clock: a new finished answer every 2.5 s of session time
    // (every 500 ms here) for 5 minutes of session time (60 s here), i.e. 120 answers after 20 old ones.
    const SPEEDUP = 5;
    const SESSION_MS = 5 * 60_000;
    const EVERY_MS = 2_500 / SPEEDUP;
    const initial = 20;
    const added = SESSION_MS / SPEEDUP / EVERY_MS;
    const all = await turns(initial + added);
    const page = chatgptConversationPage(all.slice(0, initial)).replace(
      '</body>',
      `<template id="later">${chatgptConversationPage(all).match(/<main id="main">([\s\S]*)<\/main>/)![1]}</template>
<script>
  const later = document.getElementById('later').content.querySelectorAll('section');
  let next = ${2 * initial};
  const timer = setInterval(() => {
    if (next >= later.length) return clearInterval(timer);
    document.getElementById('main').append(later[next].cloneNode(true), later[next + 1].cloneNode(true));
    next += 2;
  }, ${EVERY_MS});
</script></body>`,
    );
    const chat = await context.newPage();
    await serve(chat, page);
    const panelMessages = await countPanelMessages(background);
    await chat.goto(CHAT_URL);
    const panel = await openExtensionPage(context, extensionId, 'sidepanel.html', { width: 400, height: 900 });
    await waitForSamples(background, initial, 120_000);
    const memory = sampleMemory(1_000);
    const started = Date.now();
    await chat.waitForTimeout(SESSION_MS / SPEEDUP);
    const samples = await waitForSamples(background, initial + added, 120_000);
    await expect(panel.getByTestId('conversation-answer')).toHaveCount(initial + added, { timeout: 60_000 });
    const seconds = (Date.now() - started) / 1000;
    const { peak, first, last, samples: series } = memory.stop();
    const reloads = (await panelMessages()).tabConversation ?? 0;
    expect(reloads).toBeGreaterThan(0);
    const minute = (m: number) => mb(series[Math.min(series.length - 1, Math.round((m * 60) / SPEEDUP))]!);
    console.log(
      `[storage-safety] 5-minute session (${SPEEDUP}x faster, ${added} new answers): ${samples.length} stored, ` +
        `${reloads} panel reloads in ${seconds.toFixed(0)} s; extension processes at session minute 0/1/2/3/4/5: ` +
        `${[0, 1, 2, 3, 4, 5].map(minute).join(' / ')}; start ${mb(first)}, peak ${mb(peak)}, end ${mb(last)}, ` +
        `growth ${mb(last - first)}; load average ${loadavg()[0]!.toFixed(1)}`,
    );
    expect(samples.length).toBe(initial + added);
    expect(reloads).toBeLessThanOrEqual(Math.ceil(seconds) + 15);
    expect(peak).toBeLessThan(1024 ** 3);
    // 120 answers of ~1 KB: growth is the answers shown, not a copy of the conversation per answer.
    expect(last - first).toBeLessThan(300 * 1024 ** 2);
  });
});

/** Where a page's time went: navigation milestones and every `modelprint:` mark and measure, as "name@start+duration". */
async function timeline(target: Page | Worker): Promise<string> {
  // (One call signature: Page's and Worker's `evaluate` overloads do not unite.)
  return (target as Page).evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const own = performance
      .getEntries()
      .filter((e) => e.name.startsWith('modelprint:'))
      .map((e) => `${e.name.slice('modelprint:'.length)}@${e.startTime.toFixed(0)}${e.duration ? `+${e.duration.toFixed(0)}` : ''}`);
    const milestones = nav ? [`response@${nav.responseEnd.toFixed(0)}`, `dom@${nav.domContentLoadedEventEnd.toFixed(0)}`] : [];
    return [...milestones, ...own].join(' ');
  });
}

test.describe('at 50,000 stored samples', () => {
  test('popup ready under 200 ms and dashboard first page painted under 300 ms (medians)', async ({
    context,
    background,
    extensionId,
  }) => {
    test.setTimeout(900_000);
    const N = 50_000;
    const page = await openExtensionPage(context, extensionId, 'dashboard.html', { width: 1280, height: 900 });
    await test.step(`seed ${N.toLocaleString('en')} samples`, async () => {
      expect(await seedFromCorpus(page, background, N)).toBe(N);
      const count = await storedCount(background);
      expect(count).toBe(N);
      // Let the storage engine settle after the bulk write, so what is measured is the pages.
      await page.waitForTimeout(5_000);
    });

    const popupTimes: number[] = [];
    const popup = await context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    for (let run = 0; run < 5; run++) {
      await popup.goto('about:blank');
      await popup.goto(`chrome-extension://${extensionId}/popup.html`);
      popupTimes.push(
        await popup.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const seen = () => performance.getEntriesByName('modelprint:popup-ready')[0]?.startTime;
              const observer = new PerformanceObserver(() => {
                const at = seen();
                if (at !== undefined) resolve(at);
              });
              observer.observe({ type: 'mark', buffered: true });
            }),
        ),
      );
      await expect(popup.getByText(/50,000 answers recorded/)).toBeVisible();
      await expect(popup.getByTestId('sample-row')).toHaveCount(20);
      console.log(`[storage-safety] popup run ${run}: ${await timeline(popup)} | worker: ${await timeline(background)}`);
    }

    const dashboardTimes: number[] = [];
    for (let run = 0; run < 5; run++) {
      await page.goto('about:blank');
      await page.goto(`chrome-extension://${extensionId}/dashboard.html#samples`);
      dashboardTimes.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              type ElementTiming = PerformanceEntry & { identifier: string; paintTime?: number; renderTime: number };
              new PerformanceObserver((list) => {
                const row = (list.getEntries() as ElementTiming[]).find((e) => e.identifier === 'samples-row');
                if (row) resolve(row.paintTime ?? row.renderTime);
              }).observe({ type: 'element', buffered: true });
            }),
        ),
      );
      await expect(page.getByTestId('samples-row')).toHaveCount(50);
      console.log(`[storage-safety] dashboard run ${run}: ${await timeline(page)}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `[storage-safety] ${N} samples: popup ready after ${popupTimes.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(popupTimes).toFixed(0)}); ` +
        `dashboard first page painted after ${dashboardTimes.map((t) => t.toFixed(0)).join(', ')} ms (median ${median(dashboardTimes).toFixed(0)}); ` +
        `load average ${loadavg()[0]!.toFixed(1)}`,
    );
    // The issue's targets, held as they are. Neither page's first draw depends on N any more: the popup
    // asks for 20 stored listings (its count comes after the first draw) and the dashboard reads 50; the
    // later full reads go in chunks of 1,000 listings and 500 samples, so a page opened meanwhile waits for
    // one chunk at most. Medians on this shared 2-core machine (three runs, load averages 13.8-16.3): popup
    // 131-164 ms, dashboard 177-186 ms; before, 254-281 ms and 396-510 ms at load averages 5.6-6.2.
    expect(median(popupTimes)).toBeLessThan(200);
    expect(median(dashboardTimes)).toBeLessThan(300);
  });
});
