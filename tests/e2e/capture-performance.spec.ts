/**
 * Budget of the content script while an answer streams (issue #4): 6,000 characters arrive in 600 steps;
 * ModelPrint's main-thread time over the whole answer must stay under 50 ms, and none of its work may be a
 * long task (> 50 ms). Measured with Chromium's sampling CPU profiler: a sample counts as ours when any frame
 * of its stack belongs to the content script (so DOM calls it makes count too). Figures are printed.
 */
import { expect, readFixture, ROOT, serveSite, test, waitForSamples } from './fixtures';

const CONVERSATION = '7b000000-0000-4000-8000-0000000000aa';
const BUDGET_MS = 50;

interface ProfileNode {
  id: number;
  parent?: number;
  children?: number[];
  callFrame: { url: string; functionName: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Per sample: whether the content script is on its stack. */
function oursPerSample(profile: Profile, isOurs: (url: string) => boolean): boolean[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const memo = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id)!;
    const value = isOurs(node.callFrame.url) || (node.parent !== undefined && ours(node.parent));
    memo.set(id, value);
    return value;
  };
  return profile.samples.map(ours);
}

test('the content script stays under 50 ms of main-thread time while 6,000 characters stream in', async ({
  context,
  background,
  extensionId,
}) => {
  const html = readFixture(ROOT, 'tests/fixtures/perf/stream-6000.html');
  await context.route('https://chatgpt.com/**', (route) =>
    route.request().resourceType() !== 'document'
      ? route.fulfill({ status: 404, body: '' })
      : route.fulfill({
          contentType: 'text/html',
          body: new URL(route.request().url()).pathname.startsWith('/c/') ? html : '<!doctype html><title>home</title>',
        }),
  );
  void serveSite; // routing above serves two pages on one origin
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => w.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  // Same origin first, so the profiled renderer is the one the conversation page loads in.
  await page.goto('https://chatgpt.com/');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');

  await page.goto(`https://chatgpt.com/c/${CONVERSATION}`);
  await page.waitForSelector('body[data-stream-done="true"]', { timeout: 30_000 });
  const [sample] = await waitForSamples(background, 1);
  await page.waitForTimeout(2_000); // completion is confirmed after a stability window
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

  const prefix = `chrome-extension://${extensionId}/`;
  const ours = oursPerSample(profile, (url) => url.startsWith(prefix));
  // A sample's weight is the time since the previous one, capped at a few sampling intervals: on a busy
  // 2-core machine the sampler is sometimes descheduled for tens of ms, and that gap is not our code's time.
  const sorted = [...profile.timeDeltas].sort((a, b) => a - b);
  const cap = 4 * Math.max(100, sorted[Math.floor(sorted.length / 2)] ?? 100);
  let totalUs = 0;
  let runUs = 0;
  let longestRunUs = 0;
  ours.forEach((isOurs, i) => {
    const dt = Math.min(profile.timeDeltas[i] ?? 0, cap);
    if (isOurs) {
      totalUs += dt;
      runUs += dt;
      longestRunUs = Math.max(longestRunUs, runUs);
    } else runUs = 0;
  });
  const samplesOurs = ours.filter(Boolean).length;
  console.log(
    `[capture budget] content script main-thread time ${(totalUs / 1000).toFixed(1)} ms over the whole answer ` +
      `(${samplesOurs} of ${ours.length} samples, each weighed at most ${cap} µs); longest contiguous run ${(longestRunUs / 1000).toFixed(1)} ms; ` +
      `long tasks seen by the page (its own and ours, inflated by machine load): ${longTasks.length ? longTasks.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`,
  );

  expect(String(sample!.text).length).toBeGreaterThan(5_900);
  expect(samplesOurs, 'the profiler must see the content script at all, or the figure means nothing').toBeGreaterThan(0);
  expect(totalUs / 1000).toBeLessThan(BUDGET_MS);
  expect(longestRunUs / 1000).toBeLessThan(BUDGET_MS);
});
