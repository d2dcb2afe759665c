import { describe, expect, it } from 'vitest';
import { getDefaultSignatures, pool } from '../../../lib/fingerprint';
import type { Attribution } from '../../../lib/fingerprint';

const sig = getDefaultSignatures();

/** An attribution of `label` at `p`, the rest spread over the other labels of the bundled signatures. */
function answer(label: string, p: number): Attribution {
  const family = (l: string) => sig.json.labelFamily[l]!;
  const rest = (1 - p) / (sig.labels.length - 1);
  const models = sig.labels.map((l) => ({ model: l, family: family(l), p: l === label ? p : rest })).sort((a, b) => b.p - a.p);
  const fams = new Map<string, number>();
  for (const m of models) fams.set(m.family, (fams.get(m.family) ?? 0) + m.p);
  const families = [...fams].map(([f, q]) => ({ family: f, p: q })).sort((a, b) => b.p - a.p);
  return { model: label, family: families[0]!.family, confidence: p, undetermined: false, reason: null, models, families, explanation: [] };
}

describe('pool: mixed groups (the contract the pages read)', () => {
  it('reports answers that point to two vendors as mixed, with each vendor, its model and its share', () => {
    const p = pool([...Array.from({ length: 6 }, () => answer('gemini-3', 0.9)), ...Array.from({ length: 4 }, () => answer('gpt-4o', 0.9))]);
    expect(p.mixed).toBe(true);
    expect(p.components).toEqual([
      { family: 'google', model: 'gemini-3', share: 0.6, answers: 6 },
      { family: 'openai', model: 'gpt-4o', share: 0.4, answers: 4 },
    ]);
  });

  it('reports a group that agrees as one vendor, with no components', () => {
    const p = pool([...Array.from({ length: 9 }, () => answer('claude-4', 0.8)), answer('gpt-4o', 0.6)]);
    expect(p.mixed).toBe(false);
    expect(p.components).toEqual([]);
    expect(p.family).toBe('anthropic');
  });

  it('never names a vendor that no answer ranked first: scattered answers are mixed, the headline capped', () => {
    // Six answers, each topped by another vendor, each with the same second choice (llama-3): pooled alone,
    // that second choice would lead although no answer chose it.
    const firsts = ['gpt-4o', 'claude-4', 'gemini-2.5', 'qwen', 'mistral', 'deepseek'];
    const group = firsts.map((label) => {
      const a = answer(label, 0.3);
      const models = a.models.map((m) => (m.model === 'llama-3' ? { ...m, p: 0.28 } : m));
      return { ...a, models, families: a.families };
    });
    const p = pool(group);
    expect(p.mixed).toBe(true);
    expect(p.components.length).toBeGreaterThanOrEqual(2);
    expect(p.components.every((c) => c.answers === 1)).toBe(true);
    const meta = p.families.find((f) => f.family === 'meta')!.p;
    // The Wilson upper bound of 0 votes in 6 is about 0.39.
    expect(meta).toBeLessThan(0.4);
  });
});
