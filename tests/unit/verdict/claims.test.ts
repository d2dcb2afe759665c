import { describe, expect, it } from 'vitest';
import { CLAIM_ROWS } from '@/lib/verdict/claim-table';
import { claimOf, normalizeClaim, resolveClaim } from '@/lib/verdict/claims';
import { SITE_OPERATORS } from '@/lib/verdict/site-operators';
import { SITE_IDS } from '@/lib/sites/hosts';
import { FAMILIES_BY_LABEL } from './reference-labels';

const FAMILIES = new Set(Object.values(FAMILIES_BY_LABEL));

describe('the claimed-model table', () => {
  it.each(CLAIM_ROWS.flatMap((row, i) => row.examples.map((ex) => [ex, i] as const)))(
    'resolves %j to its own row (%i)',
    (example, i) => {
      const key = normalizeClaim(example);
      expect(CLAIM_ROWS.findIndex((r) => r.pattern.test(key))).toBe(i);
    },
  );

  it('names only labels and families the engine knows, and a label of the right family', () => {
    for (const row of CLAIM_ROWS) {
      expect(FAMILIES).toContain(row.family);
      if (row.label !== null) expect(FAMILIES_BY_LABEL[row.label]).toBe(row.family);
    }
  });

  it.each([
    ['gpt-4o', 'gpt-4o', 'openai'],
    ['gpt-5-5', 'gpt-5', 'openai'],
    ['Sonnet 4.5', 'claude-4', 'anthropic'],
    ['gpt-4-1-mini', null, 'openai'],
    ['2.5 Pro', null, 'google'],
  ])('maps %j to %j of %j and keeps the raw name', (raw, label, family) => {
    expect(resolveClaim({ raw, source: 'message' })).toEqual({ raw, source: 'message', label, family });
  });

  it('does not resolve unknown names, modes or missing claims to a model', () => {
    expect(resolveClaim({ raw: 'Copilot Smart', source: 'picker' })).toBeNull();
    expect(resolveClaim({ raw: 'gpt-4o', source: 'mode' })).toBeNull();
    expect(resolveClaim({ raw: 'Thinking', source: 'picker' })).toBeNull();
    expect(resolveClaim(null)).toBeNull();
  });

  it('normalises case, spaces, dots and underscores alike', () => {
    expect(normalizeClaim('  Claude_Sonnet 4.5 ')).toBe('claude-sonnet-4-5');
  });
});

describe('the site operators', () => {
  it('list every site, with a family the engine knows or null for multi-vendor sites', () => {
    expect(Object.keys(SITE_OPERATORS).sort()).toEqual([...SITE_IDS].sort());
    for (const { family } of Object.values(SITE_OPERATORS)) if (family !== null) expect(FAMILIES).toContain(family);
  });

  it.each([
    ['gemini', 'Flash', 'google'],
    ['claude', null, 'anthropic'],
    ['grok', 'Expert', 'xai'],
    ['deepseek', 'DeepThink', 'deepseek'],
    ['lechat', 'Think', 'mistral'],
    ['qwen', null, 'alibaba'],
    ['kimi', null, 'moonshot'],
    ['metaai', null, 'meta'],
    ['copilot', 'Smart', 'openai'],
    ['chatgpt', null, 'openai'],
  ] as const)('on %s, a page showing %j claims its operator: %s', (site, mode, family) => {
    const claimed = mode === null ? null : { raw: mode, source: 'mode' as const };
    expect(claimOf(site, claimed)).toEqual({ basis: 'operator', site, raw: mode, label: null, family });
  });

  it.each(['perplexity', 'poe', 'huggingchat'] as const)('on %s (many vendors) only a named model is a claim', (site) => {
    expect(claimOf(site, null)).toBeNull();
    expect(claimOf(site, { raw: 'Best', source: 'mode' })).toBeNull();
    expect(claimOf(site, { raw: 'mystery-model-9', source: 'picker' })).toBeNull();
    expect(claimOf(site, { raw: 'Claude Sonnet 4.5', source: 'picker' })).toMatchObject({ basis: 'model', family: 'anthropic', label: 'claude-4' });
  });

  it('prefers a named model to the operator, and falls back to the operator for a name no row knows', () => {
    expect(claimOf('chatgpt', { raw: 'gpt-4o-mini', source: 'message' })).toEqual({ basis: 'model', site: 'chatgpt', raw: 'gpt-4o-mini', label: 'gpt-4o-mini', family: 'openai' });
    expect(claimOf('chatgpt', { raw: 'gpt-9-ultra', source: 'message' })).toEqual({ basis: 'operator', site: 'chatgpt', raw: 'gpt-9-ultra', label: null, family: 'openai' });
    expect(claimOf('gemini', { raw: '3 Pro', source: 'picker' })).toMatchObject({ basis: 'model', label: 'gemini-3', family: 'google' });
  });

  it('makes no claim for pasted texts', () => {
    expect(claimOf('manual', null)).toBeNull();
    expect(claimOf('manual', { raw: 'gpt-4o', source: 'message' })).toMatchObject({ basis: 'model', family: 'openai' });
  });
});
