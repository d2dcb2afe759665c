/**
 * Named durations on the performance timeline (User Timing), so the end-to-end test at 50,000 samples can
 * say where a page's time goes: a message's round trip as the page sees it (`modelprint:send:<type>`) and
 * its handling in the background (`modelprint:handle:<type>`). One entry per name is kept (the newest), so
 * a worker that handles thousands of saves does not grow a timeline.
 */
export function measureSince(name: string, start: number): void {
  if (typeof performance?.measure !== 'function') return;
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
