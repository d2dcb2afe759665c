/**
 * Measuring tools for the host-page and privacy specs (issue 15): fixture pages served on a chatbot origin
 * and on an origin the extension does not run on (the same page "alone"), the page's long tasks, and the
 * requests each context makes.
 */
import type { BrowserContext, Page, Request, Worker } from '@playwright/test';
import { readFixture, ROOT } from './fixtures';

/** An origin no content script matches: the page alone, for comparison. */
export const ALONE_ORIGIN = 'https://page-alone.example.org';
export const CHATGPT_ORIGIN = 'https://chatgpt.com';
/** A third-party host the fixture pages load images from. */
export const MEDIA_ORIGIN = 'https://media.example.net';

/** A 1×1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export function pageSafetyFixture(name: string): string {
  return readFixture(ROOT, 'tests/fixtures/page-safety', name);
}

/**
 * Serves `html` as every document of the chatbot origin and of {@link ALONE_ORIGIN}; `*.png` paths (on
 * those and on {@link MEDIA_ORIGIN}) as an image, anything else as 404. Nothing is cacheable, so a second
 * fetch of an image is a second request.
 */
export async function serveOnBothOrigins(context: BrowserContext, html: string, origin = CHATGPT_ORIGIN): Promise<void> {
  for (const o of [origin, ALONE_ORIGIN, MEDIA_ORIGIN]) {
    await context.route(`${o}/**`, (route) => {
      const request = route.request();
      const headers = { 'cache-control': 'no-store' };
      if (request.resourceType() === 'document') return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers, body: html });
      if (new URL(request.url()).pathname.endsWith('.png')) return route.fulfill({ status: 200, contentType: 'image/png', headers, body: PNG });
      return route.fulfill({ status: 404, headers, body: '' });
    });
  }
}

/** Starts recording the page's long tasks (start time and duration, ms) before any of its scripts run. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The longest task that started after `since` (performance.now() of the page), in ms; 0 when none. */
export async function longestTaskSince(page: Page, since: number): Promise<number> {
  return page.evaluate((t) => {
    const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
    return Math.max(0, ...tasks.filter((task) => task.start >= t).map((task) => task.duration));
  }, since);
}

/** Waits until the fixture page says its history is rendered; returns its performance.now() and epoch then. */
export async function renderedAt(page: Page): Promise<{ at: number; epoch: number }> {
  await page.waitForFunction(() => typeof (window as unknown as { __rendered?: number }).__rendered === 'number', null, {
    timeout: 60_000,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __rendered: number; __renderedEpoch: number };
    return { at: w.__rendered, epoch: w.__renderedEpoch };
  });
}

/** Requests that would leave the machine: anything but the extension's own files and in-memory URLs. */
export function leavesMachine(request: Request): boolean {
  return !/^(chrome-extension|data|blob|about|chrome):/.test(request.url());
}

/** Path and query of every subresource request of `page` (not the document itself), as they happen. */
export function recordSubresources(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') return;
    const u = new URL(r.url());
    // The same resource on either origin counts as the same request.
    seen.push(`${u.origin === MEDIA_ORIGIN ? MEDIA_ORIGIN : ''}${u.pathname}${u.search}`);
  });
  return seen;
}

/** The content script's tasks in a page's main thread, from a Chromium trace: how many, the longest. */
export interface ContentScriptTasks {
  readonly count: number;
  /** Wall-clock duration of the longest, ms: what the page feels, CPU plus any wait for a core. */
  readonly longestMs: number;
  /** CPU time of that longest task, ms. */
  readonly longestCpuMs: number;
  /** The most CPU time one of them used, ms: the extension's own work, whatever the machine's load. */
  readonly mostCpuMs: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Starts a Chromium trace of `page` (the DevTools Performance panel's task events, no sampling); `stop()`
 * ends it and returns the tasks of the page's main thread in which the content script ran. A task is the
 * content script's when a script evaluation or function call of the content script's file starts in it.
 * On a loaded machine a task's wall time can be many times its CPU time: both are given.
 */
export async function traceContentScriptTasks(context: BrowserContext, page: Page): Promise<{ stop(): Promise<ContentScriptTasks> }> {
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] },
    transferMode: 'ReportEvents',
  });
  return {
    async stop() {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      const mine = events.filter(
        (e) => /^(EvaluateScript|FunctionCall|TimerFire)$/.test(e.name) && /^chrome-extension:\/\/[^/]+\/content-scripts\//.test(e.args?.data?.url ?? ''),
      );
      const thread = mine[0];
      if (!thread) return { count: 0, longestMs: 0, longestCpuMs: 0, mostCpuMs: 0 };
      const tasks = events.filter(
        (e) =>
          e.ph === 'X' &&
          e.name === 'ThreadControllerImpl::RunTask' &&
          e.pid === thread.pid &&
          e.tid === thread.tid &&
          mine.some((m) => m.ts >= e.ts && m.ts <= e.ts + (e.dur ?? 0)),
      );
      const longest = tasks.reduce<TraceEvent | null>((a, t) => ((t.dur ?? 0) > (a?.dur ?? -1) ? t : a), null);
      return {
        count: tasks.length,
        longestMs: (longest?.dur ?? 0) / 1000,
        longestCpuMs: (longest?.tdur ?? 0) / 1000,
        mostCpuMs: Math.max(0, ...tasks.map((t) => (t.tdur ?? 0) / 1000)),
      };
    },
  };
}

/**
 * How many samples are stored, read in the extension's service worker without reading them (reading every
 * stored sample, 1.3 MB of text on the hostile page, every 100 ms kept the browser process busy while
 * the page was measured). 0 when the database does not exist yet; never creates it.
 */
export async function storedCount(background: Pick<Worker, 'evaluate'>): Promise<number> {
  return background.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('modelprint');
        let absent = false;
        open.onupgradeneeded = () => {
          absent = true;
          open.transaction?.abort();
        };
        open.onerror = () => (absent ? resolve(0) : reject(open.error));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('samples')) {
            db.close();
            return resolve(0);
          }
          const req = db.transaction('samples').objectStore('samples').count();
          req.onsuccess = () => {
            db.close();
            resolve(req.result);
          };
          req.onerror = () => {
            db.close();
            reject(req.error);
          };
        };
      }),
  );
}
