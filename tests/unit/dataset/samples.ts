/**
 * Varied stored samples for the dataset tests: every site kind, claims of each source, verdicts decided
 * and undetermined, texts kept and dropped (with features), labels, notes, an imported origin, and texts
 * with the characters that break naive writers (quotes, newlines, tabs, emoji, CJK, a lone `\r`).
 */
import type { Sample } from '@/lib/sample';
import { fakeAttribute, fakeAttribution } from '../verdict/fake-engine';

const TEXTS = [
  'Sure! Here is a "quoted" answer —\nwith a new line,\ta tab and an emoji 🙂 label=claude-4 p=0.7 and enough words to be decided by the engine today.',
  '## Heading\n\n- one\n- two\n\n```ts\nconst x = "y";\n```\n中文也可以。 label=gemini-3 p=0.6 words words words words words words words words words words.',
  'Short one.',
  'A carriage\rreturn alone, backslashes \\ and a NUL-free control \u0001 char label=deepseek p=0.9 plus more words to pass twenty words in total, yes.',
];

export function makeSample(i: number, over: Partial<Sample> = {}): Sample {
  const text = `${TEXTS[i % TEXTS.length]} #${i}`;
  const site = (['chatgpt', 'claude', 'gemini', 'manual'] as const)[i % 4]!;
  const conversationId = site === 'manual' ? null : `conv-${i % 7}`;
  const base: Sample = {
    id: `${site}:${conversationId ?? 'none'}:msg-${i}`,
    site,
    url: site === 'manual' ? '' : `https://example.test/${site}/c/conv-${i % 7}`,
    conversationId,
    messageId: site === 'manual' ? null : `msg-${i}`,
    prompt: i % 5 === 0 ? '' : `prompt ${i}: what is "x"?`,
    text,
    reasoning: i % 3 === 0 ? `thinking about ${i}…` : null,
    claimedModel: i % 4 === 3 ? null : { raw: ['gpt-4o', 'Claude Sonnet 4', 'Thinking'][i % 3]!, source: (['message', 'picker', 'mode'] as const)[i % 3]! },
    capturedAt: 1_780_000_000_000 + i * 61_001,
    verdict: { version: 'fake-1', computedAt: 1_780_000_000_500 + i * 61_001, attribution: fakeAttribute(text) },
  };
  if (i % 6 === 1) base.userLabel = `label ${i}`;
  // Read on a shared-conversation page: a share id instead of a conversation id.
  if (i % 10 === 7 && site !== 'manual') {
    Object.assign(base, { id: `${site}:share:share-${i}:msg-${i}`, conversationId: null, shared: true, shareId: `share-${i}` });
  }
  if (i % 9 === 2) base.notes = `notes on ${i}\nsecond line`;
  if (i % 11 === 4) base.origin = { kind: 'imported', dataset: 'colleague-2026', importedAt: 1_779_000_000_000 };
  if (i % 8 === 5) {
    Object.assign(base, { prompt: '', text: '', reasoning: null, textDropped: true, textLength: text.length, features: { 'punct.comma': 0.01 * (i % 10), 'len.words': 40 + i } });
    base.verdict = { version: 'fake-1', computedAt: base.verdict!.computedAt, attribution: fakeAttribution('gpt-5', 0.55) };
  }
  return { ...base, ...over };
}

export const makeSamples = (n: number, from = 0) => Array.from({ length: n }, (_, i) => makeSample(from + i));
