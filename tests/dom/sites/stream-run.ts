/**
 * Runs a streaming fixture's inline script (its timeline) in the test document on fake timers, up to a
 * point in time, so a test can look at the page mid-stream or after it ended. Our own fixtures only:
 * happy-dom does not evaluate inline scripts, so they are run with `new Function`.
 */
import { vi } from 'vitest';
import { parsePage } from './page-helpers';

export async function runStream(html: string, ms: number): Promise<Document> {
  const page = parsePage(html);
  const scripts = Array.from(page.querySelectorAll('script:not([type])'), (s) => s.textContent ?? '');
  page.querySelectorAll('script:not([type])').forEach((s) => s.remove());
  document.body.removeAttribute('data-stream-done');
  document.body.innerHTML = page.body.innerHTML;
  vi.useFakeTimers();
  try {
    for (const script of scripts) new Function(script)();
    await vi.advanceTimersByTimeAsync(ms);
  } finally {
    vi.useRealTimers();
  }
  return document;
}
