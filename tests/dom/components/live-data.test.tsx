/**
 * Bounded work per change (issue 15, failure 1): a burst of change notices makes a page load a bounded
 * number of times, never once per notice, and never two loads at once.
 */
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLiveData, type ChangeKind } from '@/components/use-live-data';

/** Lets `ms` of fake time pass, with Preact's updates flushed. */
const tick = (ms: number) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function harness(loadMs: number, initial?: { n: number }) {
  let notify: (change?: ChangeKind) => void = () => {};
  const calls: Array<{ previous: unknown; change: ChangeKind }> = [];
  let running = 0;
  let overlap = 0;
  const load = (previous: { n: number } | null, change: ChangeKind) => {
    calls.push({ previous, change });
    running++;
    overlap = Math.max(overlap, running);
    return new Promise<{ n: number }>((resolve) =>
      setTimeout(() => {
        running--;
        resolve({ n: calls.length });
      }, loadMs),
    );
  };
  const subscribe = (onChange: (change?: ChangeKind) => void) => {
    notify = onChange;
    return () => {};
  };
  function Page() {
    const [state] = useLiveData(load, subscribe, 1_000, initial);
    return <p>{state.status === 'ready' ? state.n : state.status}</p>;
  }
  const view = render(<Page />);
  return { calls, notify: (c?: ChangeKind) => notify(c), overlap: () => overlap, text: () => view.container.textContent };
}

describe('live data', () => {
  it('loads a bounded number of times for a burst of 2,000 notices over 10 seconds, one load at a time', async () => {
    vi.useFakeTimers();
    const page = harness(300);
    for (let i = 0; i < 2_000; i++) {
      page.notify('added');
      await tick(5);
    }
    await tick(5_000);
    // One load per second at most, plus the first and the trailing one (it was 2,001 loads, 300 at once).
    expect(page.calls.length).toBeGreaterThan(2);
    expect(page.calls.length).toBeLessThanOrEqual(13);
    expect(page.overlap()).toBe(1);
  });

  it('hands an incremental load the data on screen, and a full load after any other change', async () => {
    vi.useFakeTimers();
    const page = harness(10);
    await tick(1_100);
    page.notify('added');
    await tick(1_100);
    page.notify('added'); // loads at once: a second has passed
    page.notify('added'); // folded with the next one into one load after it
    page.notify(); // e.g. the active tab moved: whatever else is queued, load it all
    await tick(2_100);
    expect(page.calls.map((c) => [c.previous !== null, c.change])).toEqual([
      [false, 'any'],
      [true, 'added'],
      [true, 'added'],
      [false, 'any'],
    ]);
  });

  it('starts ready with data read before the page was drawn, loading only after a change and not sooner than the interval', async () => {
    vi.useFakeTimers();
    const page = harness(10, { n: 42 });
    expect(page.text()).toBe('42');
    await tick(2_000);
    expect(page.calls).toHaveLength(0);
    page.notify('added');
    await tick(50);
    // The data drawn first is what an incremental load adds to.
    expect(page.calls).toEqual([{ previous: { n: 42 }, change: 'added' }]);
    expect(page.text()).toBe('1');
  });
});
