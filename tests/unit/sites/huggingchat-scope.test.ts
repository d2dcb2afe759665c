/** HuggingChat is huggingface.co/chat and nothing else of huggingface.co (issue 15, failure 10). */
import { describe, expect, test } from 'vitest';
import { adapterForUrl } from '@/lib/sites/registry';

describe('the HuggingChat match patterns', () => {
  test.each([
    ['https://huggingface.co/chat', 'huggingchat'],
    ['https://huggingface.co/chat/', 'huggingchat'],
    ['https://huggingface.co/chat?model=omni', 'huggingchat'],
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567', 'huggingchat'],
    ['https://huggingface.co/chatterbox-org/chatterbox-tts', null],
    ['https://huggingface.co/chatbots', null],
    ['https://huggingface.co/chat-ui-org/model', null],
    ['https://huggingface.co/models', null],
  ])('%s → %s', (url, id) => {
    expect(adapterForUrl(url)?.id ?? null).toBe(id);
  });
});
