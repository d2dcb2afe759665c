import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { chainAll, queryAll } from '@/lib/capture/selector-query';
import { grok, grokConversationId } from '@/lib/sites/grok';
import { resolveClaim } from '@/lib/verdict/claims';
import { expectedOf, readAsExpected, signalsOf } from './fixture-expectations';
import { capturedAnswers, fixture, FIXTURES_DIR } from './page-helpers';

const URL_CHAT = 'https://grok.com/c/6a1e0000-0000-4000-8000-00000000a0a0';

/** Expected matches of each selector on each hand-built page, counted by hand. */
const SELECTOR_COUNTS: ReadonlyArray<readonly [file: string, css: string, count: number]> = [
  ['complete.html', 'div[id^="response-"]', 4],
  ['complete.html', '[data-testid="user-message"]', 2],
  ['complete.html', '[data-testid="assistant-message"]', 2],
  ['complete.html', '.action-buttons', 4],
  ['complete.html', '[data-testid="code-block"] > :not(pre):not(:has(pre))', 1],
  ['complete.html', '#model-select-trigger .font-semibold', 1],
  ['reasoning.html', '.thinking-container', 1],
  ['reasoning.html', '.streamdown-chat-md', 2],
  ['reasoning.html', 'button[aria-label="Model selection"]', 1],
  ['mid-stream.html', 'button[aria-label^="Stop"]', 1],
  ['mid-stream.html', '.action-buttons', 1],
  ['alignment.html', 'div[id^="response-"]', 4],
  ['alignment.html', '.items-end > .message-bubble', 2],
  ['alignment.html', '.items-start > .message-bubble', 2],
  ['alignment.html', '.action-buttons', 4],
  // Negative controls: the 2026-03 layout has no role test ids, so variant A must not claim it.
  ['alignment.html', '[data-testid="user-message"], [data-testid="assistant-message"]', 0],
  ['alignment-mid-stream.html', 'button[aria-label^="Stop"]', 1],
  ['streaming.html', 'div[id^="response-"]', 2],
  ['streaming.html', 'button[aria-label^="Stop"]', 0],
];

describe('Grok selectors (expected match counts per page)', () => {
  test.each(SELECTOR_COUNTS)('%s: %s matches %i', (file, css, count) => {
    expect(queryAll(fixture('grok', file), css)).toHaveLength(count);
  });
});

describe('Grok adapter on hand-built fixtures (2026-11-28)', () => {
  const STATIC_PAGES = ['complete.html', 'reasoning.html', 'mid-stream.html', 'alignment.html', 'alignment-mid-stream.html'];

  test('every fixture page is in this test', () => {
    const pages = readdirSync(path.join(FIXTURES_DIR, 'grok')).filter((f) => f.endsWith('.html'));
    // share.html (the share page) is tested by share-pages.test.ts.
    expect(pages.sort()).toEqual([...STATIC_PAGES, 'streaming.html', 'share.html'].sort());
  });

  test.each([
    ['complete.html', 'a-test-ids', 4, 2],
    ['reasoning.html', 'a-test-ids', 4, 2],
    ['mid-stream.html', 'a-test-ids', 4, 2],
    ['streaming.html', 'a-test-ids', 2, 1],
    ['alignment.html', 'b-alignment', 4, 2],
    ['alignment-mid-stream.html', 'b-alignment', 4, 2],
  ])('%s is read with variant %s: %i messages, %i prompts', (file, variant, turns, prompts) => {
    const scan = scanPage(grok, fixture('grok', file));
    expect(scan.variant?.id).toBe(variant);
    expect(scan.turns).toHaveLength(turns);
    expect(scan.turns.flatMap((t) => chainAll(t, scan.variant!.userMessage))).toHaveLength(prompts);
  });

  test.each(['reasoning.html', 'alignment.html'])('%s: the thinking container is reasoning, never text', (file) => {
    const [thought, plain] = capturedAnswers(grok, fixture('grok', file), URL_CHAT);
    expect(thought?.reasoning).toBeTruthy();
    expect(thought?.reasoning).not.toContain('Thought for');
    expect(thought?.text).not.toContain(thought!.reasoning!.slice(0, 20));
    expect(plain?.reasoning).toBeNull();
  });

  test.each(['mid-stream.html', 'alignment-mid-stream.html'])(
    '%s: the finished answer is complete; the streaming one is generating and not complete',
    (file) => {
      expect(signalsOf(grok, fixture('grok', file))).toEqual([
        { generating: false, complete: true },
        { generating: true, complete: false },
      ]);
    },
  );

  test.each(['complete.html', 'reasoning.html', 'alignment.html'])('%s: every answer is complete and nothing is generating', (file) => {
    expect(signalsOf(grok, fixture('grok', file))).toEqual([
      { generating: false, complete: true },
      { generating: false, complete: true },
    ]);
  });

  test('a model name in the picker is a picker claim; Fast / Auto / Expert are modes', () => {
    expect(capturedAnswers(grok, fixture('grok', 'complete.html'), URL_CHAT)[0]?.claimedModel).toEqual({ raw: 'Grok 4', source: 'picker' });
    expect(capturedAnswers(grok, fixture('grok', 'reasoning.html'), URL_CHAT)[0]?.claimedModel).toEqual({ raw: 'Expert', source: 'mode' });
  });

  test('the streaming page starts as one finished pair (its script adds the second)', () => {
    const doc = fixture('grok', 'streaming.html');
    expect(readAsExpected(grok, doc, URL_CHAT)).toEqual([{ ...expectedOf(doc)[0], reasoning: null }]);
    expect(signalsOf(grok, doc)).toEqual([{ generating: false, complete: true }]);
  });

});

describe('Grok claimed models (what the engine compares)', () => {
  test('"Grok 4" / "Grok 3" resolve to the xAI grok reference; Fast / Auto / Expert are never compared', () => {
    for (const file of ['complete.html', 'alignment.html']) {
      for (const answer of capturedAnswers(grok, fixture('grok', file), URL_CHAT)) {
        expect(resolveClaim(answer.claimedModel)).toMatchObject({ label: 'grok', family: 'xai' });
      }
    }
    for (const file of ['reasoning.html', 'mid-stream.html', 'streaming.html']) {
      for (const answer of capturedAnswers(grok, fixture('grok', file), URL_CHAT)) expect(resolveClaim(answer.claimedModel)).toBeNull();
    }
  });
});

describe('Grok conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://grok.com/c/6a1e0000-0000-4000-8000-00000000a0a0', '6a1e0000-0000-4000-8000-00000000a0a0'],
    ['https://grok.com/c/6A1E0000-0000-4000-8000-00000000A0A0?rid=1', '6a1e0000-0000-4000-8000-00000000a0a0'],
    ['https://grok.com/', null],
    ['https://grok.com/chat', null],
    ['https://grok.com/project/6a1e0000-0000-4000-8000-00000000a0a0', null],
    ['https://grok.com/c/', null],
    ['https://grok.com/c/xyz', null],
  ])('%s → %s', (url, id) => {
    expect(grokConversationId(new URL(url))).toBe(id);
  });
});
