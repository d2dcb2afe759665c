import { describe, expect, it } from 'vitest';
import { evidenceStrength, EVIDENCE_THRESHOLDS, weakerOf } from '@/lib/verdict/evidence-label';
import { headlineOf } from '@/lib/verdict/headline';
import { fakeAttribution, fromProbabilities } from './fake-engine';

describe('the evidence label', () => {
  it.each([
    // [top p, answers, words, label]
    [0.99, 1, 6, 'weak'], // six words never look confident, whatever the probability
    [0.99, 5, EVIDENCE_THRESHOLDS.minWords - 1, 'weak'],
    [0.99, 1, 249, 'weak'],
    [0.99, 1, 250, 'moderate'], // one long answer: at most moderate
    [0.99, 2, 100, 'moderate'],
    [0.6, 2, 400, 'weak'], // anthropic together: 0.6 + claude-3's share, under 0.75
    [0.95, 3, 300, 'strong'],
    [0.85, 3, 300, 'moderate'],
  ] as const)('top vendor %f over %i answers / %i words → %s', (p, answers, words, label) => {
    expect(evidenceStrength(fakeAttribution('claude-4', p), { answers, words })).toBe(label);
  });

  it('is weak for undetermined and mixed verdicts', () => {
    expect(evidenceStrength(fakeAttribution('claude-4', 0.99, 'too-short'), { answers: 5, words: 900 })).toBe('weak');
    const mixed = { ...fakeAttribution('claude-4', 0.99), n: 5, mixed: true, components: [] };
    expect(evidenceStrength(mixed, { answers: 5, words: 900 })).toBe('weak');
  });

  it('orders labels', () => {
    expect(weakerOf('strong', 'moderate')).toBe('moderate');
    expect(weakerOf('weak', 'strong')).toBe('weak');
  });
});

describe('the headline', () => {
  it('shows a model of the vendor it shows, even when a stored verdict names another vendor’s model', () => {
    // openai as a vendor outweighs the single best model (glm): the headline names OpenAI's best model.
    const a = { ...fromProbabilities({ 'gpt-4o': 0.2, 'gpt-5': 0.15, qwen: 0.3, deepseek: 0.35 }) };
    const stale = { ...a, model: 'deepseek', family: 'openai' };
    expect(headlineOf(stale)).toEqual({ family: 'openai', familyP: expect.closeTo(0.35, 9), model: 'gpt-4o', modelP: 0.2 });
  });

  it('keeps the engine’s model when it belongs to the vendor', () => {
    expect(headlineOf(fakeAttribution('claude-4', 0.8))).toMatchObject({ family: 'anthropic', model: 'claude-4', modelP: 0.8 });
    expect(headlineOf(fakeAttribution('claude-4', 0.8, 'too-short'))).toBeNull();
  });
});
