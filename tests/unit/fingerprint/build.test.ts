import { describe, expect, it } from 'vitest';
import { attribute, buildSignatures, loadSignatures } from '../../../lib/fingerprint';
import { wilsonUpper } from '../../../lib/fingerprint/build';
import type { CorpusRecord } from '../../../lib/fingerprint';
import { genreWeights } from '../../../lib/fingerprint/build/select';
import type { Prepared } from '../../../lib/fingerprint/prepare';

// A synthetic corpus with three obvious styles, so a small fast build must learn them.
const TOPICS = ['rivers', 'bread', 'chess', 'rockets', 'tea', 'glaciers', 'violins', 'bees', 'deserts', 'trains', 'clouds', 'copper'];
const STYLES: Record<string, [string, (t: string, i: number) => string]> = {
  bullets: ['fam-a', (t, i) => `Certainly! Here are ${i % 5 + 3} facts about ${t}:\n\n- **Origin**: ${t} have a long history.\n- **Use**: people rely on ${t} daily.\n- **Fun fact**: ${t} are surprising.\n\nI hope this helps!`],
  dashes: ['fam-a', (t, i) => `The story of ${t} is subtle \u2014 and often misread. Historians note ${i} turning points \u2014 each of them contested \u2014 that shaped how ${t} are understood today.`],
  debate: ['fam-b', (t) => `Look, my opponent keeps insisting that ${t} are harmless. They aren't. The evidence on ${t} is clear, and I'd ask them to engage with it instead of repeating slogans.`],
};
const records: CorpusRecord[] = [];
for (const [label, [family, make]] of Object.entries(STYLES)) {
  TOPICS.forEach((t, i) => records.push({ text: make(t, i), label, family, prompt_id: `p:${t}`, task: 'chat-instruction' }));
}
const OPTIONS = { hashBits: 12, epochs: 6, keepRows: 1500, abstainFloorWords: 3, abstainRelativeAccuracy: 0 };

describe('buildSignatures', () => {
  const json = buildSignatures(records, OPTIONS);
  const sig = loadSignatures(json);

  it('builds loadable signatures with labels, families and provenance', () => {
    expect(sig.labels).toEqual(['bullets', 'dashes', 'debate']);
    expect(json.labelFamily).toEqual({ bullets: 'fam-a', dashes: 'fam-a', debate: 'fam-b' });
    expect(json.corpus.records).toBe(records.length);
    expect(json.calibration.temperature).toBeGreaterThan(0);
  });

  it.each([
    ['bullets', STYLES.bullets![1]('lanterns', 2)],
    ['dashes', STYLES.dashes![1]('lanterns', 2)],
    ['debate', STYLES.debate![1]('lanterns', 2)],
  ])('attributes an unseen %s-style answer to its label', (label, text) => {
    const a = attribute(text, sig);
    expect(a.model).toBe(label);
    expect(a.family).toBe(STYLES[label]![0]);
  });

  it('is deterministic apart from the build date', () => {
    const again = buildSignatures(records, OPTIONS);
    // The integrity hash covers the date too, so it differs with it.
    expect({ ...again, build: { ...again.build, date: '' }, integrity: '' }).toEqual({ ...json, build: { ...json.build, date: '' }, integrity: '' });
  });

  it('ships the measured accuracy by length and a fitted pooling scale', () => {
    expect(json.calibration.evidenceByLength.map((b) => b.words)).toEqual([0, 10, 25, 50, 100, 200, 400]);
    expect(json.calibration.evidenceByLength.reduce((s, b) => s + b.n, 0)).toBeGreaterThan(0);
    expect(json.calibration.poolScale).toBeGreaterThan(0);
  });

  it('never stores corpus text', () => {
    const s = JSON.stringify(json);
    for (const r of records) expect(s.includes(r.text.slice(0, 30))).toBe(false);
  });

  it('records every option candidate it trained, with one chosen, and ships the chosen skeleton setting', () => {
    const grid = buildSignatures(records, { ...OPTIONS, selectSkeleton: [1, 0], selectRateFloor: [0.02, 1], selectMinGroups: [1, 3], selectGenreBalance: [0.5, 0] });
    const sel = grid.build.selection;
    // Greedy search: the first candidate, then one more per extra value of each option.
    expect(sel.length).toBe(5);
    expect(sel.filter((c) => c.chosen)).toHaveLength(1);
    const chosen = sel.find((c) => c.chosen)!;
    for (const c of sel) expect(c.heldAccuracy).toBeLessThanOrEqual(chosen.heldAccuracy);
    expect(grid.vectorizer.blockWeights.skeleton > 0).toBe(chosen.skeleton === 1);
  });

  it('trains a single candidate when each option has one value', () => {
    const one = buildSignatures(records, { ...OPTIONS, selectSkeleton: [0], selectRateFloor: [1], selectMinGroups: [1], selectGenreBalance: [0], familyBlends: [0] });
    expect(one.build.selection).toEqual([expect.objectContaining({ skeleton: 0, rateFloor: 1, minGroups: 1, genreBalance: 0, chosen: true })]);
    expect(one.vectorizer.blockWeights.skeleton).toBe(0);
    expect(one.familyHead).toBeNull();
  });
});

describe('a build with a family head', () => {
  const json = buildSignatures(records, { ...OPTIONS, familyBlends: [0.5] });
  const sig = loadSignatures(json);

  it('ships the head with its blend and keeps models and families one distribution', () => {
    expect(json.familyHead).toMatchObject({ blend: 0.5 });
    expect(json.familyHead!.model.bias).toHaveLength(2);
    for (const [label, [family, make]] of Object.entries(STYLES)) {
      const a = attribute(make('lanterns', 2), sig);
      expect(a.model).toBe(label);
      expect(a.family).toBe(family);
      for (const f of a.families) {
        const sum = a.models.filter((m) => m.family === f.family).reduce((s, m) => s + m.p, 0);
        expect(sum).toBeCloseTo(f.p, 5);
      }
    }
  });
});

describe('wilsonUpper (abstention: a length bucket blocks only when clearly worse)', () => {
  it.each([
    [5, 10, 0.7634],
    [10, 10, 1],
    [0, 20, 0.1611],
    [30, 100, 0.3959],
    [0, 0, 1],
  ])('%i of %i -> %f', (hits, n, upper) => {
    expect(wilsonUpper(hits, n)).toBeCloseTo(upper, 4);
  });
});

describe('genre-balancing weights (a build option)', () => {
  // Only the fields genreWeights reads: 8 chat answers, 2 puzzle answers.
  const prep = { genre: [...Array(8).fill('chat'), 'puzzle', 'puzzle'], y: new Int32Array(10) } as unknown as Prepared;
  const rows = Array.from({ length: 10 }, (_, i) => i);

  it('weighs an answer of a small genre more, with mean weight 1', () => {
    const w = genreWeights(prep, rows, 0.5)!;
    expect(w[9]! / w[0]!).toBeCloseTo(Math.sqrt(8 / 2), 5);
    expect(Array.from(w).reduce((s, x) => s + x, 0) / 10).toBeCloseTo(1, 5);
  });

  it('gives no weights (every answer 1) at exponent 0', () => {
    expect(genreWeights(prep, rows, 0)).toBeUndefined();
  });
});
