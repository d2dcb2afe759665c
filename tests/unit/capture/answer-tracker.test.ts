import { describe, expect, test } from 'vitest';
import { createAnswerTracker } from '@/lib/capture/answer-tracker';
import { DEFAULT_COMPLETION } from '@/lib/capture/completion';

// Only identity matters for the tracker: plain objects stand in for turn elements in Node.
const turn = () => ({}) as Element;
const done = (fingerprint = 'f') => ({ generating: false, complete: true, fingerprint });
const stalled = (fingerprint = 'f') => ({ generating: false, complete: false, fingerprint });
const generating = (fingerprint = 'f') => ({ generating: true, complete: false, fingerprint });
const settleable = (fingerprint = 'f') => ({ generating: false, complete: false, fingerprint, settleable: true });

describe('answer tracker', () => {
  test('an answer with an id is emitted once, whatever element shows it later', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 30_000);
    const a = turn();
    expect([0, 600, 1200].map((at) => t.track(a, 'm1', done(), at))).toEqual(['active', 'active', 'emit']);
    expect(t.isDone(a, 'm1')).toBe(true);
    expect(t.isDone(turn(), 'm1')).toBe(true);
    expect(t.isDone(a, 'm2')).toBe(false);
  });

  test('an id-less answer is identified by its turn element', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 30_000);
    const a = turn();
    const b = turn();
    [0, 600, 1200].forEach((at) => t.track(a, null, done(), at));
    expect(t.isDone(a, null)).toBe(true);
    expect(t.isDone(b, null)).toBe(false);
  });

  test('an unfinished answer that stops changing becomes idle after idleMs; a change or generating wakes it', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 5000);
    const a = turn();
    expect(t.track(a, 'm', stalled('x'), 0)).toBe('active');
    expect(t.track(a, 'm', stalled('x'), 4000)).toBe('active');
    expect(t.track(a, 'm', stalled('x'), 5000)).toBe('idle');
    expect(t.track(a, 'm', stalled('xy'), 6000)).toBe('active');
    expect(t.track(a, 'm', generating('xy'), 60_000)).toBe('active');
  });

  test('an answer whose completion affordance appears after it went idle keeps polling until emitted', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 2000);
    const a = turn();
    expect(t.track(a, 'm', stalled('x'), 0)).toBe('active');
    expect(t.track(a, 'm', stalled('x'), 3000)).toBe('idle');
    // A mutation rescans it: complete now, text unchanged for long, yet it must keep polling to settle.
    expect(t.track(a, 'm', done('x'), 10_000)).toBe('active');
    expect(t.track(a, 'm', done('x'), 10_600)).toBe('active');
    expect(t.track(a, 'm', done('x'), 11_200)).toBe('emit');
  });

  test('a settleable answer keeps polling while it settles, even past idleMs, and is emitted once', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 2000);
    const a = turn();
    const polls = [0, 600, 1200, 1800, 2400, 3000].map((at) => t.track(a, 'm', settleable('x'), at));
    expect(polls).toEqual(['active', 'active', 'active', 'active', 'active', 'emit']);
    expect(t.isDone(a, 'm')).toBe(true);
  });

  test('resetPending forgets progress but not emitted answers', () => {
    const t = createAnswerTracker(DEFAULT_COMPLETION, 30_000);
    const a = turn();
    [0, 600, 1200].forEach((at) => t.track(a, 'm1', done(), at));
    t.track(a, 'm2', done(), 0);
    t.track(a, 'm2', done(), 600);
    t.resetPending();
    expect(t.isDone(a, 'm1')).toBe(true);
    // m2 starts its stability window again.
    expect(t.track(a, 'm2', done(), 1200)).toBe('active');
    expect(t.track(a, 'm2', done(), 1800)).toBe('active');
    expect(t.track(a, 'm2', done(), 2400)).toBe('emit');
  });
});
