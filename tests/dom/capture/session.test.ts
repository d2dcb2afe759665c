// @needs ../shared: some cases run the capture session on real saved ChatGPT pages
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createCaptureSession, type CaptureSink, type CaptureTimers } from '@/lib/capture/session';
import type { CapturedAnswer } from '@/lib/sample';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { markupSeen } from '@/lib/capture/health';
import { chatgpt } from '@/lib/sites/chatgpt';
import { FIXTURES_DIR, REAL_DOM_DIR } from '../sites/page-helpers';
import { useQuietFakeClock } from './quiet-clock';

const URL_C = 'https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000aa';

function fakeSink() {
  const saved: CapturedAnswer[] = [];
  const health: SiteHealthReport[] = [];
  const sink: CaptureSink = {
    saveAnswer: vi.fn(async (a: CapturedAnswer) => void saved.push(a)),
    reportHealth: vi.fn(async (r: SiteHealthReport) => void health.push(r)),
  };
  return { sink, saved, health };
}

const timers: CaptureTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
  now: () => Date.now(),
};

/** Loads a saved page's <body> into the test document; returns its inline scripts' source. */
function loadBody(file: string): string[] {
  const html = readFileSync(file, 'utf8');
  const doc = new DOMParser().parseFromString(html.replace(/<iframe\b[^>]*>/g, ''), 'text/html');
  const scripts = Array.from(doc.querySelectorAll('script:not([type])'), (s) => s.textContent ?? '');
  doc.querySelectorAll('script:not([type])').forEach((s) => s.remove());
  document.body.innerHTML = doc.body.innerHTML;
  return scripts;
}

function start(url = URL_C, options = {}) {
  const fake = fakeSink();
  let current = url;
  const session = createCaptureSession({
    adapter: chatgpt,
    doc: document,
    getUrl: () => current,
    sink: fake.sink,
    timers,
    options,
  });
  session.scanNow();
  return { ...fake, session, setUrl: (u: string) => (current = u) };
}

useQuietFakeClock();

