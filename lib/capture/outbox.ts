/**
 * Answers on their way to the background, each kept until the background confirms it. A service worker
 * stopped while a save is in flight drops the message ("message channel closed before a response was
 * received", or "Receiving end does not exist" when the stop follows the wake-up): before this outbox the
 * answer was lost until the page was reloaded (issue 15, failure 3). Sending again is safe: an answer's
 * id is derived from the answer, and the background stores an id once.
 */
import type { CapturedAnswer } from '@/lib/sample';

/** Tunables of the outbox, with their meaning and default. */
export interface OutboxOptions {
  /** Sends per answer before it is given up and logged. Range 1-20; default 8 (about 40 s of retries). */
  readonly maxAttempts: number;
  /** Delay before the first retry in ms, doubled after each failure. Default 250. */
  readonly retryMs: number;
  /** Longest delay between two sends of one answer, in ms. Default 10000. */
  readonly maxRetryMs: number;
  /**
   * A send with no reply after this long, in ms, counts as failed (a background stuck on a blocked database
   * must not hold the queue forever). Default 30000.
   */
  readonly replyTimeoutMs: number;
  /** Sends in flight at once: a page of 2,000 old answers must not open 2,000 channels. Default 4. */
  readonly concurrency: number;
}

export const DEFAULT_OUTBOX: OutboxOptions = {
  maxAttempts: 8,
  retryMs: 250,
  maxRetryMs: 10_000,
  replyTimeoutMs: 30_000,
  concurrency: 4,
};

export interface OutboxTimers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface Outbox {
  /** Queues an answer unless one with this id is already queued, in flight or waiting to be retried. */
  add(id: string, answer: CapturedAnswer): void;
  /** Answers not yet confirmed. */
  pending(): number;
  /** Drops everything and sends nothing more (the content script's context is gone). */
  stop(): void;
}

interface Entry {
  readonly id: string;
  readonly answer: CapturedAnswer;
  attempts: number;
}

export function createOutbox(
  send: (answer: CapturedAnswer) => Promise<unknown>,
  timers: OutboxTimers,
  options: OutboxOptions = DEFAULT_OUTBOX,
  log: (message: string, error?: unknown) => void = () => {},
): Outbox {
  const ready: Entry[] = [];
  const held = new Set<string>();
  const waits = new Set<number>();
  let inFlight = 0;
  let stopped = false;

  function later(ms: number, fn: () => void): void {
    const id = timers.setTimeout(() => {
      waits.delete(id);
      fn();
    }, ms);
    waits.add(id);
  }

  function attempt(entry: Entry): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let timer: number | null = timers.setTimeout(() => {
        timer = null;
        reject(new Error(`no reply within ${options.replyTimeoutMs} ms`));
      }, options.replyTimeoutMs);
      const settle = (fn: () => void) => {
        if (timer === null) return;
        timers.clearTimeout(timer);
        timer = null;
        fn();
      };
      send(entry.answer).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  function failed(entry: Entry, error: unknown): void {
    if (stopped) return;
    if (entry.attempts >= options.maxAttempts) {
      held.delete(entry.id);
      log(`saving an answer failed ${entry.attempts} times; given up (a reload of the page captures it again)`, error);
      return;
    }
    const delay = Math.min(options.maxRetryMs, options.retryMs * 2 ** (entry.attempts - 1));
    later(delay, () => {
      ready.push(entry);
      pump();
    });
  }

  function pump(): void {
    while (!stopped && inFlight < options.concurrency && ready.length > 0) {
      const entry = ready.shift()!;
      entry.attempts++;
      inFlight++;
      attempt(entry).then(
        () => {
          inFlight--;
          held.delete(entry.id);
          pump();
        },
        (error: unknown) => {
          inFlight--;
          failed(entry, error);
          pump();
        },
      );
    }
  }

  return {
    add(id, answer) {
      if (stopped || held.has(id)) return;
      held.add(id);
      ready.push({ id, answer, attempts: 0 });
      pump();
    },
    pending: () => held.size,
    stop() {
      stopped = true;
      for (const id of waits) timers.clearTimeout(id);
      waits.clear();
      ready.length = 0;
      held.clear();
    },
  };
}
