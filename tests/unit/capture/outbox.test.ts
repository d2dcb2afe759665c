import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createOutbox, DEFAULT_OUTBOX, type OutboxTimers } from '@/lib/capture/outbox';
import type { CapturedAnswer } from '@/lib/sample';

const timers: OutboxTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
};

function answer(n: number): CapturedAnswer {
  return {
    site: 'chatgpt',
    url: 'https://chatgpt.com/c/x',
    conversationId: 'x',
    messageId: `m${n}`,
    prompt: 'p',
    text: `answer ${n}`,
    reasoning: null,
    claimedModel: null,
  };
}

/** A background that fails the first `failures` sends of each answer with the given error. */
function flakyBackground(failures: number, message = 'The message port closed before a response was received.') {
  const seen = new Map<string, number>();
  const stored = new Map<string, number>();
  const send = vi.fn(async (a: CapturedAnswer) => {
    const n = (seen.get(a.messageId!) ?? 0) + 1;
    seen.set(a.messageId!, n);
    if (n <= failures) throw new Error(message);
    stored.set(a.messageId!, (stored.get(a.messageId!) ?? 0) + 1);
    return { id: a.messageId, created: true };
  });
  return { send, seen, stored };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('outbox', () => {
  test('an answer whose send fails is sent again with growing delays until the background confirms it', async () => {
    const bg = flakyBackground(3, 'Could not establish connection. Receiving end does not exist.');
    const outbox = createOutbox(bg.send, timers);
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(0);
    expect(bg.seen.get('m1')).toBe(1);
    await vi.advanceTimersByTimeAsync(249);
    expect(bg.seen.get('m1')).toBe(1);
    await vi.advanceTimersByTimeAsync(1); // 250 ms: second send
    expect(bg.seen.get('m1')).toBe(2);
    await vi.advanceTimersByTimeAsync(500); // then 500 ms: third
    expect(bg.seen.get('m1')).toBe(3);
    expect(outbox.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000); // then 1 s: fourth, confirmed
    expect(bg.stored.get('m1')).toBe(1);
    expect(outbox.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.send).toHaveBeenCalledTimes(4);
  });

  test('an answer added again while it is pending is not queued twice', async () => {
    const bg = flakyBackground(1);
    const outbox = createOutbox(bg.send, timers);
    outbox.add('a1', answer(1));
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(100);
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(bg.send).toHaveBeenCalledTimes(2);
    expect(bg.stored.get('m1')).toBe(1);
  });

  test('gives up after maxAttempts and says so', async () => {
    const bg = flakyBackground(100);
    const log = vi.fn();
    const outbox = createOutbox(bg.send, timers, { ...DEFAULT_OUTBOX, maxAttempts: 3 }, log);
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.send).toHaveBeenCalledTimes(3);
    expect(outbox.pending()).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('failed 3 times'), expect.any(Error));
  });

  test('a send that never answers counts as failed after replyTimeoutMs', async () => {
    let calls = 0;
    const send = vi.fn((a: CapturedAnswer) => (++calls === 1 ? new Promise<never>(() => {}) : Promise.resolve(a)));
    const outbox = createOutbox(send, timers, { ...DEFAULT_OUTBOX, replyTimeoutMs: 1000 });
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(999);
    expect(send).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 + 250);
    expect(send).toHaveBeenCalledTimes(2);
    expect(outbox.pending()).toBe(0);
  });

  test('no more than `concurrency` sends are in flight, and every answer gets through', async () => {
    let inFlight = 0;
    let peak = 0;
    const done: string[] = [];
    const send = vi.fn(async (a: CapturedAnswer) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      done.push(a.messageId!);
    });
    const outbox = createOutbox(send, timers, { ...DEFAULT_OUTBOX, concurrency: 3 });
    for (let i = 0; i < 50; i++) outbox.add(`a${i}`, answer(i));
    await vi.advanceTimersByTimeAsync(1000);
    expect(peak).toBe(3);
    expect(done).toHaveLength(50);
    expect(new Set(done).size).toBe(50);
  });

  test('stop() drops what is pending and sends nothing more', async () => {
    const bg = flakyBackground(1);
    const outbox = createOutbox(bg.send, timers);
    outbox.add('a1', answer(1));
    await vi.advanceTimersByTimeAsync(10);
    outbox.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.send).toHaveBeenCalledTimes(1);
    outbox.add('a2', answer(2));
    expect(bg.send).toHaveBeenCalledTimes(1);
  });
});
