import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute, getDefaultSignatures, pool } from '../../../lib/fingerprint';
import { MAX_POOLED } from '../../../lib/fingerprint/pool';
import { LEGACY_POOL_RULES } from '../../../lib/fingerprint/pool-core';
import type { Attribution } from '../../../lib/fingerprint';

const sig = getDefaultSignatures();
// Long enough (100+ words each) to clear the abstention threshold of the bundled signatures.
const FILLER = ' It is worth noting that the details depend on the context, and there are several further points to keep in mind, such as cost, time, and the people involved, which all shape the final outcome in practice.';
const ANSWERS = [
  'Certainly! Here are some tips for better sleep:\n\n1. **Keep a schedule**: go to bed at the same time every night, even on weekends.\n2. **Limit screens**: avoid phones and laptops for an hour before bed.\n3. **Watch caffeine**: skip coffee and tea after noon.\n4. **Cool, dark room**: keep the bedroom cool and dark.' + FILLER + '\n\nI hope this helps!',
  "That's a great question. The French Revolution began in 1789 for several reasons, including a financial crisis, deep social inequality and the spread of Enlightenment ideas. The monarchy could not reform taxes, and the Estates-General turned into a National Assembly that claimed to speak for the nation." + FILLER + FILLER,
  "Look, my opponent keeps saying the data is clear, but it simply isn't. The studies they cite measure short-term effects only, and the long-term evidence points the other way. I'd ask them to address that directly instead of repeating the same slogan about efficiency." + FILLER + FILLER,
  "Here's a Python function that reverses a string:\n\n```\ndef reverse(s):\n    return s[::-1]\n```\n\nThis uses slicing with a step of -1, which walks the string backwards. It works for any string, including empty ones, and it runs in linear time." + FILLER + FILLER,
  '## Overview\n\nPhotosynthesis converts light energy into chemical energy. Plants capture sunlight with chlorophyll and use it to turn water and carbon dioxide into glucose and oxygen.' + FILLER + '\n\n## Summary\n\nIn short, it powers almost all life on Earth.' + FILLER,
];
const results: Attribution[] = ANSWERS.map((t) => attribute(t));

describe('pool', () => {
  it('is order-invariant', () => {
    fc.assert(fc.property(fc.shuffledSubarray(results, { minLength: 1 }), fc.integer(), (sub, seed) => {
      const shuffled = [...sub].sort((a, b) => ((a.confidence * 1e6 + seed) % 7) - ((b.confidence * 1e6 + seed) % 7));
      expect(pool(shuffled)).toEqual(pool(sub));
    }), { numRuns: 100 });
  });

  it('sums to 1 and covers every label and family', () => {
    const p = pool(results);
    expect(p.models.length).toBe(sig.labels.length);
    expect(p.families.length).toBe(sig.families.length);
    expect(p.models.reduce((s, m) => s + m.p, 0)).toBeCloseTo(1, 4);
    expect(p.families.reduce((s, m) => s + m.p, 0)).toBeCloseTo(1, 4);
    expect(p.n).toBe(results.filter((r) => !r.undetermined).length);
  });

  it('grows more confident as agreeing evidence accumulates', () => {
    // A weakly peaked answer (0.3 on one label), repeated: the named vendor's p grows with every doubling
    // until it reaches the ceiling a group never passes.
    const one = peaked('claude-3', 0.3);
    let prev = pool([one]).families[0]!.p;
    for (const n of [2, 4, 8, 16]) {
      const p = pool(Array.from({ length: n }, () => one));
      expect(p.family).toBe('anthropic');
      if (prev < MAX_POOLED) expect(p.families[0]!.p).toBeGreaterThan(prev);
      else expect(p.families[0]!.p).toBe(MAX_POOLED);
      prev = p.families[0]!.p;
    }
    expect(pool(Array.from({ length: 16 }, () => one)).model).toBe('claude-3');
  });

  it('skips undetermined answers and reports no evidence when nothing is left', () => {
    const empty = attribute('');
    expect(pool([empty, empty]).undetermined).toBe(true);
    expect(pool([empty, empty]).reason).toBe('no-evidence');
    expect(pool([]).n).toBe(0);
    expect(pool([empty, results[0]!]).n).toBe(1);
  });
});

