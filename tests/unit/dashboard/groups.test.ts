import { describe, expect, it } from 'vitest';
import type { Attribution, PooledAttribution } from '@/lib/fingerprint/types';
import { poolGroups } from '@/lib/dashboard/groups';
import { NONE } from '@/lib/dashboard/query';
import { row, verdict } from './make-row';

/** A stand-in for the engine's pool(): records what it was given, answers the first verdict. */
function fakePool(seen: Attribution[][]) {
  return (results: Attribution[]): PooledAttribution => {
    seen.push(results);
    return { ...results[0]!, n: results.length, mixed: false, components: [] };
  };
}

const rows = [
  row({ id: '1', site: 'chatgpt', claimed: 'gpt-4o', verdict: verdict('gpt-4o', 'openai', 0.9) }),
  row({ id: '2', site: 'chatgpt', claimed: 'gpt-4o', verdict: verdict('gpt-4o', 'openai', 0.7) }),
  row({ id: '3', site: 'claude', claimed: 'Sonnet', verdict: verdict('claude-sonnet-4', 'anthropic', 0.6) }),
  row({ id: '4', site: 'chatgpt', claimed: null, verdict: null }),
  row({ id: '5', site: 'manual', claimed: null, userLabel: 'llama-3', verdict: verdict('llama-3', 'meta', 0.5) }),
];

describe('poolGroups', () => {
  it('groups by site, largest first, pooling only stored verdicts', () => {
    const seen: Attribution[][] = [];
    const groups = poolGroups(rows, 'site', fakePool(seen));
    expect(groups.map((g) => [g.key, g.samples.length, g.pooled?.n])).toEqual([
      ['site:chatgpt', 3, 2],
      ['site:claude', 1, 1],
      ['site:manual', 1, 1],
    ]);
    expect(seen[0]!.map((a) => a.confidence)).toEqual([0.9, 0.7]);
  });

  it('groups by claimed model, with "no model shown" as its own group, ties by name', () => {
    const groups = poolGroups(rows, 'claimed', fakePool([]));
    expect(groups.map((g) => [g.value, g.samples.length, g.pooled === null])).toEqual([
      [NONE, 2, false],
      ['gpt-4o', 2, false],
      ['Sonnet', 1, false],
    ]);
  });

  it("groups by the user's label, leaving unlabelled samples out", () => {
    expect(poolGroups(rows, 'label', fakePool([])).map((g) => [g.key, g.samples.length])).toEqual([['label:llama-3', 1]]);
  });

  it('gives no groups for no samples', () => {
    expect(poolGroups([], 'site', fakePool([]))).toEqual([]);
  });
});
