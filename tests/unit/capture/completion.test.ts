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
