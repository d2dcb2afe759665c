/**
 * The host page is never slowed, re-run or re-fetched by the capture (issue 15: failures 4, 7 and 8, and
 * the "host page safety" and "hostile content" promises). Each page is also loaded on an origin the
 * extension does not run on, "alone", and compared. Long tasks are the page's own PerformanceObserver
 * ('longtask') entries after its history is rendered; figures are printed.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { loadavg } from 'node:os';
import { expect, storedSamples, test } from './fixtures';
import {
  ALONE_ORIGIN,
  CHATGPT_ORIGIN,
  longestTaskSince,
  pageSafetyFixture,
  recordLongTasks,
  recordSubresources,
  renderedAt,
  serveOnBothOrigins,
  storedCount,
  traceContentScriptTasks,
} from './page-probes';

// No Playwright trace in this file: every test measures the page's long tasks, and the trace's snapshot of
// the page around each page action serialises its whole DOM in the page's main thread (35-40 ms of CPU on
// the hostile page's 1.3 MB of answers, measured with a Chromium trace on 2026-12-04), a long task counted
// with or without the extension.
test.use({ trace: 'off' });

const CONVERSATION = '/c/cccccccc-0000-4000-8000-0000000000cc';
const LONG_TASK_LIMIT_MS = 200;

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await recordLongTasks(page);
  await page.goto(url);
  return page;
}

/**
 * Waits until at least `atLeast` samples are stored or `timeoutMs` passes. Only the count is polled:
 * reading every sample every 100 ms (1.3 MB of text on the hostile page, 2,000 answers on the long one)
 * kept the browser process busy while the page's tasks were being measured, and made them long.
 */
async function untilStored(background: Worker, atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await storedCount(background)) < atLeast && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

const traps = (page: Page) => page.evaluate(() => (window as unknown as { __traps: Record<string, number> }).__traps);

test.describe('host page safety', () => {
  test("capture runs none of the page's handlers again and fetches none of its media again (failure 4)", async ({
    context,
    background,
  }) => {
    await serveOnBothOrigins(context, pageSafetyFixture('handlers.html'));
    const alone = await open(context, `${ALONE_ORIGIN}${CONVERSATION}`);
    const aloneRequests = recordSubresources(alone);
    await alone.reload();
    await alone.waitForTimeout(4_000);
    const aloneTraps = await traps(alone);

    const page = await context.newPage();
    const requests = recordSubresources(page);
    await page.goto(`${CHATGPT_ORIGIN}${CONVERSATION}`);
    await untilStored(background, 1, 20_000);
    const [sample] = await storedSamples(background);
    await page.waitForTimeout(2_000); // anything the capture set off has had time to run
    const withTraps = await traps(page);
    console.log(
      `[failure 4] handler runs alone ${JSON.stringify(aloneTraps)}, with the extension ${JSON.stringify(withTraps)}; ` +
        `subresource requests alone ${aloneRequests.length}, with the extension ${requests.length}`,
    );
    expect(String(sample?.text)).toContain('Spring tides come at the new and the full moon');
    expect(Object.keys(aloneTraps).length, 'the handlers must run in the page at all').toBeGreaterThanOrEqual(3);
    expect(withTraps).toEqual(aloneTraps);
    expect(requests.sort()).toEqual(aloneRequests.sort());
  });

  test('a URL rewritten every 500 ms does not delay storing a finished answer (failure 7)', async ({ context, background }) => {
    await serveOnBothOrigins(context, pageSafetyFixture('host.html'));
    const delays: Record<string, number> = {};
    for (const [name, query] of [
      ['calm', '?turns=1&renderAt=300'],
      ['churning', '?turns=1&renderAt=300&churn=1'],
    ] as const) {
      const path = name === 'calm' ? CONVERSATION : CONVERSATION.replace('cc', 'dd');
      const page = await open(context, `${CHATGPT_ORIGIN}${path}${query}`);
      const { epoch } = await renderedAt(page);
      await untilStored(background, (await storedCount(background)) + 1, 10_000);
      delays[name] = Date.now() - epoch;
      await page.close();
    }
    console.log(`[failure 7] a finished answer is stored ${delays.calm} ms after it renders on a calm page, ${delays.churning} ms on a page churning its URL`);
    const samples = await storedSamples(background);
    expect(samples).toHaveLength(2);
    // Stored in the same few seconds as without churn; before the fix, not before the churn stopped.
    expect(delays.churning).toBeLessThan(Math.max(4_000, 2 * delays.calm!));
  });

  test('2,000 old turns are captured without a long task over 200 ms in the page (failure 8)', async ({ context, background }) => {
    test.setTimeout(240_000);
    await serveOnBothOrigins(context, pageSafetyFixture('host.html'));
    const alone = await open(context, `${ALONE_ORIGIN}${CONVERSATION}?turns=2000`);
    const aloneAt = await renderedAt(alone);
    await alone.waitForTimeout(8_000);
    const aloneLongest = await longestTaskSince(alone, aloneAt.at);
    await alone.close();

    const page = await open(context, `${CHATGPT_ORIGIN}${CONVERSATION}?turns=2000`);
    const { at, epoch } = await renderedAt(page);
    await untilStored(background, 2000, 180_000);
    const storedAfterMs = Date.now() - epoch;
    const longest = await longestTaskSince(page, at);
    const samples = await storedSamples(background);
    console.log(
      `[failure 8] 2,000 turns: longest task in the page after its history rendered ${longest.toFixed(0)} ms with the extension, ` +
        `${aloneLongest.toFixed(0)} ms alone; ${samples.length} answers stored ${(storedAfterMs / 1000).toFixed(1)} s after render`,
    );
    expect(samples).toHaveLength(2000);
    expect(new Set(samples.map((s) => s.id)).size).toBe(2000);
    expect(longest).toBeLessThan(LONG_TASK_LIMIT_MS);
  });

  for (const [name, query] of [
    ['throws every 100 ms', 'throw=1'],
    ['replaces its body every second', 'replace=1'],
    ['churns its URL every 500 ms', 'churn=1'],
  ] as const) {
    test(`a page that ${name}: its answers stored once, no long task over 200 ms`, async ({ context, background }) => {
      await serveOnBothOrigins(context, pageSafetyFixture('host.html'));
      const page = await open(context, `${CHATGPT_ORIGIN}${CONVERSATION}?turns=20&${query}`);
      const { at } = await renderedAt(page);
      await untilStored(background, 20, 20_000);
      const samples = await storedSamples(background);
      await page.waitForTimeout(4_000); // a few more rounds of the page's misbehaviour
      const longest = await longestTaskSince(page, at);
      const after = await storedSamples(background);
      console.log(`[host page safety] a page that ${name}: ${after.length} answers stored, longest task after render ${longest.toFixed(0)} ms`);
      expect(samples).toHaveLength(20);
      expect(after).toHaveLength(20);
      expect(longest).toBeLessThan(LONG_TASK_LIMIT_MS);
    });
  }
});

