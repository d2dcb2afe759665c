/**
 * The capture loop for one page: observe, scan, track completion, emit each answer once, report selector
 * health. Timers and the clock are injected so tests drive it deterministically; `start.ts` wires it to
 * WXT's content-script context.
 */
import { sampleId, type CapturedAnswer } from '@/lib/sample';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import type { SiteAdapter } from '@/lib/sites/define';
import { DEFAULT_COMPLETION, INITIAL_COMPLETION, stepCompletion, type CompletionOptions, type CompletionState } from './completion';
import { readSignals, scanPage, type PageAnswer } from './find-answers';
import { readAnswer } from './read-answer';
import { firstMatch, readFirstValue } from './query';
import { evaluateHealth, type HealthState } from './health';

export interface CaptureSink {
  saveAnswer(answer: CapturedAnswer): Promise<unknown>;
  reportHealth(report: SiteHealthReport): Promise<void>;
}

export interface CaptureTimers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
  now(): number;
}

/** Tunables of the capture loop, gathered here with their meaning and default. */
export interface CaptureOptions {
  /** Poll interval while an answer is unfinished, in ms (hidden tabs clamp timers to ≥ 1 s). Default 600. */
  readonly pollMs: number;
  /** Mutations are coalesced into one scan at most this often, in ms. Default 250. */
  readonly coalesceMs: number;
  /** Time after load or navigation before "no turns" counts as a broken selector, in ms. Default 8000. */
  readonly healthGraceMs: number;
  /**
   * An unfinished answer that is not generating and whose text has not changed for this long, in ms, stops
   * being polled (mutations still rescan it): an error turn without a copy button must not poll forever.
   * Default 30000.
   */
  readonly idleMs: number;
  readonly completion: CompletionOptions;
}

export const DEFAULT_CAPTURE: CaptureOptions = {
  pollMs: 600,
  coalesceMs: 250,
  healthGraceMs: 8000,
  idleMs: 30_000,
  completion: DEFAULT_COMPLETION,
};

export interface CaptureSession {
  /** Call after an in-page navigation: rebinds the observer and restarts the health grace period. */
  navigated(): void;
  /** Runs a scan now (tests, and the first scan after start). */
  scanNow(): void;
  stop(): void;
}

export interface SessionDeps {
  readonly adapter: SiteAdapter;
  readonly doc: Document;
  readonly getUrl: () => string;
  readonly sink: CaptureSink;
  readonly timers: CaptureTimers;
  readonly options?: Partial<CaptureOptions>;
}

