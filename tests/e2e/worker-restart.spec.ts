/**
 * Service-worker restarts lose no answer and double none (issue 15, failure 3). The worker is stopped the
 * way DevTools' "stop" button does it (CDP `ServiceWorker.stopAllWorkers`) while an answer streams, 0 to
 * 150 ms after a save reaches it (its arrival is seen by a listener added to the running worker), and over
 * and over while the dashboard imports a dataset of thousands of samples.
 * Samples are read from an extension page, which works whether the worker runs or not.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sampleToRecord } from '../../lib/dataset/record';
import { writeJsonl } from '../../lib/dataset/write';
import { makeSamples } from '../unit/dataset/samples';
import { ROOT, expect, sendFromPage, storedSamples, test } from './fixtures';
import { CHATGPT_ORIGIN, pageSafetyFixture } from './page-probes';
import { serveSite } from './fixtures';

const CONVERSATION = 'eeeeeeee-0000-4000-8000-0000000000ee';
const STOP_DELAYS_MS = [0, 10, 25, 40, 60, 80, 100, 150];

/** Resolves with the epoch ms when the next saveAnswer message reaches the running worker. */
function nextSaveArrival(background: Worker): Promise<number> {
  return background.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(f: unknown): void; removeListener(f: unknown): void } } } }).chrome.runtime;
        const listener = (message: { type?: string } | undefined) => {
          if (message?.type !== 'saveAnswer') return undefined;
          runtime.onMessage.removeListener(listener);
          resolve(Date.now());
          return undefined;
        };
        runtime.onMessage.addListener(listener);
      }),
  );
}

async function stopWorker(cdp: CDPSession): Promise<void> {
  await cdp.send('ServiceWorker.stopAllWorkers');
}

/** Polls until `count` samples are stored, or fails after `timeoutMs` saying how many there were. */
async function untilStored(reader: Page, count: number, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let samples = await storedSamples(reader);
  while (samples.length < count && Date.now() < deadline) {
    await reader.waitForTimeout(100);
    samples = await storedSamples(reader);
  }
  return samples;
}

test('stopping the service worker while an answer streams and 0-150 ms after a save loses and doubles nothing', async ({
  context,
  background,
  extensionId,
}) => {
  test.setTimeout(180_000);
  await serveSite(context, CHATGPT_ORIGIN, pageSafetyFixture('stream.html'));
  const chat = await context.newPage();
  await chat.goto(`${CHATGPT_ORIGIN}/c/${CONVERSATION}`);
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/manifest.json`);
  const cdp = await context.newCDPSession(reader);
  await cdp.send('ServiceWorker.enable');

  // 1. Stopped while the answer streams: nothing is in flight yet, the save after it must wake the worker.
  const streaming = chat.evaluate(() => (window as unknown as { __stream(i: number, ms: number): Promise<number> }).__stream(0, 1500));
  await chat.waitForTimeout(500);
  await stopWorker(cdp);
  await streaming;
  let samples = await untilStored(reader, 1);
  expect(samples, 'the answer streamed across a worker stop is stored').toHaveLength(1);

  // 2. Stopped 0-150 ms after each save reaches the worker.
  const outcomes: string[] = [];
  for (const [n, delay] of STOP_DELAYS_MS.entries()) {
    const i = n + 1;
    // Wake the worker with a message that is not ours (its Worker handle survives restarts), then watch
    // for the next save.
    await reader.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
        .sendMessage({ wake: 1 })
        .catch(() => null),
    );
    await background.evaluate(() => 1);
    const arrival = nextSaveArrival(background);
    await chat.evaluate((k) => (window as unknown as { __stream(i: number, ms: number): Promise<number> }).__stream(k, 400), i);
    const arrivedAt = await arrival;
    const wait = delay - (Date.now() - arrivedAt);
    if (wait > 0) await chat.waitForTimeout(wait);
    const stoppedAfter = Date.now() - arrivedAt;
    await stopWorker(cdp);
    samples = await untilStored(reader, i + 1);
    outcomes.push(`${stoppedAfter} ms: ${samples.length === i + 1 ? 'stored' : 'LOST'}`);
  }
  await chat.waitForTimeout(3_000); // a late duplicate would show up by now
  samples = await storedSamples(reader);
  const ids = samples.map((s) => String(s.messageId));
  console.log(`[failure 3] worker stopped after a save arrived, per stop: ${outcomes.join('; ')}; ${samples.length} samples stored for ${STOP_DELAYS_MS.length + 1} answers, ${ids.length - new Set(ids).size} doubled`);
  expect(samples).toHaveLength(STOP_DELAYS_MS.length + 1);
  expect(new Set(ids).size).toBe(samples.length);
});

test('stopping the service worker again and again during an import stores every imported sample exactly once', async ({ context, extensionId }) => {
  test.setTimeout(180_000);
  const COUNT = 4_000;
  const dir = path.join(ROOT, 'test-results/e2e/worker-restart');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'import.jsonl');
  const samples = makeSamples(COUNT);
  writeFileSync(file, writeJsonl(samples.map((s) => sampleToRecord(s))));

  const dashboard = await context.newPage();
  await dashboard.goto(`chrome-extension://${extensionId}/dashboard.html#import`);
  const cdp = await context.newCDPSession(dashboard);
  await cdp.send('ServiceWorker.enable');
  await dashboard.getByTestId('import-file').setInputFiles(file);
  await expect(dashboard.getByTestId('import-new')).toHaveText('4,000 new', { timeout: 60_000 });
  expect(await storedSamples(dashboard)).toEqual([]);

  // From the click until the import reports its end, the worker is stopped every 50 ms; the stops while
  // the progress shows every verdict done fall in the transaction that writes the samples.
  await dashboard.getByTestId('import-confirm').click();
  const outcome = dashboard.getByTestId('import-done').or(dashboard.getByTestId('import-error'));
  let stops = 0;
  let stopsWhileWriting = 0;
  while (!(await outcome.isVisible())) {
    const status = (await dashboard.getByTestId('import-status').textContent()) ?? '';
    await stopWorker(cdp);
    stops++;
    if (/Importing… 4,000 of 4,000/.test(status)) stopsWhileWriting++;
    await dashboard.waitForTimeout(50);
  }
  const message = (await outcome.textContent()) ?? '';
  await stopWorker(cdp);
  await dashboard.waitForTimeout(2_000); // a restarted worker that touched the samples would have done so by now
  const stored = await storedSamples(dashboard);
  const ids = stored.map((s) => String(s.id));
  const imported = stored.filter((s) => (s.origin as { dataset?: string } | undefined)?.dataset === 'import.jsonl').length;
  console.log(
    `[restarts during an import] ${stops} worker stops during an import of ${COUNT} samples (${stopsWhileWriting} while they were written): ` +
      `"${message.trim()}"; ${stored.length} stored, ${ids.length - new Set(ids).size} doubled, ${COUNT - imported} lost`,
  );
  expect(stopsWhileWriting, 'the worker was stopped while the samples were written').toBeGreaterThan(0);
  expect(message).toContain(`Imported ${COUNT.toLocaleString('en')} samples from import.jsonl`);
  expect(stored).toHaveLength(COUNT);
  expect(new Set(ids)).toEqual(new Set(samples.map((s) => s.id)));
  expect(imported).toBe(COUNT);

  // The service worker, restarted once more by this message, reads the imported samples.
  expect(await sendFromPage<number>(dashboard, 'countSamples', {})).toBe(COUNT);
});