describe('capture session', { timeout: 20_000 }, () => {
  test('answers already complete on the page are saved once each, after the stability window', async () => {
    loadBody(path.join(REAL_DOM_DIR, 'chatgpt', 'formatting-showcase-2026-07.html'));
    const { saved, health, session } = start();
    await vi.advanceTimersByTimeAsync(600);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1200);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ site: 'chatgpt', conversationId: '5e0f2a10-0000-4000-8000-0000000000aa', messageId: '7a00741b-48d8-4c8b-a960-eee1717e3b19' });
    await vi.advanceTimersByTimeAsync(20_000);
    session.scanNow();
    expect(saved).toHaveLength(1);
    expect(health).toEqual([expect.objectContaining({ ok: true, failingSelector: null, site: 'chatgpt', url: URL_C })]);
    session.stop();
  });

  test('a saved page without action bars (an exporter page, a deep-research page) is saved once, after settling', async () => {
    for (const file of ['comprehensive.html', 'deep-research-2026-07.html']) {
      loadBody(path.join(REAL_DOM_DIR, 'chatgpt', file));
      const { saved, session } = start();
      await vi.advanceTimersByTimeAsync(2400);
      // An affordance would have completed it by now; stable text alone needs the longer window.
      expect(saved).toHaveLength(0);
      await vi.advanceTimersByTimeAsync(1200);
      expect(saved).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(20_000);
      session.scanNow();
      expect(saved).toHaveLength(1);
      expect(saved[0]!.text.length).toBeGreaterThan(200);
      session.stop();
    }
  });

  test('while anything on the page is generating, no answer completes by settling, not even an earlier one', async () => {
    loadBody(path.join(REAL_DOM_DIR, 'chatgpt', 'deep-research-2026-07.html'));
    // A new answer is being written below the saved ones: the composer shows its stop button.
    document.querySelector('main')!.insertAdjacentHTML(
      'beforeend',
      `<section data-testid="conversation-turn-5" data-turn="user"><div data-message-author-role="user" data-message-id="u5"><div class="whitespace-pre-wrap">And in one?</div></div></section>
       <section data-testid="conversation-turn-6" data-turn="assistant"><div data-message-author-role="assistant" data-message-id="a6"><div class="markdown prose"><p>Tide</p></div></div></section>
       <form><button data-testid="stop-button" aria-label="Stop streaming"></button></form>`,
    );
    const { saved, session } = start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toEqual([]);
    document.querySelector('[data-message-id="a6"] p')!.append(' mills ground on the ebb.');
    document.querySelector('[data-testid="stop-button"]')!.remove();
    await vi.advanceTimersByTimeAsync(4000);
    expect(saved.map((a) => a.messageId).sort()).toEqual(['a6', 'turn-a4']);
    expect(saved.find((a) => a.messageId === 'a6')!.text).toBe('Tide mills ground on the ebb.');
    session.stop();
  });

  test('a streamed answer is saved exactly once, with its final text, never half-streamed', async () => {
    const [script] = loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'streaming.html'));
    const expected = JSON.parse(document.getElementById('modelprint-expected')!.textContent!) as {
      answers: Partial<CapturedAnswer>[];
    };
    const { saved, session } = start();
    // Run the fixture's own timeline (happy-dom does not evaluate inline scripts).
    new Function(script!)();
    const snapshots: number[] = [];
    for (let t = 0; t < 6000; t += 100) {
      await vi.advanceTimersByTimeAsync(100);
      snapshots.push(saved.length);
    }
    expect(document.body.getAttribute('data-stream-done')).toBe('true');
    expect(saved).toHaveLength(2);
    expect(saved.map(({ messageId, prompt, text, claimedModel, reasoning }) => ({ messageId, prompt, text, claimedModel, reasoning }))).toEqual(
      expected.answers,
    );
    // The streamed answer was saved only after the copy button appeared (~2.9 s) plus the window.
    expect(snapshots.indexOf(2) * 100).toBeGreaterThanOrEqual(2900 + 1200 - 100);
    session.stop();
  });

  test('a supported conversation page without turns reports the failing selector after the grace period', async () => {
    document.body.innerHTML = '<main id="main"><div class="redesigned">Hello</div></main>';
    const { health, session } = start(URL_C, { healthGraceMs: 8000 });
    await vi.advanceTimersByTimeAsync(7900);
    expect(health).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(health).toHaveLength(1);
    expect(health[0]).toMatchObject({ ok: false, site: 'chatgpt', url: URL_C, problem: 'no-turns', markupSeen: markupSeen(chatgpt) });
    expect(markupSeen(chatgpt)).toMatch(/^2026-\d\d/);
    expect(health[0]!.failingSelector).toContain('[data-testid^="conversation-turn-"]');
    expect(console.warn).toHaveBeenCalledWith(
      `[ModelPrint] chatgpt: selector "${health[0]!.failingSelector}" matched nothing on ${URL_C} (markup known as of ${markupSeen(chatgpt)})`,
    );
    // Turns appearing later flip the report back to ok, once.
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'a-thinking.html'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(health.map((h) => h.ok)).toEqual([false, true]);
    session.stop();
  });

  test('a half-recognised page (a finished answer whose body reads as empty) is reported, never stored empty', async () => {
    document.body.innerHTML = `<main id="main">
      <section data-testid="conversation-turn-1" data-turn="user"><div data-message-author-role="user" data-message-id="u1"><div class="whitespace-pre-wrap">Hi?</div></div></section>
      <section data-testid="conversation-turn-2" data-turn="assistant"><div data-message-author-role="assistant" data-message-id="a1"><div class="markdown prose"><svg></svg></div></div>
        <div role="group"><button data-testid="copy-turn-action-button" aria-label="Copy response"></button></div></section></main>`;
    const { health, saved, session } = start(URL_C, { healthGraceMs: 8000, idleMs: 30_000 });
    await vi.advanceTimersByTimeAsync(35_000);
    expect(saved).toEqual([]);
    expect(health.at(-1)).toMatchObject({ ok: false, problem: 'no-answer-text', markupSeen: markupSeen(chatgpt) });
    expect(health.at(-1)!.failingSelector).toContain('.markdown');
    session.stop();
  });

  test('answers with text that never read as finished, on a page where none ever did, are reported', async () => {
    document.body.innerHTML = `<main id="main">
      <section data-testid="conversation-turn-1" data-turn="user"><div data-message-author-role="user" data-message-id="u1"><div class="whitespace-pre-wrap">Hi?</div></div></section>
      <section data-testid="conversation-turn-2" data-turn="assistant"><div data-message-author-role="assistant" data-message-id="a1"><div class="markdown prose"><p>Hello.</p></div></div>
        <div class="a-redesigned-action-bar"></div></section></main>`;
    const { health, saved, session } = start(URL_C, { healthGraceMs: 8000, idleMs: 30_000 });
    // The text moves with no generating signal the adapter knows (a redesigned stop button too): stable text
    // is then no proof of an end, so the answer never completes by settling.
    await vi.advanceTimersByTimeAsync(600);
    document.querySelector('.markdown p')!.append(' How can I help?');
    await vi.advanceTimersByTimeAsync(19_400);
    expect(health.map((h) => h.ok)).toEqual([true]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(saved).toEqual([]);
    expect(health.map((h) => [h.ok, h.problem])).toEqual([
      [true, null],
      [false, 'no-answer-text'],
    ]);
    session.stop();
  });

  test('a new-chat page without turns is not a selector failure', async () => {
    document.body.innerHTML = '<main id="main"></main>';
    const { health, session } = start('https://chatgpt.com/');
    await vi.advanceTimersByTimeAsync(20_000);
    expect(health).toHaveLength(0);
    session.stop();
  });

  test('after in-page navigation the new conversation is captured and the old one is not saved again', async () => {
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'a-thinking.html'));
    const { saved, health, session, setUrl } = start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((a) => a.prompt)).toEqual(['Plan a picnic.\nKeep it short.', 'And the food?']);

    setUrl('https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000bb');
    loadBody(path.join(REAL_DOM_DIR, 'chatgpt', 'formatting-showcase-2026-07.html'));
    session.navigated();
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved).toHaveLength(3);
    expect(saved[2]).toMatchObject({
      conversationId: '5e0f2a10-0000-4000-8000-0000000000bb',
      messageId: '7a00741b-48d8-4c8b-a960-eee1717e3b19',
    });
    expect(health.map((h) => h.ok)).toEqual([true, true]);

    // Navigating back re-renders the first conversation: nothing new to save.
    setUrl(URL_C);
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'a-thinking.html'));
    session.navigated();
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved).toHaveLength(3);
    session.stop();
  });

  test('an answer still generating is never saved, and nothing runs after stop()', async () => {
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'a-mid-stream.html'));
    const { saved, session } = start();
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved.map((a) => a.text)).toEqual(['Hello! How can I help?']);
    session.stop();
    document.querySelector('button[data-testid="stop-button"]')!.remove();
    document.querySelectorAll('section')[3]!.insertAdjacentHTML('beforeend', '<button data-testid="copy-turn-action-button"></button>');
    await vi.advanceTimersByTimeAsync(5000);
    expect(saved).toHaveLength(1);
  });

  test('a failing sink is logged, never thrown into the page', async () => {
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'a-thinking.html'));
    const sink: CaptureSink = {
      saveAnswer: () => Promise.reject(new Error('background gone')),
      reportHealth: () => Promise.reject(new Error('background gone')),
    };
    const session = createCaptureSession({ adapter: chatgpt, doc: document, getUrl: () => URL_C, sink, timers });
    expect(() => session.scanNow()).not.toThrow();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[ModelPrint\] chatgpt: saving an answer failed 8 times; given up/),
      expect.any(Error),
    );
    session.stop();
  });
});

