/** Sample and tab-verdict builders for component tests, with verdicts from the fake engine. */
import type { TabVerdict } from '@/lib/messaging/protocol';
import type { Sample } from '@/lib/sample';
import { fakeAttribute, fakeText } from '../../unit/verdict/fake-engine';

export function sampleOf(i: number, over: Partial<Sample> = {}, text = fakeText('claude-4', 0.9)): Sample {
  return {
    id: `chatgpt:conv:m${i}`,
    site: 'chatgpt',
    url: 'https://chatgpt.com/c/conv',
    conversationId: 'conv',
    messageId: `m${i}`,
    prompt: `question ${i}`,
    text,
    reasoning: null,
    claimedModel: { raw: 'gpt-4o', source: 'message' },
    capturedAt: Date.UTC(2026, 10, 28, 12, i),
    verdict: { version: 'fake-1', computedAt: 1, attribution: fakeAttribute(text) },
    ...over,
  };
}

export function tabOf(over: Partial<TabVerdict> = {}): TabVerdict {
  return { site: 'chatgpt', recording: true, conversation: null, sample: null, claim: null, conversationAnswers: 0, ...over };
}
