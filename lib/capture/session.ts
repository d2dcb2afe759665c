/**
 * The capture loop for one page: observe, scan, track completion, emit each answer once, report selector
 * health. Timers and the clock are injected so tests drive it deterministically; `start-capture.ts` wires it to
 * WXT's content-script context.
 */
import { sampleId, type CapturedAnswer } from '@/lib/sample';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import type { SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { isSharePage } from '@/lib/sites/share';
import { createAnswerTracker, type TrackResult } from './answer-tracker';
import { DEFAULT_COMPLETION, type CompletionOptions } from './completion';
import { detectVariant, pairedAnswers, pairSome, readSignals, startPairing, type PageAnswer, type Pairing } from './find-answers';
import { evaluateHealth, type HealthState } from './health';
import { createOutbox, DEFAULT_OUTBOX, type OutboxOptions } from './outbox';
import { readFirstValue } from './selector-query';
import { clonesToMarkdown } from './dom-to-markdown';
import { legible } from './legible';
import { snapshotAnswer } from './read-answer';
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
  /**
   * A scan works through the answers for at most this long, in ms, then yields to the page and goes on in
   * a later task: 2,000 old turns read in one go froze the page for 1.2 s (issue 15, failure 8). Default 15.
   */
  readonly sliceMs: number;
  readonly completion: CompletionOptions;
  readonly outbox: OutboxOptions;
}

export const DEFAULT_CAPTURE: CaptureOptions = {
  pollMs: 600,
  coalesceMs: 250,
  healthGraceMs: 8000,
  idleMs: 30_000,
  sliceMs: 15,
  completion: DEFAULT_COMPLETION,
  outbox: DEFAULT_OUTBOX,
};

