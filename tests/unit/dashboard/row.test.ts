import { describe, expect, it } from 'vitest';
import { PREVIEW_CHARS, previewOf, toRow } from '@/lib/dashboard/row';
import type { Sample } from '@/lib/sample';
import { verdict } from './make-row';

const base: Sample = {
  id: 'chatgpt:c:m',
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/c',
  conversationId: 'c',
  messageId: 'm',
  prompt: 'Explain Rust lifetimes',
  text: '## Lifetimes\n\nA **lifetime** is…',
  reasoning: null,
  claimedModel: { raw: 'GPT-4o', source: 'message' },
  capturedAt: 1_700_000_000_000,
};

describe('toRow', () => {
  it('reads a decided verdict', () => {
    const r = toRow({ ...base, verdict: { version: 'v', computedAt: 1, attribution: verdict('gpt-4o', 'openai', 0.8) } });
    expect(r).toMatchObject({ claimed: 'GPT-4o', model: 'gpt-4o', family: 'openai', confidence: 0.8, undetermined: false });
    expect(r.haystack).toContain('explain rust lifetimes');
    expect(r.haystack).toContain('gpt-4o');
    expect(r.preview).toBe('Lifetimes A lifetime is…');
    expect(r.words).toBe(5);
  });

  it('lists a model of the vendor it lists, even from a verdict whose top model is another vendor’s', () => {
    // gemma (google) is the single best label, but openai's labels together outweigh google: the row reads
    // "gpt-4o (OpenAI)", never "gemma (openai)".
    const a = {
      ...verdict('gemma', 'google', 0.3),
      family: 'openai',
      models: [
        { model: 'gemma', family: 'google', p: 0.3 },
        { model: 'gpt-4o', family: 'openai', p: 0.25 },
        { model: 'gpt-5', family: 'openai', p: 0.2 },
        { model: 'claude-4', family: 'anthropic', p: 0.25 },
      ],
      families: [{ family: 'openai', p: 0.45 }, { family: 'google', p: 0.3 }, { family: 'anthropic', p: 0.25 }],
    };
    expect(toRow({ ...base, verdict: { version: 'v', computedAt: 1, attribution: a } })).toMatchObject({ model: 'gpt-4o', family: 'openai', confidence: 0.25 });
  });

  it('carries the claim resolved when the listing was written', () => {
    expect(toRow(base).claim).toEqual({ basis: 'model', site: 'chatgpt', raw: 'GPT-4o', label: 'gpt-4o', family: 'openai' });
    expect(toRow({ ...base, claimedModel: null }).claim).toEqual({ basis: 'operator', site: 'chatgpt', raw: null, label: null, family: 'openai' });
  });

  it('treats a missing verdict as undetermined', () => {
    expect(toRow(base)).toMatchObject({ model: null, family: null, confidence: 0, undetermined: true, verdict: null });
  });

  it('treats an undetermined verdict as undetermined but keeps it', () => {
    const v = { ...verdict('gpt-4o', 'openai', 0), undetermined: true, reason: 'too-short' };
    const r = toRow({ ...base, verdict: { version: 'v', computedAt: 1, attribution: v } });
    expect(r).toMatchObject({ model: null, undetermined: true, confidence: 0 });
    expect(r.verdict).toBe(v);
  });

  it('marks samples whose text was not kept', () => {
    expect(toRow({ ...base, text: '', textDropped: true, textLength: 600 })).toMatchObject({ textDropped: true, preview: '', words: 100 });
  });
});

describe('previewOf', () => {
  it('cuts long text with an ellipsis', () => {
    const p = previewOf('word '.repeat(100));
    expect(p.length).toBeLessThanOrEqual(PREVIEW_CHARS);
    expect(p.endsWith('…')).toBe(true);
  });
});
