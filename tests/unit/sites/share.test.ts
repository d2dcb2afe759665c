/** `lib/sites/share.ts`: how a page URL becomes a share thread, including adapters that misbehave. */
import { describe, expect, test, vi } from 'vitest';
import type { SiteAdapter } from '@/lib/sites/define';
import { chatgpt } from '@/lib/sites/chatgpt';
import { perplexity } from '@/lib/sites/perplexity';
import { isSharePage, shareIdOf, threadOf } from '@/lib/sites/share';

const SHARE = 'https://chatgpt.com/share/6a1e0000-0000-4000-8000-00000000abcd';

describe('share threads', () => {
  test('a share URL is a shared thread with no conversation id; a chat URL is a conversation', () => {
    expect(threadOf(chatgpt, new URL(SHARE))).toEqual({ conversationId: null, shared: true, shareId: '6a1e0000-0000-4000-8000-00000000abcd' });
    expect(threadOf(chatgpt, new URL('https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd'))).toEqual({
      conversationId: '6a1e0000-0000-4000-8000-00000000abcd',
    });
    expect(threadOf(chatgpt, new URL('https://chatgpt.com/'))).toEqual({ conversationId: null });
  });

  test('a site without share pages never yields a shared thread', () => {
    expect(perplexity.shareId).toBeUndefined();
    expect(isSharePage(perplexity, 'https://www.perplexity.ai/search/how-do-tides-work-AbCdEfGh12')).toBe(false);
  });

  test('an adapter whose shareId throws or returns an empty id counts as no share page, and says so', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const throwing: SiteAdapter = { ...chatgpt, shareId: () => { throw new Error('bad pattern'); } };
    expect(shareIdOf(throwing, new URL(SHARE))).toBeNull();
    expect(threadOf(throwing, new URL(SHARE))).toEqual({ conversationId: null });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('chatgpt: reading a share id'), expect.any(Error));
    expect(shareIdOf({ ...chatgpt, shareId: () => '' }, new URL(SHARE))).toBeNull();
    warn.mockRestore();
  });

  test('an unparseable URL is not a share page', () => {
    expect(isSharePage(chatgpt, 'not a url')).toBe(false);
    expect(isSharePage(chatgpt, SHARE)).toBe(true);
  });
});
