/**
 * Entry point of the capture layer for the content script: pick the adapter by URL, run a capture
 * session, follow SPA navigation, stop everything when WXT invalidates the context (extension reload or
 * update). Never throws into the page and never modifies the page's DOM.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { adapterForUrl } from '@/lib/sites/registry';
import { createCaptureSession, type CaptureOptions, type CaptureSink, type CaptureTimers } from './session';

export type { CaptureSink } from './session';

/**
 * Window timers that die with the context. `ctx.setTimeout` would add one abort listener per call, and the
 * capture loop schedules a timer per coalesced mutation batch for hours; one listener clears them all.
 */
function contextTimers(ctx: ContentScriptContext): CaptureTimers {
  const live = new Set<number>();
  ctx.onInvalidated(() => {
    for (const id of live) window.clearTimeout(id);
    live.clear();
  });
  return {
    setTimeout(handler, ms) {
      const id = window.setTimeout(() => {
        live.delete(id);
        if (!ctx.signal.aborted) handler();
      }, ms);
      live.add(id);
      return id;
    },
    clearTimeout(id) {
      live.delete(id);
      window.clearTimeout(id);
    },
    now: () => Date.now(),
  };
}

export function startCapture(ctx: ContentScriptContext, sink: CaptureSink, options?: Partial<CaptureOptions>): void {
  try {
    const adapter = adapterForUrl(location.href);
    if (!adapter) {
      console.debug(`[ModelPrint] no site adapter for ${location.href}`);
      return;
    }
    const timers = contextTimers(ctx);
    const session = createCaptureSession({ adapter, doc: document, getUrl: () => location.href, sink, timers, options });
    ctx.onInvalidated(() => session.stop());
    // WXT dispatches this on pushState/replaceState/popstate; no URL polling of our own.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => session.navigated(event.newUrl.href));
    // In a task of its own: its first time slice added to this script's own start was the content
    // script's longest task on a page of huge answers (issue 15, hostile content).
    timers.setTimeout(() => session.scanNow(), 0);
  } catch (error) {
    console.warn('[ModelPrint] capture failed to start', error);
  }
}
