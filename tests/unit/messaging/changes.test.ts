/**
 * The background's change notices are coalesced (issue 15, failure 1): the first change is sent at once,
 * then at most one notice per interval carries everything in between.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createChangeNotifier, type SamplesChange } from '@/lib/messaging/changes';

afterEach(() => vi.useRealTimers());

function notifier() {
  vi.useFakeTimers();
  const sent: SamplesChange[] = [];
  const notify = createChangeNotifier({ interval: 1_000, now: () => Date.now(), send: async (c) => void sent.push(c) });
  return { sent, notify };
}

describe('change notices', () => {
  it('send 2,000 saves over 10 seconds as about one notice a second, the first at once', async () => {
    const { sent, notify } = notifier();
    for (let i = 0; i < 2_000; i++) {
      await notify({ addedOnly: true });
      if (i === 0) expect(sent).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(5);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.length).toBeLessThanOrEqual(12);
    expect(sent.every((c) => c.addedOnly)).toBe(true);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1_000);
  });

  it('say "not only added" when anything else happened in the interval', async () => {
    const { sent, notify } = notifier();
    await notify({ addedOnly: true });
    await notify({ addedOnly: true });
    await notify(); // a deletion
    await notify({ addedOnly: true });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(sent.map((c) => c.addedOnly)).toEqual([true, false]);
  });
});
