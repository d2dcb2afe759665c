import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDefaultSignatures } from '../../../lib/fingerprint';
import { toClassifyLine, type ClassifyLine } from '../../../lib/node/classify-lines';
import { DEBATE_ANSWER, MARKDOWN_ANSWER, PROSE_ANSWER } from './fixtures';
import { runCli } from './run-cli';


const TEXTS = { prose: PROSE_ANSWER, markdown: MARKDOWN_ANSWER, debate: DEBATE_ANSWER, short: 'Sure.', empty: '' };
const sig = getDefaultSignatures();
const labelFamily = sig.json.labelFamily;
let dir: string;
let lines: ClassifyLine[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'modelprint-schema-'));
  await writeFile(join(dir, 'in.jsonl'), Object.entries(TEXTS).map(([id, text]) => JSON.stringify({ id, text })).join('\n'));
  const run = await runCli(['classify', join(dir, 'in.jsonl')]);
  expect(run.code).toBe(0);
  lines = run.lines() as unknown as ClassifyLine[];
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const sum = (ps: number[]) => ps.reduce((a, b) => a + b, 0);
const isSortedDesc = (ps: number[]) => ps.every((p, i) => i === 0 || ps[i - 1]! >= p);

describe('classify output schema', () => {
  it('has exactly the documented keys, in the documented order', () => {
    for (const line of lines) {
      const keys = ['id', 'model', 'family', 'confidence', 'undetermined', ...(line.undetermined ? ['reason'] : []), 'models', 'families', 'explanation'];
      expect(Object.keys(line), String(line.id)).toEqual(keys);
    }
  });

  it.each(Object.keys(TEXTS))('"%s": every known model and family appears once, sorted by p, summing to 1', (id) => {
    const line = lines.find((candidate) => candidate.id === id)!;
    expect(line.models.map((m) => m.model).sort()).toEqual([...sig.labels].sort());
    expect(line.families.map((f) => f.family).sort()).toEqual([...sig.families].sort());
    expect(isSortedDesc(line.models.map((m) => m.p))).toBe(true);
    expect(isSortedDesc(line.families.map((f) => f.p))).toBe(true);
    expect(sum(line.models.map((m) => m.p))).toBeCloseTo(1, 4);
    expect(sum(line.families.map((f) => f.p))).toBeCloseTo(1, 4);
    for (const m of line.models) {
      expect(m.family).toBe(labelFamily[m.model]);
      expect(m.p).toBeGreaterThanOrEqual(0);
    }
  });

  it('names the top family as "family", its top model as "model" and that model\'s p as "confidence" when determined', () => {
    const determined = lines.filter((line) => !line.undetermined);
    expect(determined.map((line) => line.id)).toEqual(expect.arrayContaining(['prose', 'markdown', 'debate']));
    for (const line of determined) {
      expect(line.family).toBe(line.families[0]!.family);
      // docs/cli.md: `model` always belongs to `family` (the top label within it, not necessarily models[0]).
      const ofFamily = line.models.filter((m) => m.family === line.family);
      expect(line.model).toBe(ofFamily[0]!.model);
      expect(line.confidence).toBe(ofFamily[0]!.p);
      expect(line.explanation.length).toBeGreaterThan(0);
      for (const sentence of line.explanation) expect(typeof sentence).toBe('string');
    }
  });

  it('marks empty and very short texts undetermined with a reason, and still lists every label', () => {
    for (const id of ['empty', 'short']) {
      const line = lines.find((candidate) => candidate.id === id)!;
      expect(line).toMatchObject({ model: null, family: null, confidence: 0, undetermined: true });
      expect(line.reason).toMatch(/^[a-z-]+$/);
      expect(line.models).toHaveLength(sig.labels.length);
    }
  });

  it('rounds probabilities to 6 decimals at output only', () => {
    const line = toClassifyLine('x', {
      model: 'a', family: 'f', confidence: 0.123456789, undetermined: false, reason: null,
      models: [{ model: 'a', family: 'f', p: 0.123456789 }, { model: 'b', family: 'f', p: 0.876543211 }],
      families: [{ family: 'f', p: 1 }],
      explanation: [],
    });
    expect(line.confidence).toBe(0.123457);
    expect(line.models.map((m) => m.p)).toEqual([0.123457, 0.876543]);
  });
});

describe('classify --no-explain', () => {
  it('gives the same scores with an empty explanation', async () => {
    const run = await runCli(['classify', '--no-explain', join(dir, 'in.jsonl')]);
    expect(run.code).toBe(0);
    const fast = run.lines() as unknown as ClassifyLine[];
    expect(fast).toEqual(lines.map((line) => ({ ...line, explanation: [] })));
  });
});

describe('classify --pool', () => {
  it('prints one line for all answers, counting only those with evidence', async () => {
    const run = await runCli(['classify', '--pool', join(dir, 'in.jsonl')]);
    expect(run.code).toBe(0);
    const [pooled, ...rest] = run.lines() as unknown as ClassifyLine[];
    expect(rest).toEqual([]);
    expect(pooled!.id).toBe(join(dir, 'in.jsonl'));
    expect(pooled!.n).toBe(lines.filter((line) => !line.undetermined).length);
    expect(pooled!.models.map((m) => m.model).sort()).toEqual([...sig.labels].sort());
    expect(sum(pooled!.models.map((m) => m.p))).toBeCloseTo(1, 4);
    expect(Object.keys(pooled!).slice(-3)).toEqual(['n', 'mixed', 'components']);
    expect(typeof pooled!.mixed).toBe('boolean');
    expect(pooled!.components!.length === 0).toBe(!pooled!.mixed);
    expect(labelFamily[pooled!.model!]).toBe(pooled!.family);
  });
});

describe('modelprint fingerprint', () => {
  it('prints one feature vector per answer, tagged with the feature-set version', async () => {
    const run = await runCli(['fingerprint', join(dir, 'in.jsonl')]);
    expect(run.code).toBe(0);
    const vectors = run.lines();
    expect(vectors.map((v) => v.id)).toEqual(Object.keys(TEXTS));
    for (const v of vectors) {
      expect(Object.keys(v)).toEqual(['id', 'featureSetVersion', 'features']);
      const values = Object.values(v.features as Record<string, number>);
      expect(values.length).toBeGreaterThan(5);
      for (const value of values) expect(Number.isFinite(value)).toBe(true);
    }
    // Different texts must give different vectors, or the command prints nothing useful.
    expect(JSON.stringify(vectors[0]!.features)).not.toBe(JSON.stringify(vectors[1]!.features));
  });
});
