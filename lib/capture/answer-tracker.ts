/**
 * Per-answer bookkeeping of a capture session: which answers are being watched, which were emitted, and
 * which stopped changing. Keys are the page's message id when it has one, else the turn element.
 */
import { INITIAL_COMPLETION, stepCompletion, type CompletionOptions, type CompletionState } from './completion';
import type { AnswerSignals } from './find-answers';

export type TrackResult =
  /** Finished: read it and save it, now. */
  | 'emit'
  /** Unfinished and still moving (or generating): poll again soon. */
  | 'active'
  /** Unfinished, not generating nor settling, unchanged for `idleMs`: wait for a mutation, do not poll. */
  | 'idle';

export interface AnswerTracker {
  /** Whether the answer was already emitted (by id, or by turn element for id-less answers). */
  isDone(turn: Element, messageId: string | null): boolean;
  /** Feeds one observation; on 'emit' the answer is marked done. */
  track(turn: Element, messageId: string | null, signals: AnswerSignals, now: number): TrackResult;
  /** Forgets unfinished answers (after navigation); emitted ones stay done. */
  resetPending(): void;
}

export function createAnswerTracker(completion: CompletionOptions, idleMs: number): AnswerTracker {
  const states = new Map<string, CompletionState>();
  const activity = new Map<string, { fingerprint: string; at: number }>();
  const emittedIds = new Set<string>();
  /** Turns whose id-less answer was emitted: their element is their only identity. */
  const emittedTurns = new WeakSet<Element>();
  const elementKeys = new WeakMap<Element, string>();
  let nextKey = 0;

  function keyOf(turn: Element, messageId: string | null): string {
    if (messageId) return `id:${messageId}`;
    let key = elementKeys.get(turn);
    if (!key) elementKeys.set(turn, (key = `el:${nextKey++}`));
    return key;
  }

  return {
    isDone: (turn, messageId) => (messageId ? emittedIds.has(messageId) : emittedTurns.has(turn)),
    track(turn, messageId, signals, now) {
      const key = keyOf(turn, messageId);
      const step = stepCompletion(states.get(key) ?? INITIAL_COMPLETION, { ...signals, at: now }, completion);
      if (step.emit) {
        states.delete(key);
        activity.delete(key);
        if (messageId) emittedIds.add(messageId);
        else emittedTurns.add(turn);
        return 'emit';
      }
      states.set(key, step.state);
      const last = activity.get(key);
      const changed = !last || last.fingerprint !== signals.fingerprint;
      if (changed) activity.set(key, { fingerprint: signals.fingerprint, at: now });
      // Settling needs more polls to emit, whatever the text does; generating needs them to see the end.
      const busy = signals.generating || step.state.phase === 'settling';
      return busy || changed || now - last.at < idleMs ? 'active' : 'idle';
    },
    resetPending() {
      states.clear();
      activity.clear();
    },
  };
}
