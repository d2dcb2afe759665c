/**
 * For suites that drive a capture session: fake timers, and the console's warn/debug lines (selector
 * health, skipped answers) kept out of the test output; the page is emptied after each test.
 */
import { afterEach, beforeEach, vi } from 'vitest';

export function useQuietFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'debug').mockImplementation(() => {});
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });
}
