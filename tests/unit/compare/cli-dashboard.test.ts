// @needs ../shared: feeds corpus answers to the CLI and the dashboard path
/**
 * The acceptance point "the CLI and the dashboard give the same numbers on the same samples": one group of
 * corpus answers goes to `modelprint compare --json` (a file) and through the dashboard's path (samples as the
 * background stores them → sampleAnswer → runComparison, what the worker runs), with and without a pack.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '@/cli/main';
import { runComparison, COMPARE_DEFAULTS } from '@/lib/compare';
import { sampleAnswer } from '@/lib/compare/sample-answer';
import { attribute, fingerprint, getDefaultSignatures, FEATURE_SET_VERSION } from '@/lib/fingerprint';
import { buildFromAnswers, makePack, referenceEngine, type CustomReference } from '@/lib/references';
import { bundledBackground } from '@/lib/references/bundled-background';
import type { Sample } from '@/lib/sample';

const corpus = readFileSync(path.resolve(import.meta.dirname, '../../../../shared/corpus/train.jsonl'), 'utf8')
  .split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; label: string; text: string; prompt: string });
const of = (label: string, n: number) => corpus.filter((r) => r.label === label).slice(0, n);
const dir = mkdtempSync(path.join(tmpdir(), 'mp-compare-'));

function file(name: string, records: Array<{ id: string; text: string }>): string {
  const p = path.join(dir, name);
  writeFileSync(p, records.map((r) => JSON.stringify({ id: r.id, text: r.text })).join('\n') + '\n');
  return p;
}

async function cli(args: string[]): Promise<unknown> {
  const stdout = new PassThrough(), stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += c));
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr });
  expect(code).toBe(0);
  return JSON.parse(out);
}

/** A sample as the background stores a pasted answer (text kept, verdict computed). */
function stored(r: { id: string; text: string; prompt: string }, i: number): Sample {
  return {
    id: `manual:${i}`, site: 'manual', url: '', conversationId: null, messageId: null, prompt: r.prompt, text: r.text, reasoning: null,
    claimedModel: null, capturedAt: i, verdict: { version: 'v', computedAt: 0, attribution: attribute(r.text) },
  } as Sample;
}

const options = { seed: COMPARE_DEFAULTS.seed, permutations: 200, resamples: 200 };
const flags = ['--permutations', '200', '--resamples', '200'];

describe('the CLI and the dashboard give the same numbers on the same samples', () => {
  const a = of('gpt-4', 25), b = of('claude-2', 25);
  const sig = getDefaultSignatures();

  it('one group against every reference', async () => {
    const dashboard = runComparison({ name: 'group A', answers: a.map(stored).map(sampleAnswer) }, null, referenceEngine(sig, []), options);
    expect(await cli(['compare', '--json', ...flags, file('a.jsonl', a)])).toEqual(dashboard.json);
  }, 30_000);

  it('two groups, with a signature pack of custom references on both sides', async () => {
    const ref: CustomReference = buildFromAnswers(of('llama-2', 30).map((r) => ({ text: r.text })), sig, bundledBackground(), { name: 'house', seed: 1 });
    const packPath = path.join(dir, 'pack.json');
    writeFileSync(packPath, JSON.stringify(makePack([ref], FEATURE_SET_VERSION, 'test')));
    const engine = referenceEngine(sig, [ref]);
    const dashboard = runComparison({ name: 'group A', answers: a.map(stored).map(sampleAnswer) }, { name: 'group B', answers: b.map(stored).map(sampleAnswer) }, engine, options);
    const fromCli = await cli(['compare', '--json', ...flags, '--signatures', packPath, file('a.jsonl', a), file('b.jsonl', b)]);
    expect(fromCli).toEqual(dashboard.json);
    const ranked = runComparison({ name: 'group A', answers: a.map(stored).map(sampleAnswer) }, null, engine, options);
    expect((ranked.json as { references: Array<{ label: string }> }).references.some((r) => r.label === 'custom/house')).toBe(true);
    expect(await cli(['compare', '--json', ...flags, '--signatures', packPath, file('a.jsonl', a)])).toEqual(ranked.json);
  }, 60_000);

  it('a sample whose text was dropped is compared from its stored features and verdict', () => {
    const keep = a.map(stored);
    const dropped = keep.map((s) => ({ ...s, text: '', textDropped: true, features: fingerprint(s.text) }) as Sample);
    const engine = referenceEngine(sig, []);
    expect(runComparison({ name: 'A', answers: dropped.map(sampleAnswer) }, null, engine, options).json)
      .toEqual(runComparison({ name: 'A', answers: keep.map(sampleAnswer) }, null, engine, options).json);
  }, 30_000);
});