test.describe('hostile content', () => {
  test('scripts, handlers, javascript: links, frames, huge and deep answers: capture stays inert, text legible, no long task over 200 ms', async ({
    context,
    background,
  }) => {
    test.setTimeout(120_000);
    await serveOnBothOrigins(context, pageSafetyFixture('hostile.html'));
    const alone = await open(context, `${ALONE_ORIGIN}${CONVERSATION}`);
    const aloneAt = await renderedAt(alone);
    await alone.waitForTimeout(5_000);
    const aloneTraps = await traps(alone);
    const aloneLongest = await longestTaskSince(alone, aloneAt.at);
    await alone.close();

    const page = await context.newPage();
    await recordLongTasks(page);
    const trace = await traceContentScriptTasks(context, page);
    await page.goto(`${CHATGPT_ORIGIN}${CONVERSATION}`);
    const { at, epoch } = await renderedAt(page);
    await untilStored(background, 5, 60_000);
    const storedAfterMs = Date.now() - epoch;
    await page.waitForTimeout(2_000);
    const withTraps = await traps(page);
    const longest = await longestTaskSince(page, at);
    const own = await trace.stop();
    const samples = await storedSamples(background);
    const byPrompt = new Map(samples.map((s) => [String(s.prompt), s]));
    const text = (i: number) => String(byPrompt.get(`Hostile question ${i}`)?.text ?? '');
    const big = byPrompt.get('Hostile question 2') as { text: string; verdict?: { attribution?: unknown } } | undefined;
    console.log(
      `[hostile content] traps alone ${JSON.stringify(aloneTraps)}, with the extension ${JSON.stringify(withTraps)}; ` +
        `5 answers (the largest ${(text(2).length / 1e6).toFixed(2)} M characters) stored and attributed ${(storedAfterMs / 1000).toFixed(1)} s after render; ` +
        `longest task in the page after render ${longest.toFixed(0)} ms (${aloneLongest.toFixed(0)} ms alone); ` +
        `the content script ran in ${own.count} tasks, the longest ${own.longestMs.toFixed(0)} ms (${own.longestCpuMs.toFixed(0)} ms of CPU), ` +
        `the most CPU in one ${own.mostCpuMs.toFixed(0)} ms ` +
        `(load average ${loadavg()[0]!.toFixed(1)})`,
    );

    expect(samples).toHaveLength(5);
    // Inert: every handler ran exactly as often as in the page alone, and the never-traps never ran.
    expect(aloneTraps['img-onerror'], 'the page alone runs its own handlers').toBe(1);
    expect(withTraps).toEqual(aloneTraps);
    expect(Object.keys(withTraps).filter((k) => k.startsWith('never-'))).toEqual([]);
    // Legible: the prose is there, in order, and no script or link target came with it.
    expect(text(0)).toMatch(/^Before the traps\.[\s\S]*An image that fails\.[\s\S]*Follow a javascript link or another one\.[\s\S]*After the traps\.$/);
    expect(text(0)).not.toMatch(/javascript:|trap\(|<script/i);
    expect(text(1).length).toBeGreaterThanOrEqual(199_000);
    expect(text(2).length).toBeGreaterThan(1_000_000);
    expect(text(2)).toContain('Paragraph 2599:');
    expect(big?.verdict?.attribution, 'the 1 MB answer is attributed').toBeTruthy();
    expect(text(3)).toMatch(/^- level 0\n\s+- level 1\n/);
    expect(text(3)).toContain('- level 499');
    // Legible: bidi overrides, embeddings, isolates and zero-width spaces gone; emoji joiners kept.
    expect(text(4)).toBe('payload gnp.exe and isolated text, a zerowidth joiner, forced left to right.\n\nThe family 👨\u200D👩\u200D👧 stays together.');
    expect(own.count, 'the trace sees the content script work').toBeGreaterThan(5);
    expect(longest).toBeLessThan(LONG_TASK_LIMIT_MS);
  });
});
