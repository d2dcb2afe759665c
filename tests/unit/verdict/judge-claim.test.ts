import { describe, expect, it } from 'vitest';
import { claimOf, judgeClaim, MISMATCH_THRESHOLDS } from '@/lib/verdict/claims';
import { fakeAttribution, fromProbabilities } from './fake-engine';

const gpt4o = claimOf('chatgpt', { raw: 'gpt-4o', source: 'message' })!;

/** An attribution where openai has `openai` and anthropic has `anthropic` (rest on deepseek). */
function split(openai: number, anthropic: number) {
  return fromProbabilities({ 'gpt-4o': openai, 'claude-4': anthropic, deepseek: 1 - openai - anthropic });
}

describe('claimed vs resembled', () => {
  it.each([
    // [openai p, anthropic p, answers, words, expected kind, strength]
    [0.01, 0.95, 3, 400, 'mismatch', 'strong'],
    [0.01, 0.95, 2, 400, 'mismatch', 'moderate'],
    [0.01, 0.95, 1, 300, 'mismatch', 'moderate'],
    [0.01, 0.95, 1, 120, 'mismatch', 'weak'], // one short answer never says more than "weak"
    [0.04, 0.8, 5, 900, 'mismatch', 'moderate'],
    [0.04, 0.95, 5, 900, 'mismatch', 'moderate'], // strong evidence, but the claimed vendor is not low enough
    [0.15, 0.6, 5, 900, 'mismatch', 'weak'],
    [0.25, 0.7, 5, 900, 'inconclusive', undefined], // claimed family still plausible
    [0.1, 0.45, 5, 900, 'inconclusive', undefined], // no other family clearly ahead
    [0.6, 0.3, 5, 900, 'consistent', undefined],
  ] as const)('openai %f, anthropic %f over %i answers / %i words → %s %s', (o, a, answers, words, kind, strength) => {
    const j = judgeClaim(gpt4o, split(o, a), { answers, words });
    expect(j.kind).toBe(kind);
    if (j.kind === 'mismatch') {
      expect(j.strength).toBe(strength);
      expect(j.resembled).toEqual({ family: 'anthropic', p: expect.closeTo(a, 9) });
    }
  });

  it('judges nothing below the minimum word count or on an undetermined verdict', () => {
    const few = MISMATCH_THRESHOLDS.minWords - 1;
    expect(judgeClaim(gpt4o, split(0.01, 0.95), { answers: 1, words: few }).kind).toBe('undetermined');
    expect(judgeClaim(gpt4o, fakeAttribution('claude-4', 0.9, 'too-short'), { answers: 1, words: 200 }).kind).toBe('undetermined');
  });

  it('never calls a mixed group a mismatch', () => {
    const pooled = { ...split(0.01, 0.95), n: 6, mixed: true, components: [
      { family: 'anthropic', model: 'claude-4', share: 0.5, answers: 3 },
      { family: 'deepseek', model: 'deepseek', share: 0.5, answers: 3 },
    ] };
    expect(judgeClaim(gpt4o, pooled, { answers: 6, words: 900 })).toMatchObject({ kind: 'inconclusive', mixed: true });
  });

  it('judges an operator claim like a named one', () => {
    const gemini = claimOf('gemini', { raw: 'Flash', source: 'mode' })!;
    const j = judgeClaim(gemini, fromProbabilities({ 'gpt-4o': 0.95, 'gemini-3': 0.01, deepseek: 0.04 }), { answers: 3, words: 900 });
    expect(j).toMatchObject({ kind: 'mismatch', claim: { basis: 'operator', family: 'google' }, resembled: { family: 'openai' }, strength: 'strong' });
  });
});
