// @needs ../shared: includes the real-page cases of each site
import type { Page, Worker } from '@playwright/test';
import { expect, serveSite, storedSamples, test, waitForSamples } from './fixtures';
import { loadShareCases, loadSiteCases, type PageCase } from './site-cases';

/** How long a test keeps watching after the expected records arrived, to catch late duplicates. */
const SETTLE_MS = 2_500;

type Stored = Record<string, unknown>;

function checkAnswers(stored: Stored[], page: PageCase) {
  expect(stored.map((s) => s.text)).toEqual(page.answers.map((a) => a.text));
  expect(stored.map((s) => s.prompt)).toEqual(page.answers.map((a) => a.prompt));
  expect(stored.map((s) => s.claimedModel)).toEqual(page.answers.map((a) => a.claimedModel));
  for (const [i, s] of stored.entries()) {
    const expected = page.answers[i]!;
    expect(s.conversationId).toBe(page.conversationId);
    // A user message is never stored as an answer.
    expect(page.answers.map((a) => a.prompt)).not.toContain(s.text);
    if (typeof expected.reasoning === 'string') {
      expect(String(s.reasoning)).toContain(expected.reasoning);
      expect(String(s.text)).not.toContain(expected.reasoning);
    } else if (expected.reasoning === null) {
      expect(s.reasoning).toBeNull();
    }
  }
}

/**
 * Stored samples of one conversation, in the page order of the expected answers (matched by prompt).
 * Answers already complete on a page are saved in one scan, and their save messages may reach the
 * background in any order, so capture time is no order.
 */
async function conversation(background: Worker, page: PageCase): Promise<Stored[]> {
  const stored = (await storedSamples(background)).filter((s) => s.conversationId === page.conversationId);
  const rank = (s: Stored) => {
    const i = page.answers.findIndex((a) => a.prompt === s.prompt && a.text === s.text);
    return i < 0 ? page.answers.length : i;
  };
  return stored.sort((a, b) => rank(a) - rank(b) || String(a.id).localeCompare(String(b.id)));
}

/** Client-side navigation as a single-page app does it: a new URL through history, then new markup. */
async function navigateInApp(page: Page, to: PageCase) {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(to.html)?.[1] ?? to.html;
  await page.evaluate(
    ({ url, body }) => {
      history.pushState(null, '', url);
      document.body.innerHTML = body;
    },
    { url: to.url, body },
  );
}

for (const c of loadSiteCases()) {
  test.describe(`${c.site}: capture in the built extension`, () => {
    test('a streamed answer is stored once and whole; navigation records the next conversation under its id', async ({
      context,
      background,
    }) => {
      const origins = new Set([new URL(c.streaming.url).origin, new URL(c.navigation.url).origin]);
      for (const origin of origins) await serveSite(context, origin, c.streaming.html);
      const page = await context.newPage();
      await page.goto(c.streaming.url);

      await page.waitForSelector('body[data-stream-done="true"]', { timeout: 15_000 });
      await waitForSamples(background, c.streaming.answers.length);
      await page.waitForTimeout(SETTLE_MS);
      const first = await conversation(background, c.streaming);
      checkAnswers(first, c.streaming);
      expect(await storedSamples(background)).toHaveLength(c.streaming.answers.length);

      await navigateInApp(page, c.navigation);
      const total = c.streaming.answers.length + c.navigation.answers.length;
      await waitForSamples(background, total);
      await page.waitForTimeout(SETTLE_MS);
      checkAnswers(await conversation(background, c.navigation), c.navigation);
      expect(await storedSamples(background)).toHaveLength(total);
    });

    for (const real of c.real) {
      test(`real page ${real.page}: every answer is stored exactly once, with its prompt and claim`, async ({ context, background }) => {
        await serveSite(context, new URL(real.url).origin, real.html);
        const page = await context.newPage();
        await page.goto(real.url);
        await waitForSamples(background, real.answers);
        await page.waitForTimeout(SETTLE_MS);
        const stored = await storedSamples(background);
        expect(stored).toHaveLength(real.answers);
        expect(new Set(stored.map((s) => s.text)).size).toBe(real.answers);
        for (const s of stored) {
          expect(s.site).toBe(c.site);
          expect(s.conversationId).toBe(real.conversationId);
          expect(String(s.text).length).toBeGreaterThan(0);
          expect(String(s.prompt).length).toBeGreaterThan(0);
          expect(String(s.text).length).toBeGreaterThanOrEqual(real.minChars ?? 1);
          // A user message is never stored as an answer.
          expect(stored.map((p) => String(p.prompt).replace(/\s+/g, ' ').trim())).not.toContain(String(s.text).replace(/\s+/g, ' ').trim());
          expect((s.claimedModel as { raw: string } | null)?.raw ?? null).toBe(real.claimedModel);
        }
      });
    }
  });
}

for (const c of loadShareCases()) {
  test.describe(`${c.site}: a shared conversation in the built extension`, () => {
    test('every answer of the share page is stored once, shared, under the share id', async ({ context, background }) => {
      await serveSite(context, new URL(c.url).origin, c.html);
      const page = await context.newPage();
      await page.goto(c.url);
      await waitForSamples(background, c.answers.length);
      await page.waitForTimeout(SETTLE_MS);
      const stored = await storedSamples(background);
      expect(stored).toHaveLength(c.answers.length);
      const rank = (s: Stored) => c.answers.findIndex((a) => a.prompt === s.prompt && a.text === s.text);
      const ordered = stored.sort((a, b) => rank(a) - rank(b));
      expect(ordered.map((s) => s.text)).toEqual(c.answers.map((a) => a.text));
      expect(ordered.map((s) => s.prompt)).toEqual(c.answers.map((a) => a.prompt));
      expect(ordered.map((s) => s.claimedModel)).toEqual(c.answers.map((a) => a.claimedModel));
      for (const s of ordered) {
        expect(s).toMatchObject({ site: c.site, shared: true, shareId: c.shareId, conversationId: null, url: c.url });
        expect(String(s.id).startsWith(`${c.site}:share:${c.shareId}:`)).toBe(true);
      }
    });
  });
}

test('a share link that failed to load, and a home page, record nothing', async ({ context, background }) => {
  const [c] = loadShareCases();
  if (!c) throw new Error('no share case in tests/fixtures/sites/*/e2e.json');
  const origin = new URL(c.url).origin;
  await serveSite(context, origin, '<!doctype html><html><body><main><h1>This shared link has been disabled.</h1></main></body></html>');
  const page = await context.newPage();
  await page.goto(c.url);
  await page.goto(`${origin}/`);
  await page.waitForTimeout(SETTLE_MS);
  expect(await storedSamples(background)).toEqual([]);
});
