import type { Attribution } from '@/lib/fingerprint/types';
import type { SampleRow } from '@/lib/dashboard/row';

/** A decided attribution over a few labels, `top` first with probability `p`. */
export function verdict(top: string, family: string, p: number): Attribution {
  const rest = (1 - p) / 2;
  return {
    model: top,
    family,
    confidence: p,
    undetermined: false,
    reason: null,
    models: [
      { model: top, family, p },
      { model: 'other-a', family: 'x', p: rest },
      { model: 'other-b', family: 'y', p: rest },
    ],
    families: [{ family, p }],
    explanation: [],
  };
}

export function row(over: Partial<SampleRow> & { id: string }): SampleRow {
  return {
    site: 'chatgpt',
    claimed: 'gpt-4o',
    claimSource: 'message',
    claim: { basis: 'model', site: 'chatgpt', raw: 'gpt-4o', label: 'gpt-4o', family: 'openai' },
    userLabel: null,
    model: 'gpt-4o',
    family: 'openai',
    confidence: 0.8,
    undetermined: false,
    capturedAt: Date.UTC(2026, 6, 1),
    words: 100,
    preview: '',
    haystack: '',
    verdict: null,
    textDropped: false,
    ...over,
  };
}
