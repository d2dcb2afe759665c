// @needs ../shared: replays real ChatGPT pages from ../shared/fixtures/real-dom through the capture session
/**
 * The capture session under a hostile or heavy host page (issue 15): URL churn must not hold back a
 * finished answer, a long history is read in slices, and a background that drops a save gets it again.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createCaptureSession, type CaptureSink, type CaptureTimers } from '@/lib/capture/session';
import type { CapturedAnswer } from '@/lib/sample';
import { chatgpt } from '@/lib/sites/chatgpt';
import { REAL_DOM_DIR } from '../sites/page-helpers';
import { useQuietFakeClock } from './quiet-clock';

const URL_C = 'https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000aa';

function loadRealPage(): void {
  const html = readFileSync(path.join(REAL_DOM_DIR, 'chatgpt', 'formatting-showcase-2026-07.html'), 'utf8');
  const doc = new DOMParser().parseFromString(html.replace(/<iframe\b[^>]*>/g, ''), 'text/html');
  doc.querySelectorAll('script').forEach((s) => s.remove());
  document.body.innerHTML = doc.body.innerHTML;
}

/** `count` finished ChatGPT (family A) turns, as a long conversation loads them. */
function loadLongConversation(count: number): void {
  const id = (n: number) => `bbbbbbbb-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const turns = Array.from(
    { length: count },
    (_, i) => `<section data-testid="conversation-turn-${2 * i + 1}" data-turn-id="u${i}" data-turn="user">
  <div data-message-author-role="user" data-message-id="${id(2 * i + 1)}"><div class="whitespace-pre-wrap">Question ${i}?</div></div></section>
<section data-testid="conversation-turn-${2 * i + 2}" data-turn-id="a${i}" data-turn="assistant">
  <div data-message-author-role="assistant" data-message-id="${id(2 * i + 2)}"><div class="markdown prose"><p>Answer number ${i}, with <strong>some</strong> text.</p><ul><li>one</li><li>two</li></ul></div></div>
  <div role="group"><button data-testid="copy-turn-action-button"></button></div></section>`,
  );
  document.body.innerHTML = `<main id="main">${turns.join('')}</main>`;
}

function recordingSink() {
  const saved: CapturedAnswer[] = [];
  const sink: CaptureSink = {
    saveAnswer: vi.fn(async (a: CapturedAnswer) => void saved.push(a)),
    reportHealth: vi.fn(async () => {}),
  };
  return { saved, sink };
}

const timers: CaptureTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
  now: () => Date.now(),
};

useQuietFakeClock();

describe('capture session resilience', { timeout: 30_000 }, () => {
  test('a page that rewrites its URL every 500 ms does not hold back a finished answer (failure 7)', async () => {
    loadRealPage();
    const { saved, sink } = recordingSink();
    let url = URL_C;
    const session = createCaptureSession({ adapter: chatgpt, doc: document, getUrl: () => url, sink, timers });
    session.scanNow();
    for (let t = 500; t <= 3000; t += 500) {
      await vi.advanceTimersByTimeAsync(500);
      url = `${URL_C}?tick=${t}`;
      session.navigated(url);
    }
    // Without churn the answer is stored after the 1.2 s stability window; with it, no later than 2 s.
    expect(saved).toHaveLength(1);
    session.stop();
  });

  test('a navigation to another conversation still starts over', async () => {
    loadRealPage();
    const { saved, sink } = recordingSink();
    let url = URL_C;
    const session = createCaptureSession({ adapter: chatgpt, doc: document, getUrl: () => url, sink, timers });
    session.scanNow();
    await vi.advanceTimersByTimeAsync(3000);
    url = 'https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000bb';
    session.navigated(url);
    await vi.advanceTimersByTimeAsync(3000);
    // Same message id on the new page: already saved, not again; a new page restarts nothing it should not.
    expect(saved.map((a) => a.conversationId)).toEqual(['5e0f2a10-0000-4000-8000-0000000000aa']);
    session.stop();
  });

  test('600 old answers are read in slices of sliceMs, each saved once (failure 8)', async () => {
    loadLongConversation(600);
    const { saved, sink } = recordingSink();
    // The clock moves a little with every reading, as a real one does while the scan works.
    let work = 0;
    let largestTask = 0;
    const slicing: CaptureTimers = {
      setTimeout: (fn, ms) =>
        setTimeout(() => {
          const before = work;
          fn();
          largestTask = Math.max(largestTask, work - before);
        }, ms) as unknown as number,
      clearTimeout: (id) => clearTimeout(id),
      now: () => Date.now() + work++ * 0.1,
    };
    const session = createCaptureSession({
      adapter: chatgpt,
      doc: document,
      getUrl: () => URL_C,
      sink,
      timers: slicing,
      options: { sliceMs: 15, outbox: { maxAttempts: 8, retryMs: 250, maxRetryMs: 10_000, replyTimeoutMs: 30_000, concurrency: 10_000 } },
    });
    session.scanNow();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(saved).toHaveLength(600);
    expect(new Set(saved.map((a) => a.messageId)).size).toBe(600);
    // 15 ms of simulated clock is 150 readings of it: no task may take the whole page at once.
    expect(largestTask).toBeLessThanOrEqual(160);
    session.stop();
  });

  test('a save the background drops is sent again and stored once (failure 3)', async () => {
    loadRealPage();
    const stored = new Map<string, number>();
    let calls = 0;
    const sink: CaptureSink = {
      saveAnswer: vi.fn(async (a: CapturedAnswer) => {
        if (++calls <= 2) throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
        stored.set(a.messageId!, (stored.get(a.messageId!) ?? 0) + 1);
        return { id: a.messageId, created: true };
      }),
      reportHealth: vi.fn(async () => {}),
    };
    const session = createCaptureSession({ adapter: chatgpt, doc: document, getUrl: () => URL_C, sink, timers });
    session.scanNow();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sink.saveAnswer).toHaveBeenCalledTimes(3);
    expect([...stored.values()]).toEqual([1]);
    session.stop();
  });
});