describe('capture session polling', { timeout: 20_000 }, () => {
  test('an unfinished answer that stopped changing is no longer polled after idleMs', async () => {
    // An error turn (no action bar, the error banner inside the message, U-id 67454464290): never complete.
    document.body.innerHTML = `<main id="main">
      <section data-testid="conversation-turn-1" data-turn="user"><div data-message-author-role="user" data-message-id="u1"><div class="whitespace-pre-wrap">Hi?</div></div></section>
      <section data-testid="conversation-turn-2" data-turn="assistant"><div data-message-author-role="assistant" data-message-id="a1">
        <div class="text-token-text-error"><p>Message delivery timed out. Please try again.</p><button>Retry</button></div></div></section></main>`;
    const { saved, session } = start(URL_C, { idleMs: 5000, pollMs: 500 });
    const scans = vi.spyOn(document, 'querySelectorAll');
    await vi.advanceTimersByTimeAsync(6000);
    const during = scans.mock.calls.length;
    expect(during).toBeGreaterThan(0);
    scans.mockClear();
    await vi.advanceTimersByTimeAsync(60_000);
    // Only the one-off health check may still scan; no poll loop.
    expect(scans.mock.calls.length).toBeLessThanOrEqual(during / 5);
    expect(saved).toEqual([]);
    session.stop();
  });
});

describe('capture session and attribute-only signals', { timeout: 20_000 }, () => {
  test('a completion shown only by an attribute flip is noticed after polling stopped (family C)', async () => {
    loadBody(path.join(FIXTURES_DIR, 'chatgpt', 'c-transcript.html'));
    const { saved, session } = start('https://chatgpt.com/uc/cccccccc-0000-4000-8000-0000000000ff', { idleMs: 2000 });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((a) => a.text)).toEqual(['The Nile, the Amazon and the Danube.']);
    // The stream ends without the completion marker yet: no generating signal, text unchanged, so after
    // idleMs the session stops polling and only mutations can wake it.
    const pending = document.querySelector('li[id^="pending-"]')!;
    pending.removeAttribute('data-message-streaming');
    pending.setAttribute('id', 'cccccccc-0000-4000-8000-000000000004');
    document.querySelector('button[data-stop-generating]')!.removeAttribute('data-stop-generating');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toHaveLength(1);
    // Completion arrives as an attribute only.
    pending.setAttribute('data-message-complete', '');
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((a) => a.messageId)).toEqual(['cccccccc-0000-4000-8000-000000000002', 'cccccccc-0000-4000-8000-000000000004']);
    session.stop();
  });
});
