import { describe, expect, it } from 'vitest';
import { CLAIM_ROWS, normalizeClaim, resolveClaim } from '@/lib/sites/claims';
import { FAMILIES_BY_LABEL } from './reference-labels';

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
      expect(Object.values(FAMILIES_BY_LABEL)).toContain(row.family);
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

  it('does not compare unknown names, modes or missing claims', () => {
    expect(resolveClaim({ raw: 'Copilot Smart', source: 'picker' })).toBeNull();
    expect(resolveClaim({ raw: 'gpt-4o', source: 'mode' })).toBeNull();
    expect(resolveClaim({ raw: 'Thinking', source: 'picker' })).toBeNull();
    expect(resolveClaim(null)).toBeNull();
  });

  it('normalises case, spaces, dots and underscores alike', () => {
    expect(normalizeClaim('  Claude_Sonnet 4.5 ')).toBe('claude-sonnet-4-5');
  });
});
