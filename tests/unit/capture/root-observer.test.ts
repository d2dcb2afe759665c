import { describe, expect, test } from 'vitest';
import { signalAttributes } from '@/lib/capture/root-observer';
import { chatgpt } from '@/lib/sites/chatgpt';

describe('observed attributes', () => {
  test.each([
    ['a-conversation-turn', ['data-testid']],
    ['b-turn-key', ['data-testid']],
    ['c-transcript', ['data-message-streaming', 'id', 'data-message-complete']],
  ])('ChatGPT variant %s observes %j (answer-scoped signals only)', (id, expected) => {
    const variant = chatgpt.variants.find((v) => v.id === id)!;
    expect(signalAttributes(variant)).toEqual(expected);
  });
});
