import { describe, expect, it } from 'vitest';
import { answersNeeded } from '@/lib/verdict/answers-needed';
import { fakeAttribution, fakePool } from './fake-engine';

const p = (model: string, prob: number) => fakeAttribution(model, prob);

describe('answers needed to reach 95%', () => {
  it('says nothing without a determined answer', () => {
    expect(answersNeeded(fakePool, [])).toEqual({ kind: 'no-evidence' });
    expect(answersNeeded(fakePool, [fakeAttribution('gpt-4o', 0.9, 'too-short')])).toEqual({ kind: 'no-evidence' });
  });

  it('reports when the pooled family verdict is already at 95%', () => {
    expect(answersNeeded(fakePool, [p('claude-4', 0.97)])).toMatchObject({ kind: 'reached', family: 'anthropic' });
  });

  it('projects the smallest count whose pooled probability reaches the target', () => {
    const seen = [p('claude-4', 0.5), p('claude-4', 0.5)];
    const r = answersNeeded(fakePool, seen);
    expect(r).toMatchObject({ kind: 'estimate', family: 'anthropic', answers: 2, target: 0.95 });
    if (r.kind !== 'estimate') throw new Error('expected an estimate');
    const total = 2 + r.more;
    const cycled = (m: number) => Array.from({ length: m }, (_, i) => seen[i % 2]!);
    const familyP = (m: number) => fakePool(cycled(m)).families.find((f) => f.family === 'anthropic')!.p;
    expect(familyP(total)).toBeGreaterThanOrEqual(0.95);
    expect(familyP(total - 1)).toBeLessThan(0.95);
  });

  it('needs fewer answers when each answer is stronger', () => {
    const weak = answersNeeded(fakePool, [p('qwen', 0.3)]);
    const strong = answersNeeded(fakePool, [p('qwen', 0.6)]);
    if (weak.kind !== 'estimate' || strong.kind !== 'estimate') throw new Error('expected estimates');
    expect(strong.more).toBeLessThan(weak.more);
  });

  it('says "beyond" when answers disagree so much that the pool does not converge in range', () => {
    const split = [p('claude-4', 0.45), p('deepseek', 0.45)];
    expect(answersNeeded(fakePool, split, { maxAnswers: 40 })).toMatchObject({ kind: 'beyond', maxAnswers: 40 });
  });

  it('never says a mixed group reached or will reach 95%', () => {
    const mixed = (rs: ReturnType<typeof p>[]) => ({ ...fakePool(rs), mixed: true, components: [] });
    const answers = [p('claude-4', 0.99), p('claude-4', 0.99), p('claude-4', 0.99), p('deepseek', 0.99)];
    expect(answersNeeded(fakePool, answers).kind).toBe('reached'); // the same answers, not reported mixed
    expect(answersNeeded(mixed, answers)).toEqual({ kind: 'mixed', answers: 4 });
  });

  it('is capped: a pool that never grows (plain average) is "beyond", not an endless search', () => {
    const average = (rs: ReturnType<typeof p>[]) => ({ ...rs[0]!, n: rs.length, mixed: false, components: [] });
    expect(answersNeeded(average, [p('gpt-5', 0.5)])).toMatchObject({ kind: 'beyond' });
  });
});
