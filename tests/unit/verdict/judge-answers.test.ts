import { describe, expect, it } from 'vitest';
import type { Attribution, PooledAttribution } from '@/lib/fingerprint/types';
import { claimOf, judgeAnswers, judgeSample } from '@/lib/verdict/claims';
import { row } from '../dashboard/make-row';
import { sampleOf } from '../../dom/components/samples';

/** A claimed-openai group whose answers all resemble anthropic strongly. */
function anthropicLike(p: number): Attribution {
  return {
    model: 'claude-4',
    family: 'anthropic',
    confidence: p,
    undetermined: false,
    reason: null,
    models: [
      { model: 'claude-4', family: 'anthropic', p },
      { model: 'gpt-4o', family: 'openai', p: 1 - p },
    ],
    families: [
      { family: 'anthropic', p },
      { family: 'openai', p: 1 - p },
    ],
    explanation: [],
  };
}
const firstOf = (results: Attribution[]): PooledAttribution => ({ ...results[0]!, n: results.length, mixed: false, components: [] });
const gemini = (id: string, mode: string | null) =>
  row({ id, site: 'gemini', claimed: mode, claimSource: mode ? 'mode' : null, claim: claimOf('gemini', mode ? { raw: mode, source: 'mode' } : null), verdict: anthropicLike(0.99) });

describe('judgeAnswers (a dashboard group, a conversation)', () => {
  it('makes no comparison when no answer makes a claim it can judge', () => {
    const j = judgeAnswers(firstOf, [row({ id: 'a', site: 'perplexity', claimed: 'Best', claimSource: 'mode', claim: null })]);
    expect(j).toEqual({ kind: 'no-comparison', raw: 'Best', source: 'mode', site: 'perplexity' });
  });

  it('is undetermined without decided verdicts', () => {
    expect(judgeAnswers(firstOf, [row({ id: 'a', verdict: null })]).kind).toBe('undetermined');
  });

  const cases: Array<[string, number, number, string]> = [
    ['one long answer pointing away is a moderate mismatch', 1, 300, 'moderate'],
    ['three answers pointing away strongly is a strong mismatch', 3, 100, 'strong'],
  ];
  it.each(cases)('%s', (_name, answers, words, strength) => {
    const rows = Array.from({ length: answers }, (_, i) => row({ id: String(i), verdict: anthropicLike(0.99), words }));
    const j = judgeAnswers(firstOf, rows);
    expect(j.kind).toBe('mismatch');
    expect(j.kind === 'mismatch' && j.strength).toBe(strength);
  });

  it('is consistent when the claimed family is closest', () => {
    const rows = [row({ id: 'a', verdict: { ...anthropicLike(0.1), families: [{ family: 'openai', p: 0.9 }, { family: 'anthropic', p: 0.1 }] } })];
    expect(judgeAnswers(firstOf, rows).kind).toBe('consistent');
  });

  it('judges a Gemini group that names only modes against Google, the operator', () => {
    const j = judgeAnswers(firstOf, [gemini('a', 'Flash'), gemini('b', null), gemini('c', 'Thinking')]);
    expect(j).toMatchObject({ kind: 'mismatch', claim: { basis: 'operator', family: 'google', site: 'gemini' }, evidence: { answers: 3 } });
  });

  it('judges the most claimed vendor on the answers of that vendor only, a named model standing for it', () => {
    const anthropic = row({ id: 'x', site: 'claude', claimed: 'Opus 4.7', claim: claimOf('claude', { raw: 'Opus 4.7', source: 'picker' }), verdict: anthropicLike(0.99) });
    const j = judgeAnswers(firstOf, [gemini('a', 'Flash'), anthropic, gemini('b', null), row({ id: 'y', site: 'gemini', claimed: '3 Pro', claimSource: 'picker', claim: claimOf('gemini', { raw: '3 Pro', source: 'picker' }), verdict: anthropicLike(0.99) })]);
    expect(j).toMatchObject({ kind: 'mismatch', claim: { basis: 'model', raw: '3 Pro', family: 'google' }, evidence: { answers: 3 } });
  });

  it('judges the claim it is asked about (the popup: the latest answer) on that vendor only', () => {
    const latest = row({ id: 'x', site: 'claude', claimed: 'Opus 4.7', claim: claimOf('claude', { raw: 'Opus 4.7', source: 'picker' }), verdict: anthropicLike(0.99) });
    const j = judgeAnswers(firstOf, [gemini('a', 'Flash'), gemini('b', null), latest], latest);
    expect(j).toMatchObject({ kind: 'consistent', claim: { raw: 'Opus 4.7' } });
  });
});

describe('judgeSample (one stored answer)', () => {
  it('judges the sample alone, on its own words', () => {
    expect(judgeSample(sampleOf(1))).toMatchObject({ kind: 'mismatch', claim: { raw: 'gpt-4o' }, evidence: { answers: 1 }, strength: 'weak' });
  });

  it('falls back to the site operator when the page named no model', () => {
    expect(judgeSample(sampleOf(1, { claimedModel: null }))).toMatchObject({ kind: 'mismatch', claim: { basis: 'operator', family: 'openai' } });
  });
});
