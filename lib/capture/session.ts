/**
 * The capture loop for one page: observe, scan, track completion, emit each answer once, report selector
 * health. Timers and the clock are injected so tests drive it deterministically; `start.ts` wires it to
 * WXT's content-script context.
 */
import { sampleId, type CapturedAnswer } from '@/lib/sample';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import type { SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { isSharePage } from '@/lib/sites/share';
import { createAnswerTracker } from './answer-tracker';
import { DEFAULT_COMPLETION, type CompletionOptions } from './completion';
import { readSignals, scanPage, type PageAnswer } from './find-answers';
import { evaluateHealth, type HealthState } from './health';
import { readFirstValue } from './query';
import { readAnswer } from './read-answer';
import { createRootObserver } from './root-observer';

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

  const tracker = createAnswerTracker(options.completion, options.idleMs);
  const root = createRootObserver(adapter, doc, guard('observer', () => schedule(options.coalesceMs)));
  /** Sample ids already handed to the sink: a re-rendered id-less answer with the same text is not new. */
  const savedIds = new Set<string>();
  /**
   * A half-recognised page, since load or navigation: finished answers that read as empty, and answers that
   * went idle (text without a completion signal, or a completion signal without text) while no answer on the
   * page ever completed.
   */
  const emptyAnswers = new Set<Element>();
  const stalledAnswers = new Set<Element>();
  let emittedOnPage = 0;
  const findings = (turns: number) => ({
    turns,
    emptyAnswers: emptyAnswers.size + (emittedOnPage === 0 ? stalledAnswers.size : 0),
  });
  let health: HealthState = { reported: null, since: timers.now() };
  let scanTimer: number | null = null;
  let healthTimer: number | null = null;
  let stopped = false;

  function save(answer: PageAnswer, variant: SiteVariant): void {
    const captured = readAnswer(adapter, variant, answer, doc, deps.getUrl());
    if (!captured.text) {
      // Never stored empty: reported as a layout the adapter only half recognises.
      emptyAnswers.add(answer.turn);
      health = evaluateHealth(adapter, deps.getUrl(), findings(1), health, timers.now(), options.healthGraceMs, sink, log);
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
    root.bind(page.variant);
    const variant = page.variant;
    if (!variant) {
      health = evaluateHealth(adapter, deps.getUrl(), findings(0), health, timers.now(), options.healthGraceMs, sink, log);
      return;
    }
    const shared = isSharePage(adapter, deps.getUrl());
    let active = false;
    for (const answer of page.answers) {
      const first = answer.messages[0];
      const messageId = first ? readFirstValue(first, variant.messageId) : null;
      if (tracker.isDone(answer.turn, messageId)) continue;
      const signals = readSignals(adapter, variant, answer, doc, shared);
      const result = tracker.track(answer.turn, messageId, signals, timers.now());
      if (result === 'active') active = true;
      // Idle with text but never finished, or finished with no text: the adapter half recognises the page.
      if (result === 'idle' && (signals.fingerprint || signals.complete)) stalledAnswers.add(answer.turn);
      if (result !== 'emit') continue;
      emittedOnPage++;
      try {
        save(answer, variant);
      } catch (error) {
        log('reading a completed answer failed', error);
      }
    }
    health = evaluateHealth(adapter, deps.getUrl(), findings(page.turns.length), health, timers.now(), options.healthGraceMs, sink, log);
    if (active) schedule(options.pollMs);
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
      tracker.resetPending();
      emptyAnswers.clear();
      stalledAnswers.clear();
      emittedOnPage = 0;
      health = { reported: null, since: timers.now() };
      root.forget();
      armHealthCheck();
      // The Navigation API reports a navigation before `location` changes: scan a moment later.
      schedule(options.coalesceMs);
    }),
    scanNow: guard('scan', scan),
    stop() {
      stopped = true;
      root.disconnect();
      if (scanTimer !== null) timers.clearTimeout(scanTimer);
      if (healthTimer !== null) timers.clearTimeout(healthTimer);
    },
  };
}
