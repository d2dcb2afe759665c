import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claimOf } from '@/lib/verdict/claims';
import { beyondReferences, COVERAGE, vendorRange } from '@/lib/verdict/coverage';
import { buildCoverage } from '@/lib/verdict/coverage-build';
import { compareVersions, parseModelVersion } from '@/lib/verdict/model-versions';
import { COVERAGE_FILE, corpusCoverage, coverageJson, DEFAULT_CORPUS_DIR } from '../../../scripts/build-coverage';

describe('model names as line and version', () => {
  it.each([
    // corpus ids
    ['claude-opus-4-6-adaptive', 'Claude', [4, 6]],
    ['claude-3-5-sonnet-20240620', 'Claude', [3, 5]],
    ['claude-sonnet-4-20250514', 'Claude', [4]],
    ['claude-instant-1.2', 'Claude Instant', [1, 2]],
    ['gpt-3.5-turbo-0125', 'GPT', [3, 5]],
    ['gpt-4-0314', 'GPT', [4]],
    ['chatgpt-4o-latest', 'GPT', [4]],
    ['gpt-5.4-high', 'GPT', [5, 4]],
    ['gpt-oss-120b', 'gpt-oss', null],
    ['o4-mini-high', 'o', [4]],
    ['gemini-pro', 'Gemini', [1, 0]],
    ['gemini-2.5-flash-preview-05-20', 'Gemini', [2, 5]],
    ['gemma-2b-it', 'Gemma', null], // a size, not a version
    ['gemma-3n-e4b-it', 'Gemma', [3]],
    ['Meta-Llama-3.1-405B-Instruct-Turbo', 'Llama', [3, 1]],
    ['grok-4.20-beta-0309-reasoning', 'Grok', [4, 20]],
    ['deepseek-v32-exp', 'DeepSeek V', [3, 2]],
    ['deepseek-chat-v3-0324', 'DeepSeek V', [3]],
    ['qwen3-235b-a22b', 'Qwen', [3]],
    ['Qwen1.5-110B-Chat', 'Qwen', [1, 5]],
    ['kimi-k2-0905', 'Kimi K', [2]],
    ['glm-4-32b-0414', 'GLM', [4]],
    // names as sites show them
    ['Opus 4.7', 'Claude', [4, 7]],
    ['claude-haiku-4-5', 'Claude', [4, 5]],
    ['gpt-5-5', 'GPT', [5, 5]],
    ['3 Pro', 'Gemini', [3]],
    ['K2.5 Instant', 'Kimi K', [2, 5]],
    ['moonshotai/Kimi-K2.6', 'Kimi K', [2, 6]],
    ['Qwen3-Max', 'Qwen', [3]],
    ['deepseek-ai/DeepSeek-V3.1', 'DeepSeek V', [3, 1]],
  ] as const)('%j is %s %j', (name, line, version) => {
    expect(parseModelVersion(name)).toMatchObject({ line, version });
  });

  it('knows no line for names without one', () => {
    expect(parseModelVersion('command-r-plus')).toBeNull();
    expect(parseModelVersion('Flash')).toBeNull();
  });

  it('compares versions part by part', () => {
    expect(compareVersions([4, 7], [4, 6])).toBeGreaterThan(0);
    expect(compareVersions([4], [4, 0])).toBe(0);
    expect(compareVersions([4, 1], [4, 20])).toBeLessThan(0);
  });
});

describe('coverage built from records', () => {
  it('lists exact ids per label and each vendor’s generations in words', () => {
    const c = buildCoverage([
      { file: 'a.jsonl', records: [
        { model: 'claude-2.0', label: 'claude-2', family: 'anthropic' },
        { model: 'claude-2', label: 'claude-2', family: 'anthropic' },
        { model: 'claude-sonnet-4-5', label: 'claude-4', family: 'anthropic' },
        { model: 'command-r', label: 'cohere-command', family: 'cohere' },
      ] },
    ]);
    expect(c.labels['claude-2']).toEqual({ family: 'anthropic', models: ['claude-2', 'claude-2.0'] });
    expect(c.vendors.anthropic!.range).toBe('Claude 2 to Claude 4.5');
    expect(c.vendors.cohere!.range).toBe('command-r');
    expect(c.sources).toEqual([{ file: 'a.jsonl', records: 4 }]);
  });

  it('refuses a label in two families', () => {
    expect(() => buildCoverage([{ file: 'x', records: [
      { model: 'a', label: 'l', family: 'f' },
      { model: 'b', label: 'l', family: 'g' },
    ] }])).toThrow(/two families/);
  });
});

describe('the committed coverage', () => {
  it.skipIf(!existsSync(DEFAULT_CORPUS_DIR))('matches the corpus (npm run coverage rewrites it)', () => {
    expect(readFileSync(COVERAGE_FILE, 'utf8')).toBe(coverageJson(corpusCoverage()));
  }, 60_000);

  it('says the generations of the vendors', () => {
    expect(vendorRange('anthropic')).toBe('Claude 2 to Claude 4.6, Claude Instant 1.2');
    expect(vendorRange('openai')).toMatch(/^GPT-3\.5 to GPT-5\.4/);
    expect(vendorRange('no-such-vendor')).toBeNull();
    expect(Object.keys(COVERAGE.labels)).toContain('gemini-2.5');
  });
});

describe('a claimed model newer than the references', () => {
  it.each([
    ['claude', 'Opus 4.7', { claimed: 'Claude 4.7', newest: 'Claude 4.6' }],
    ['claude', 'Sonnet 4.5', null],
    ['chatgpt', 'gpt-5-5', { claimed: 'GPT-5.5', newest: 'GPT-5.4' }],
    ['chatgpt', 'gpt-4o', null],
    ['gemini', '3 Pro', null],
    ['kimi', 'K2.6', { claimed: 'Kimi K2.6', newest: 'Kimi K2.5' }],
    ['grok', 'Grok 4', null],
    ['grok', 'Grok 5', { claimed: 'Grok 5', newest: 'Grok 4.20' }],
    ['qwen', 'Qwen3-Max', null],
    ['gemini', 'Flash', null], // a mode: the operator claim names no version
  ] as const)('on %s, %j → %j', (site, raw, expected) => {
    const claim = claimOf(site, { raw, source: raw === 'Flash' ? 'mode' : 'picker' })!;
    expect(beyondReferences(claim)).toEqual(expected);
  });
});
