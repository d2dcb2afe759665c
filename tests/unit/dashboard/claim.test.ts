import { describe, expect, it } from 'vitest';
import type { Attribution, PooledAttribution } from '@/lib/fingerprint/types';
import { judgeClaimInRows } from '@/lib/dashboard/claim';
import { resolveClaim } from '@/lib/sites/claims';
import { row } from './make-row';

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
const claim = resolveClaim({ raw: 'gpt-4o', source: 'message' });

describe('judgeClaimInRows', () => {
  it('cannot compare a claim the claims table does not know', () => {
    expect(judgeClaimInRows(firstOf, null, 'mystery-1', [row({ id: 'a' })]).kind).toBe('no-comparison');
  });

  it('is undetermined without decided verdicts', () => {
    expect(judgeClaimInRows(firstOf, claim, 'gpt-4o', [row({ id: 'a', verdict: null })]).kind).toBe('undetermined');
  });

  const cases: Array<[string, number, number, string]> = [
    ['one long answer pointing away is a moderate mismatch', 1, 300, 'moderate'],
    ['three answers pointing away strongly is a strong mismatch', 3, 100, 'strong'],
  ];
  it.each(cases)('%s', (_name, answers, words, strength) => {
    const rows = Array.from({ length: answers }, (_, i) => row({ id: String(i), verdict: anthropicLike(0.99), words }));
    const j = judgeClaimInRows(firstOf, claim, 'gpt-4o', rows);
    expect(j.kind).toBe('mismatch');
    expect(j.kind === 'mismatch' && j.strength).toBe(strength);
  });

  it('is consistent when the claimed family is closest', () => {
    const rows = [row({ id: 'a', verdict: { ...anthropicLike(0.1), families: [{ family: 'openai', p: 0.9 }, { family: 'anthropic', p: 0.1 }] } })];
    expect(judgeClaimInRows(firstOf, claim, 'gpt-4o', rows).kind).toBe('consistent');
  });
});
