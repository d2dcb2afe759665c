import { describe, expect, test } from 'vitest';
import { defineSiteAdapter, sel, signal } from '@/lib/sites/define';
import { SITES } from '@/lib/sites/hosts';
import { adapterById, adapterForUrl, matchesPattern, siteAdapters } from '@/lib/sites/registry';

describe('site registry', () => {
  test('every site of SITES has exactly one adapter, in the same order, carrying the site\'s own facts', () => {
    expect(siteAdapters.map((a) => a.id)).toEqual(SITES.map((s) => s.id));
    for (const site of SITES) {
      const adapter = adapterById(site.id);
      expect({ id: adapter?.id, label: adapter?.label, matches: adapter?.matches }).toEqual(site);
    }
  });

  test('adapterById knows only site ids, not what every object inherits', () => {
    expect(adapterById('constructor' as never)).toBeUndefined();
    expect(adapterById('manual' as never)).toBeUndefined();
  });

  test.each([
    ['https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd', 'chatgpt'],
    ['https://chatgpt.com/', 'chatgpt'],
    ['https://chat.openai.com/c/x', 'chatgpt'],
    ['http://chatgpt.com/', null],
    ['https://evil.example/chatgpt.com/', null],
    ['https://chatgpt.com.evil.example/', null],
    ['https://example.com/', null],
    ['not a url', null],
  ])('adapterForUrl(%s) → %s', (url, id) => {
    expect(adapterForUrl(url)?.id ?? null).toBe(id);
  });

  test('adapterForUrl accepts URL objects', () => {
    expect(adapterForUrl(new URL('https://chatgpt.com/uc/x'))?.id).toBe('chatgpt');
  });

  test.each([
    ['https://*.qwen.ai/*', 'https://chat.qwen.ai/c/1', true],
    ['https://*.qwen.ai/*', 'https://qwen.ai/', true],
    ['https://*.qwen.ai/*', 'https://notqwen.ai/', false],
    ['*://poe.com/*', 'http://poe.com/chat/1', true],
    ['https://huggingface.co/chat/*', 'https://huggingface.co/chat/conversation/1', true],
    ['https://huggingface.co/chat/*', 'https://huggingface.co/models', false],
    ['https://x.com/i/grok*', 'https://x.com/i/grok?conversation=1', true],
  ])('matchesPattern(%s, %s) → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, new URL(url))).toBe(expected);
  });
});

describe('defineSiteAdapter', () => {
  const variant = {
    id: 'v',
    turn: [sel('.turn', '2026-11', 'test')],
    userMessage: [sel('.user', '2026-11', 'test')],
    assistantMessage: [sel('.bot', '2026-11', 'test')],
    generating: [],
    complete: [signal('answer', '.copy', '2026-11', 'test')],
  } as const;

  test('accepts dated selectors', () => {
    expect(() =>
      defineSiteAdapter({ id: 'chatgpt', label: 'x', matches: [] }, { conversationId: () => null, variants: [variant] }),
    ).not.toThrow();
  });

  test('rejects a selector without a date, naming it', () => {
    const undated = { ...variant, turn: [sel('.turn', 'recently', 'test')] } as const;
    expect(() =>
      defineSiteAdapter({ id: 'chatgpt', label: 'x', matches: [] }, { conversationId: () => null, variants: [undated] }),
    ).toThrow('chatgpt/v: selector ".turn" has no date (seen: "recently")');
  });
});
