import { describe, expect, test } from 'vitest';
import {
  DEFAULT_COMPLETION,
  INITIAL_COMPLETION,
  stepCompletion,
  type CompletionObservation,
  type CompletionState,
} from '@/lib/capture/completion';

type Frame = Omit<CompletionObservation, 'at'>;

/** Feeds one frame per poll on a fake clock; returns the times at which the machine emitted. */
function run(frames: readonly Frame[], pollMs = 600, options = DEFAULT_COMPLETION) {
  let state: CompletionState = INITIAL_COMPLETION;
  const emittedAt: number[] = [];
  frames.forEach((frame, i) => {
    const at = i * pollMs;
    const step = stepCompletion(state, { ...frame, at }, options);
    state = step.state;
    if (step.emit) emittedAt.push(at);
  });
  return { emittedAt, state };
}

const streaming = (text: string): Frame => ({ generating: true, complete: false, fingerprint: text });
const stopped = (text: string): Frame => ({ generating: false, complete: false, fingerprint: text });
const done = (text: string): Frame => ({ generating: false, complete: true, fingerprint: text });
/** No affordance, nothing generating on the page, the adapter opts in (`settledWithoutSignals`). */
const idle = (text: string): Frame => ({ generating: false, complete: false, fingerprint: text, settleable: true });

describe('completion state machine', () => {
  test('a half-streamed answer is never emitted', () => {
    const { emittedAt, state } = run([streaming('a'), streaming('ab'), streaming('abc'), streaming('abc'), streaming('abc')]);
    expect(emittedAt).toEqual([]);
    expect(state.phase).toBe('generating');
  });

  test('an answer that stopped generating but shows no completion affordance is not emitted', () => {
    // Stalled streams (research §16.7): stable text alone never finalises.
    const { emittedAt, state } = run([streaming('a'), stopped('ab'), stopped('ab'), stopped('ab'), stopped('ab')]);
    expect(emittedAt).toEqual([]);
    expect(state.phase).toBe('waiting');
  });

  test('a streamed answer is emitted once, after the affordance and the stability window', () => {
    const frames = [streaming('a'), streaming('ab'), stopped('abc'), done('abc'), done('abc'), done('abc'), done('abc'), done('abc')];
    const { emittedAt, state } = run(frames);
    // complete first seen at 1800 ms; 1200 ms later is 3000 ms.
    expect(emittedAt).toEqual([3000]);
    expect(state.phase).toBe('emitted');
    expect(state.sawGenerating).toBe(true);
  });

  test('an answer already complete at load is emitted without any generating signal', () => {
    const { emittedAt, state } = run([done('old'), done('old'), done('old'), done('old')]);
    expect(emittedAt).toEqual([1200]);
    expect(state.sawGenerating).toBe(false);
  });

  test('text that changes after the affordance appears restarts the stability window', () => {
    const { emittedAt } = run([done('a'), done('ab'), done('abc'), done('abc'), done('abc'), done('abc')]);
    expect(emittedAt).toEqual([2400]);
  });

  test('generating again while settling (a continued answer) cancels the pending emission', () => {
    const { emittedAt } = run([done('a'), streaming('ab'), done('ab'), done('ab'), done('ab')]);
    expect(emittedAt).toEqual([2400]);
  });

  test('an empty answer is never emitted', () => {
    expect(run([done(''), done(''), done(''), done('')]).emittedAt).toEqual([]);
  });

  test.each([
    { stablePolls: 2, stableMs: 0, pollMs: 100, expected: [100] },
    { stablePolls: 3, stableMs: 0, pollMs: 100, expected: [200] },
    { stablePolls: 1, stableMs: 1000, pollMs: 250, expected: [1000] },
  ])('needs both $stablePolls polls and $stableMs ms of stability', ({ stablePolls, stableMs, pollMs, expected }) => {
    const frames = Array.from({ length: 6 }, () => done('x'));
    expect(run(frames, pollMs, { stablePolls, stableMs }).emittedAt).toEqual(expected);
  });

  test('after emitting, further observations never emit again', () => {
    const frames = [done('x'), done('x'), done('x'), streaming('y'), done('y'), done('y'), done('y'), done('y')];
    expect(run(frames).emittedAt).toEqual([1200]);
  });
});

describe('completion without an affordance (settleable answers)', () => {
  test('text stable for settledMs while nothing generates is emitted once', () => {
    const { emittedAt, state } = run(Array.from({ length: 12 }, () => idle('old answer')));
    // First seen at 0 ms; the 3000 ms window, longer than an affordance's 1200 ms, ends at 3000 ms.
    expect(emittedAt).toEqual([3000]);
    expect(state.phase).toBe('emitted');
  });

  test('a generating signal present is never settled, however long the text holds still', () => {
    const frames = Array.from({ length: 12 }, () => ({ ...streaming('half'), settleable: true }));
    expect(run(frames).emittedAt).toEqual([]);
  });

  test('text still changing is not emitted, and once seen moving with no generating signal it never settles', () => {
    const moving = ['a', 'ab', 'abc', 'abcd', 'abcde'].map(idle);
    expect(run(moving).emittedAt).toEqual([]);
    // A stream the site's generating selectors cannot see, stalled: stable text is no proof. It waits for the
    // affordance, which then completes it on the usual window.
    const stalled = [...moving, ...Array.from({ length: 10 }, () => idle('abcde'))];
    const { emittedAt, state } = run(stalled);
    expect(emittedAt).toEqual([]);
    expect(state).toMatchObject({ phase: 'waiting', drifted: true });
    expect(run([...stalled, done('abcde'), done('abcde'), done('abcde')]).emittedAt).toEqual([(15 + 2) * 600]);
  });

  test('a stream whose generating signal was seen settles once the signal is gone and the text holds still', () => {
    const frames = [streaming('a'), streaming('ab'), idle('abc'), ...Array.from({ length: 8 }, () => idle('abc'))];
    // Settling from 1200 ms; 3000 ms later.
    expect(run(frames).emittedAt).toEqual([4200]);
  });

  test('generating again while settling cancels, and the window restarts when it stops', () => {
    const frames = [idle('a'), idle('a'), idle('a'), streaming('ab'), ...Array.from({ length: 8 }, () => idle('ab'))];
    // Generating at 1800 ms; settling again from 2400 ms, 3000 ms later.
    expect(run(frames).emittedAt).toEqual([2400 + 3000]);
  });

  test('an affordance still completes on its shorter window, settleable or not', () => {
    const frames = Array.from({ length: 4 }, () => ({ ...done('x'), settleable: true }));
    expect(run(frames).emittedAt).toEqual([1200]);
  });

  test('an empty answer is never settled', () => {
    expect(run(Array.from({ length: 10 }, () => idle(''))).emittedAt).toEqual([]);
  });
});
