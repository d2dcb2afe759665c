/**
 * When is an answer finished? A pure state machine per answer, fed one observation per poll.
 *
 * The pattern every robust tool converged on (research §17.4): see "generating" → see "not generating" →
 * see a completion affordance (copy button, action bar) → the text stays unchanged for a stability
 * window → emit once. Text stability alone is never enough: answers stall mid-stream for minutes on some
 * sites (research §16.7). An answer that is already finished when the page loads (no "generating" ever
 * seen) is emitted after the same affordance and stability checks; so is a very short answer whose stop
 * button came and went between two polls.
 *
 * Some finished answers never show an affordance: an old conversation, an exported or saved page, a
 * report whose action bar was never rendered. Where an adapter vouches for it (`settledWithoutSignals`, dated
 * evidence), the caller marks an observation `settleable` when nothing on the whole page is generating and
 * the turn shows no error; such an answer is emitted once its text has held still for the longer `settledMs`.
 * Text seen changing before any generating signal was seen means the site's generating signal is being
 * missed (a stream the selectors cannot see): that answer then waits for a real affordance.
 *
 * No timers here: the caller passes the time of each observation, so tests use a fake clock.
 */

export interface CompletionOptions {
  /** Milliseconds the text must stay unchanged while complete, before emitting. Range 0-10000; default 1200. */
  readonly stableMs: number;
  /** Consecutive complete observations with unchanged text required. Range 1-10; default 2. */
  readonly stablePolls: number;
  /**
   * Milliseconds the text of a `settleable` answer without an affordance must stay unchanged, with nothing
   * generating, before emitting: stable text is then the only evidence, so the window is longer (MCP's
   * `stalledStreamTimeout` is 3000 ms, research §17.5). Range 0-60000; default 3000.
   */
  readonly settledMs?: number;
}

const DEFAULT_SETTLED_MS = 3000;

export const DEFAULT_COMPLETION: CompletionOptions = { stableMs: 1200, stablePolls: 2, settledMs: DEFAULT_SETTLED_MS };

/**
 * - `waiting`: no completion affordance yet, and not settleable (or no text);
 * - `generating`: a "generating" signal is present;
 * - `settling`: complete (or settleable) and not generating, waiting for the text to hold still;
 * - `emitted`: done; terminal.
 */
export type CompletionPhase = 'waiting' | 'generating' | 'settling' | 'emitted';

export interface CompletionState {
  readonly phase: CompletionPhase;
  readonly sawGenerating: boolean;
  /** The text changed between two observations before any generating signal was seen. */
  readonly drifted: boolean;
  /** Fingerprint of the text at the last observation. */
  readonly fingerprint: string;
  /** Time since which the answer has been complete with this fingerprint (NaN when not settling). */
  readonly stableSince: number;
  /** Complete observations with this fingerprint, this one included. */
  readonly stableCount: number;
}

export interface CompletionObservation {
  /** Milliseconds, from any monotonic-enough clock. */
  readonly at: number;
  readonly generating: boolean;
  /** A completion affordance is present. */
  readonly complete: boolean;
  /** Fingerprint of the visible text; '' when there is no text yet. */
  readonly fingerprint: string;
  /**
   * The answer may complete without an affordance: its adapter opts in, nothing on the page is generating
   * and the turn shows no error (`readSignals`). Absent: false.
   */
  readonly settleable?: boolean;
}

export const INITIAL_COMPLETION: CompletionState = {
  phase: 'waiting',
  sawGenerating: false,
  drifted: false,
  fingerprint: '',
  stableSince: Number.NaN,
  stableCount: 0,
};

/** Advances the state by one observation; `emit` is true exactly once per answer. */
export function stepCompletion(
  state: CompletionState,
  obs: CompletionObservation,
  options: CompletionOptions = DEFAULT_COMPLETION,
): { state: CompletionState; emit: boolean } {
  if (state.phase === 'emitted') return { state, emit: false };
  const sawGenerating = state.sawGenerating || obs.generating;
  const moved = state.fingerprint !== '' && state.fingerprint !== obs.fingerprint;
  const drifted = state.drifted || (moved && !sawGenerating);
  const base = { sawGenerating, drifted, fingerprint: obs.fingerprint };
  if (obs.generating) {
    return { state: { ...base, phase: 'generating', stableSince: Number.NaN, stableCount: 0 }, emit: false };
  }
  const settled = !obs.complete && obs.settleable === true && (sawGenerating || !drifted);
  if ((!obs.complete && !settled) || obs.fingerprint === '') {
    return { state: { ...base, phase: 'waiting', stableSince: Number.NaN, stableCount: 0 }, emit: false };
  }
  const unchanged = state.phase === 'settling' && state.fingerprint === obs.fingerprint;
  const stableSince = unchanged ? state.stableSince : obs.at;
  const stableCount = unchanged ? state.stableCount + 1 : 1;
  const windowMs = obs.complete ? options.stableMs : (options.settledMs ?? DEFAULT_SETTLED_MS);
  const ready = stableCount >= options.stablePolls && obs.at - stableSince >= windowMs;
  return {
    state: { ...base, phase: ready ? 'emitted' : 'settling', stableSince, stableCount },
    emit: ready,
  };
}