/** An attribution that puts `p` on one label and spreads the rest evenly (as attribute() would shape it). */
function peaked(model: string, p: number): Attribution {
  const rest = (1 - p) / (sig.labels.length - 1);
  const models = sig.labels.map((m, c) => ({ model: m, family: sig.families[sig.familyOf[c]!]!, p: m === model ? p : rest })).sort((a, b) => b.p - a.p);
  const fam = new Map<string, number>();
  for (const m of models) fam.set(m.family, (fam.get(m.family) ?? 0) + m.p);
  const families = [...fam].map(([family, q]) => ({ family, p: q })).sort((a, b) => b.p - a.p);
  return { model: models[0]!.model, family: families[0]!.family, confidence: p, undetermined: false, reason: null, models, families, explanation: [] };
}
const familyOf = (label: string) => sig.families[sig.familyOf[sig.labels.indexOf(label)]!]!;
const [A, B, C] = ['claude-3', 'gpt-4o', 'gemini'];

describe('pool: honest about groups', () => {
  it('reports a group split between two vendors as mixed, with both components and their shares', () => {
    const group = [...Array.from({ length: 5 }, () => peaked(A!, 0.9)), ...Array.from({ length: 5 }, () => peaked(B!, 0.6))];
    // The schema-3 rules (cap on), so the cap is tested whatever the build fitted.
    const p = pool(group, { ...sig, poolRules: { ...LEGACY_POOL_RULES } });
    expect(p.mixed).toBe(true);
    expect(p.components.map((c) => c.family).sort()).toEqual([familyOf(A!), familyOf(B!)].sort());
    for (const c of p.components) {
      expect(c.share).toBeCloseTo(0.5, 6);
      expect(c.answers).toBe(5);
      expect(familyOf(c.model)).toBe(c.family);
    }
    // Mixed: the named vendor may not look more certain than half the answers support, and the capped
    // distribution is still one distribution.
    expect(p.families[0]!.p).toBeLessThanOrEqual(0.77);
    expect(p.models.reduce((s, m) => s + m.p, 0)).toBeCloseTo(1, 4);
    for (const m of p.models) expect(m.p).toBeGreaterThanOrEqual(0);
  });

  it('names up to three components of a three-way split', () => {
    const group = [A, B, C].flatMap((m) => Array.from({ length: 4 }, () => peaked(m!, 0.8)));
    const p = pool(group);
    expect(p.mixed).toBe(true);
    expect(p.components).toHaveLength(3);
  });

  it('is not mixed, and has no components, when the answers agree', () => {
    const p = pool([...Array.from({ length: 9 }, () => peaked(A!, 0.7)), peaked(B!, 0.7)]);
    expect(p.mixed).toBe(false);
    expect(p.components).toEqual([]);
    expect(p.family).toBe(familyOf(A!));
  });

  it('never reaches 100%, however many answers agree', () => {
    const p = pool(Array.from({ length: 100 }, () => peaked(A!, 0.99)));
    expect(p.families[0]!.p).toBeLessThanOrEqual(0.99);
    expect(p.confidence).toBeLessThanOrEqual(0.99);
    // What the cap frees goes to the other vendors, and nothing leaves 0..1.
    expect(p.families.reduce((s, f) => s + f.p, 0)).toBeCloseTo(1, 4);
    for (const f of p.families) expect(f.p).toBeLessThanOrEqual(1);
  });

  it('keeps the pooled model inside the pooled family', () => {
    const p = pool(results);
    expect(p.models.find((m) => m.model === p.model)!.family).toBe(p.family);
  });
});
