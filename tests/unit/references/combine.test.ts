// @needs ../shared: builds custom references from corpus answers
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, getDefaultSignatures, pool } from '@/lib/fingerprint';
import { poolWithReferences, referenceOdds, withReferences } from '@/lib/references';
import { LEGACY_POOL_RULES } from '@/lib/fingerprint/pool-core';
import { createEngine } from '@/lib/verdict/verdict-engine';
import { exampleReference } from './example-reference';

const texts = readFileSync(path.resolve(import.meta.dirname, '../../../../shared/corpus/train.jsonl'), 'utf8')
  .split('\n').slice(0, 60).filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const sig = getDefaultSignatures();
const atts = texts.map((t) => attribute(t, sig, { explain: false }));

describe('custom references in a verdict', () => {
  const features = { 'punct:em-dash': 4, 'fw:the': 1 };

  it('one reference gets exactly its calibrated probability, and the bundled labels keep their ratios', () => {
    const ref = exampleReference('custom/x');
    const mixed = withReferences(atts[0]!, features, [ref]);
    // z = (4-1)/2 = 1.5 for em dashes, 0 for "the": s = -1 + 1.5·1.5; odds = exp(1·s − 3).
    const odds = Math.exp(-1 + 2.25 - 3);
    expect(referenceOdds(ref, features)).toBeCloseTo(odds, 12);
    expect(mixed.models.find((m) => m.model === 'custom/x')!.p).toBeCloseTo(odds / (1 + odds), 6);
    const [first, second] = atts[0]!.models;
    const p = (label: string) => mixed.models.find((m) => m.model === label)!.p;
    // Probabilities are rounded to 1e-6, so the ratio holds to that precision.
    expect(p(first!.model) / p(second!.model) / (first!.p / second!.p)).toBeCloseTo(1, 3);
  });

  it('keeps one distribution: labels and families each sum to 1, families are sums of their labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: atts.length - 1 }), fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (i, em, b) => {
        const refs = [exampleReference('custom/a'), { ...exampleReference('custom/b'), family: 'openai', model: { ...exampleReference().model, calibration: { a: 1, b } } }];
        const m = withReferences(atts[i]!, { 'punct:em-dash': em, 'fw:the': 2 }, refs);
        expect(m.models.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 4);
        expect(m.families.reduce((s, x) => s + x.p, 0)).toBeCloseTo(1, 4);
        const openai = m.models.filter((x) => x.family === 'openai').reduce((s, x) => s + x.p, 0);
        expect(m.families.find((f) => f.family === 'openai')!.p).toBeCloseTo(openai, 4);
        expect(m.model).toBe(m.models[0]!.model);
      }),
      { numRuns: 100 },
    );
  });

  it('pools exactly like the engine when no custom label is present, mixed groups and caps included (one code path)', () => {
    fc.assert(
      fc.property(fc.subarray(atts, { minLength: 1 }), (some) => {
        const ours = poolWithReferences(some, sig.json.calibration);
        const engine = pool(some, sig);
        expect(ours.n).toBe(engine.n);
        expect(ours.model).toBe(engine.model);
        expect(ours.family).toBe(engine.family);
        expect(ours.mixed).toBe(engine.mixed);
        expect(ours.components).toEqual(engine.components);
        for (const m of engine.models) expect(ours.models.find((x) => x.model === m.model)!.p).toBeCloseTo(m.p, 5);
      }),
      { numRuns: 40 },
    );
  });

  it('reports a group split between a custom reference and a bundled vendor as mixed, with both components', () => {
    const ref = exampleReference('custom/a');
    const one = atts.find((a) => !a.undetermined)!;
    // Five answers the reference wins (many em dashes) and five copies of a bundled answer it does not win.
    const theirs = Array.from({ length: 5 }, () => withReferences(one, { 'punct:em-dash': 12, 'fw:the': 1 }, [ref]));
    const bundled = Array.from({ length: 5 }, () => withReferences(one, { 'punct:em-dash': 0, 'fw:the': 1 }, [ref]));
    expect(theirs[0]!.family).toBe('custom/a');
    expect(bundled[0]!.family).toBe(one.family);
    const calibration = { ...sig.json.calibration, poolRules: { ...LEGACY_POOL_RULES } };
    const p = poolWithReferences([...theirs, ...bundled], calibration);
    expect(p.mixed).toBe(true);
    expect(p.components).toEqual(expect.arrayContaining([
      expect.objectContaining({ family: 'custom/a', model: 'custom/a', answers: 5, share: 0.5 }),
      expect.objectContaining({ family: one.family, answers: 5, share: 0.5 }),
    ]));
    // The vote cap of a mixed group: no vendor above the Wilson bound of 5 in 10 (about 0.77).
    expect(p.families[0]!.p).toBeLessThanOrEqual(0.77);
    expect(p.families.reduce((s, f) => s + f.p, 0)).toBeCloseTo(1, 4);
    // The rules are read from the calibration: with a bar of one half, an even split is one vendor.
    expect(poolWithReferences([...theirs, ...bundled], { ...calibration, poolRules: { ...LEGACY_POOL_RULES, strongAgreement: 0.5 } }).mixed).toBe(false);
  });

  it('the verdict engine mixes enabled references in, and its version changes with them', () => {
    let enabled = [exampleReference('custom/a')];
    const engine = createEngine(() => sig, () => enabled);
    const withRef = engine.version;
    expect(engine.attribute(texts[0]!).models.some((m) => m.model === 'custom/a')).toBe(true);
    enabled = [];
    expect(engine.version).not.toBe(withRef);
    expect(engine.attribute(texts[0]!)).toEqual(attribute(texts[0]!, sig));
    expect(createEngine(() => sig).version).toBe(engine.version);
  });
});
