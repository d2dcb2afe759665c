import { describe, expect, it } from 'vitest';
import { getDefaultSignatures, pool } from '../../../lib/fingerprint';
import type { Attribution, Signatures } from '../../../lib/fingerprint';
import { LEGACY_POOL_RULES } from '../../../lib/fingerprint/pool-core';
import type { PoolRules } from '../../../lib/fingerprint/pool-core';

const sig = getDefaultSignatures();
/** The bundled signatures with other pool rules (the mechanism, apart from what the build fitted). */
const withRules = (rules: Partial<PoolRules>): Signatures => ({ ...sig, poolRules: { ...LEGACY_POOL_RULES, ...rules } });

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
    const p = pool(group, withRules({ scatteredMin: 3, capMixed: true }));
    expect(p.mixed).toBe(true);
    expect(p.components.length).toBeGreaterThanOrEqual(2);
    expect(p.components.every((c) => c.answers === 1)).toBe(true);
    const meta = p.families.find((f) => f.family === 'meta')!.p;
    // The Wilson upper bound of 0 votes in 6 is about 0.39.
    expect(meta).toBeLessThan(0.4);
    // Below the fitted scattered size (or with the rule off), the same group is not flagged.
    expect(pool(group, withRules({ scatteredMin: 7 })).mixed).toBe(false);
    expect(pool(group, withRules({ scatteredMin: null })).mixed).toBe(false);
  });

  it('pools the bundled signatures with the rules their build fitted (calibration.poolRules)', () => {
    const fitted = sig.json.calibration.poolRules!;
    expect(sig.poolRules).toEqual({ strongAgreement: fitted.strongAgreement, componentShare: fitted.componentShare, componentAnswers: fitted.componentAnswers, scatteredMin: fitted.scatteredMin, capMixed: fitted.capMixed });
    // What the build measured them on: held-apart one-label and two-vendor groups, every candidate of the grid.
    expect(fitted.held.oneLabelGroups).toBeGreaterThan(1000);
    expect(fitted.held.twoVendorGroups).toBe(600);
    expect(fitted.held.candidates).toBe(320);
    // A 7 / 3 split is mixed exactly when the fitted rules say so.
    const group = [...Array.from({ length: 7 }, () => answer('gemini-3', 0.9)), ...Array.from({ length: 3 }, () => answer('gpt-4o', 0.9))];
    const r = sig.poolRules;
    expect(pool(group).mixed).toBe(3 >= r.componentAnswers && 0.3 >= r.componentShare && 0.7 < r.strongAgreement);
  });
});