export function createCaptureSession(deps: SessionDeps): CaptureSession {
  const { adapter, doc, sink, timers } = deps;
  const options: CaptureOptions = { ...DEFAULT_CAPTURE, ...deps.options };
  const log = (message: string, error?: unknown) => console.warn(`[ModelPrint] ${adapter.id}: ${message}`, error ?? '');
  const guard = (what: string, fn: () => void) => () => {
    try {
      fn();
    } catch (error) {
      log(`${what} failed`, error);
    }
  };

  const trackers = new Map<string, CompletionState>();
  /** Last text change of each unfinished answer: fingerprint and time. */
  const activity = new Map<string, { fingerprint: string; at: number }>();
  const emittedKeys = new Set<string>();
  /** Turns whose id-less answer was emitted: their element is their only identity. */
  const emittedTurns = new WeakSet<Element>();
  const savedIds = new Set<string>();
  const elementKeys = new WeakMap<Element, string>();
  let nextElementKey = 0;
  let health: HealthState = { reported: null, since: timers.now() };
  let observer: MutationObserver | null = null;
  let observed: Element | null = null;
  let scanTimer: number | null = null;
  let healthTimer: number | null = null;
  let stopped = false;

  function answerKey(answer: PageAnswer, variantId: string, messageId: string | null): string {
    if (messageId) return `id:${messageId}`;
    let key = elementKeys.get(answer.turn);
    if (!key) elementKeys.set(answer.turn, (key = `el:${variantId}:${nextElementKey++}`));
    return key;
  }

  function emit(answer: PageAnswer, variant: Parameters<typeof readAnswer>[1]): void {
    const captured = readAnswer(adapter, variant, answer, doc, deps.getUrl());
    if (!captured.text) {
      console.debug(`[ModelPrint] ${adapter.id}: answer without text skipped`);
      return;
    }
    const id = sampleId(captured);
    if (savedIds.has(id)) return;
    savedIds.add(id);
    sink.saveAnswer(captured).catch((error: unknown) => log('saving an answer failed', error));
  }

  function scan(): void {
    if (stopped) return;
    const page = scanPage(adapter, doc);
    bindObserver(page.variant?.root);
    health = evaluateHealth(adapter, deps.getUrl(), page.turns.length, health, timers.now(), options.healthGraceMs, sink, log);
    if (!page.variant) return;
    let pending = false;
    for (const answer of page.answers) {
      const first = answer.messages[0];
      const messageId = first ? readFirstValue(first, page.variant.messageId) : null;
      const key = answerKey(answer, page.variant.id, messageId);
      if (emittedKeys.has(key) || (!messageId && emittedTurns.has(answer.turn))) continue;
      const signals = readSignals(adapter, page.variant, answer, doc);
      const step = stepCompletion(trackers.get(key) ?? INITIAL_COMPLETION, { ...signals, at: timers.now() }, options.completion);
      trackers.set(key, step.state);
      if (!step.emit) {
        pending ||= isActive(key, signals.fingerprint, signals.generating);
        continue;
      }
      emittedKeys.add(key);
      trackers.delete(key);
      activity.delete(key);
      if (!messageId) emittedTurns.add(answer.turn);
      try {
        emit(answer, page.variant);
      } catch (error) {
        log('reading a completed answer failed', error);
      }
    }
    if (pending) schedule(options.pollMs);
  }

  function isActive(key: string, fingerprint: string, generating: boolean): boolean {
    const now = timers.now();
    const last = activity.get(key);
    if (!last || last.fingerprint !== fingerprint) activity.set(key, { fingerprint, at: now });
    return generating || !last || last.fingerprint !== fingerprint || now - last.at < options.idleMs;
  }

  /** One scan timer at a time: mutations and polls coalesce into it. */
  function schedule(ms: number): void {
    if (stopped || scanTimer !== null) return;
    scanTimer = timers.setTimeout(
      guard('scan', () => {
        scanTimer = null;
        scan();
      }),
      ms,
    );
  }

  function bindObserver(rootChain: Parameters<typeof firstMatch>[1] | undefined): void {
    const roots = rootChain ? [rootChain] : adapter.variants.flatMap((v) => (v.root ? [v.root] : []));
    const root = roots.map((chain) => firstMatch(doc, chain)?.elements[0]).find((el) => el) ?? doc.body;
    if (!root || (root === observed && root.isConnected)) return;
    observer?.disconnect();
    observer = new MutationObserver(guard('observer', () => schedule(options.coalesceMs)));
    // Text and structure only: attributes would fire on every hover state of the page's own UI.
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    // Direct children of each ancestor: if the app re-mounts the root, the next scan rebinds to the new one.
    for (let el = root.parentElement; el; el = el.parentElement) observer.observe(el, { childList: true });
    observed = root;
  }

  function armHealthCheck(): void {
    if (healthTimer !== null) timers.clearTimeout(healthTimer);
    healthTimer = timers.setTimeout(
      guard('health check', () => {
        healthTimer = null;
        scan();
      }),
      options.healthGraceMs,
    );
  }

  armHealthCheck();
  return {
    navigated: guard('navigation', () => {
      trackers.clear();
      activity.clear();
      health = { reported: null, since: timers.now() };
      observed = null;
      armHealthCheck();
      // The Navigation API reports a navigation before \`location\` changes: scan a moment later.
      schedule(options.coalesceMs);
    }),
    scanNow: guard('scan', scan),
    stop() {
      stopped = true;
      observer?.disconnect();
      if (scanTimer !== null) timers.clearTimeout(scanTimer);
      if (healthTimer !== null) timers.clearTimeout(healthTimer);
    },
  };
}