export interface CaptureSession {
  /**
   * Call after an in-page navigation to `url` (default: the current URL). A new page rebinds the observer
   * and restarts the health grace period; a new query or hash on the same page only rescans.
   */
  navigated(url?: string): void;
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
  const guard = <A extends unknown[]>(what: string, fn: (...args: A) => void) => (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      log(`${what} failed`, error);
    }
  };

  const tracker = createAnswerTracker(options.completion, options.idleMs);
  const root = createRootObserver(adapter, doc, guard('observer', () => schedule(options.coalesceMs)));
  const outbox = createOutbox((answer) => sink.saveAnswer(answer), timers, options.outbox, log);
  /** Sample ids already handed to the outbox: a re-rendered id-less answer with the same text is not new. */
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
  /** The answers of the last scan still to be looked at, when it yielded to the page. */
  let job: ScanJob | null = null;
  let rescanWanted = false;
  let place = placeOf(deps.getUrl());
  let health: HealthState = { reported: null, since: timers.now() };
  let scanTimer: number | null = null;
  let healthTimer: number | null = null;
  let stopped = false;

  const pause = () => new Promise<void>((resolve) => timers.setTimeout(resolve, 0));

  /** Answers whose markdown is being written, one after the other so that they are sent in page order. */
  let writing: Promise<void> = Promise.resolve();

  /** Reads the answer now, prepares and writes its markdown in slices, then hands it to the outbox. */
  function save(answer: PageAnswer, variant: SiteVariant): void {
    const snapshot = snapshotAnswer(adapter, variant, answer, doc, deps.getUrl());
    writing = writing
      .then(() => clonesToMarkdown(snapshot.bodies, { strip: snapshot.strip, cleanUrl: snapshot.cleanUrl }, pause))
      .then(
        (markdown) => {
          if (!stopped) send({ ...snapshot.answer, text: legible(markdown) }, answer.turn);
        },
        (error: unknown) => log('reading a completed answer failed', error),
      );
  }

  function send(captured: CapturedAnswer, turn: Element): void {
    if (!captured.text) {
      // Never stored empty: reported as a layout the adapter only half recognises.
      emptyAnswers.add(turn);
      health = evaluateHealth(adapter, deps.getUrl(), findings(1), health, timers.now(), options.healthGraceMs, sink, log);
      return;
    }
    const id = sampleId(captured);
    if (savedIds.has(id)) return;
    savedIds.add(id);
    outbox.add(id, captured);
  }

  function observe(answer: PageAnswer, variant: SiteVariant, shared: boolean): TrackResult | 'done' {
    const first = answer.messages[0];
    const messageId = first ? readFirstValue(first, variant.messageId) : null;
    if (tracker.isDone(answer.turn, messageId)) return 'done';
    const signals = readSignals(adapter, variant, answer, doc, shared);
    const result = tracker.track(answer.turn, messageId, signals, timers.now());
    // Idle with text but never finished, or finished with no text: the adapter half recognises the page.
    if (result === 'idle' && (signals.fingerprint || signals.complete)) stalledAnswers.add(answer.turn);
    if (result === 'emit') {
      emittedOnPage++;
      try {
        save(answer, variant);
      } catch (error) {
        log('reading a completed answer failed', error);
      }
    }
    return result;
  }

  function scan(): void {
    if (stopped) return;
    // A scan still working through its answers finishes first, then scans again: restarting it on every
    // mutation would never reach the end of a long page.
    if (job) {
      rescanWanted = true;
      return;
    }
    const detected = detectVariant(adapter, doc);
    root.bind(detected?.variant ?? null);
    if (!detected) {
      health = evaluateHealth(adapter, deps.getUrl(), findings(0), health, timers.now(), options.healthGraceMs, sink, log);
      return;
    }
    const shared = isSharePage(adapter, deps.getUrl());
    job = { pairing: startPairing(detected.variant, detected.turns), answers: null, next: 0, active: false, shared, turns: detected.turns.length };
    continueScan();
  }

  /** Pairs the scan's turns, then works through its answers, until its time slice is used; then yields. */
  function continueScan(): void {
    const current = job;
    if (!current || stopped) return;
    const deadline = timers.now() + options.sliceMs;
    const yieldToPage = () => timers.setTimeout(guard('scan', continueScan), 0);
    if (!current.answers) {
      if (!pairSome(current.pairing, () => timers.now() >= deadline)) {
        yieldToPage();
        return;
      }
      current.answers = pairedAnswers(current.pairing);
    }
    while (current.next < current.answers.length) {
      const answer = current.answers[current.next++]!;
      // The page may have removed it while the scan was yielding.
      if (answer.turn.isConnected && observe(answer, current.pairing.variant, current.shared) === 'active') current.active = true;
      if (current.next < current.answers.length && timers.now() >= deadline) {
        yieldToPage();
        return;
      }
    }
    job = null;
    health = evaluateHealth(adapter, deps.getUrl(), findings(current.turns), health, timers.now(), options.healthGraceMs, sink, log);
    if (rescanWanted) {
      rescanWanted = false;
      schedule(options.coalesceMs);
    } else if (current.active) schedule(options.pollMs);
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
    navigated: guard('navigation', (url: string = deps.getUrl()) => {
      const next = placeOf(url);
      // A page that rewrites its query or hash (some call replaceState every 500 ms) stays the same page:
      // forgetting the answers' progress each time kept a finished answer unsaved until the churn stopped
      // (issue 15, failure 7).
      if (next === place) {
        schedule(options.coalesceMs);
        return;
      }
      place = next;
      job = null;
      rescanWanted = false;
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
      job = null;
      outbox.stop();
      root.disconnect();
      if (scanTimer !== null) timers.clearTimeout(scanTimer);
      if (healthTimer !== null) timers.clearTimeout(healthTimer);
    },
  };
}

/** One scan's turns, paired, then its answers, worked through across time slices. */
interface ScanJob {
  readonly pairing: Pairing;
  /** A shared-conversation page: every answer there counts as complete (lib/sites/share.ts). */
  readonly shared: boolean;
  /** Turns the scan found, for the selector-health report when it ends. */
  readonly turns: number;
  /** null while the turns are being paired. */
  answers: readonly PageAnswer[] | null;
  next: number;
  /** Some answer seen so far is unfinished and moving: poll again after the scan. */
  active: boolean;
}

/** What identifies a page for the capture: its address without query or hash. */
function placeOf(url: string): string {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    return url; // not a URL (a test's fake address): compared as it is
  }
}
