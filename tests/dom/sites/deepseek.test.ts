import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { deepseek, deepseekConversationId } from '@/lib/sites/deepseek';
import { resolveClaim } from '@/lib/verdict/claims';
import { expectedOf, readAsExpected, signalsOf } from './fixture-expectations';
import { capturedAnswers, fixture, FIXTURES_DIR } from './page-helpers';

const URL_CHAT = 'https://chat.deepseek.com/a/chat/s/6a1e0000-0000-4000-8000-00000000d5e1';

/** Expected matches of each selector on each hand-built page, counted by hand. */
const SELECTOR_COUNTS: ReadonlyArray<readonly [file: string, css: string, count: number]> = [
  ['complete.html', '[data-virtual-list-item-key]', 4],
  ['complete.html', '.ds-message:has(.ds-collapsible-text)', 2],
  ['complete.html', '.ds-message:has(.ds-markdown)', 2],
  ['complete.html', '.ds-markdown.ds-assistant-message-main-content', 2],
  ['complete.html', '.ds-message + div .ds-button--iconLabelTertiary', 5],
  ['complete.html', '.ds-markdown-cite', 1],
  ['complete.html', '.md-code-block > :not(pre)', 1],
  ['complete.html', 'div.ds-toggle-button[aria-pressed="true"]', 1],
  ['complete.html', 'div[role="button"].ds-button--primary.ds-button--circle:has(rect)', 0],
  ['reasoning.html', '.ds-think-content', 1],
  ['reasoning.html', ':has(> .ds-think-content) > :not(.ds-think-content)', 1],
  ['reasoning.html', '.ds-markdown', 3],
  ['mid-stream.html', 'div[role="button"].ds-button--primary.ds-button--circle:has(rect)', 1],
  ['mid-stream.html', '.ds-message + div .ds-button--iconLabelTertiary', 1],
  ['unkeyed.html', '[data-virtual-list-item-key]', 2],
  ['unkeyed.html', '.ds-virtual-list-visible-items > *', 7],
  // The spacer row holds no message: not a turn.
  ['unkeyed.html', '.ds-virtual-list-visible-items > :has(.ds-message)', 4],
  // Sidebar history rows are keyed too, but hold no message (they must not make variant A win).
  ['unkeyed.html', '[data-virtual-list-item-key]:has(.ds-message)', 0],
  ['complete.html', '[data-virtual-list-item-key]:has(.ds-message)', 4],
  ['unkeyed.html', '.ds-think-content', 1],
  ['unkeyed-mid-stream.html', '.ds-button--circle .ds-loading svg[data-icon="spin"]', 1],
  ['unkeyed-mid-stream.html', '.ds-markdown.ds-assistant-message-main-content', 1],
  ['streaming.html', '[data-virtual-list-item-key]', 2],
  ['streaming.html', 'div[role="button"].ds-button--primary.ds-button--circle:has(rect)', 0],
  // Negative control: the 2025-09 hashed thinking class is not what the adapter relies on.
  ['reasoning.html', '._7d763a7', 0],
];

describe('DeepSeek selectors (expected match counts per page)', () => {
  test.each(SELECTOR_COUNTS)('%s: %s matches %i', (file, css, count) => {
    expect(queryAll(fixture('deepseek', file), css)).toHaveLength(count);
  });
});

describe('DeepSeek adapter on hand-built fixtures (2026-11-28)', () => {
  const STATIC_PAGES = ['complete.html', 'reasoning.html', 'mid-stream.html', 'unkeyed.html', 'unkeyed-mid-stream.html'];

  test('every fixture page is in this test', () => {
    const pages = readdirSync(path.join(FIXTURES_DIR, 'deepseek')).filter((f) => f.endsWith('.html'));
    // share.html (the share page) is tested by share-pages.test.ts.
    expect(pages.sort()).toEqual([...STATIC_PAGES, 'streaming.html', 'share.html'].sort());
  });

  test.each([
    ['complete.html', 'a-keyed-rows'],
    ['reasoning.html', 'a-keyed-rows'],
    ['mid-stream.html', 'a-keyed-rows'],
    ['streaming.html', 'a-keyed-rows'],
    ['unkeyed.html', 'b-unkeyed-rows'],
    ['unkeyed-mid-stream.html', 'b-unkeyed-rows'],
  ])('%s is read with variant %s', (file, variant) => {
    expect(scanPage(deepseek, fixture('deepseek', file)).variant?.id).toBe(variant);
  });

  test('the think block is reasoning, its header is neither text nor reasoning', () => {
    const [thought, plain] = capturedAnswers(deepseek, fixture('deepseek', 'reasoning.html'), URL_CHAT);
    expect(thought).toMatchObject({
      text: 'No: 221 = 13 × 17.',
      reasoning: 'Try small primes up to the square root, which is about 14.9.\n\n13 × 17 = 221, so it factors.',
      claimedModel: { raw: 'DeepThink', source: 'mode' },
    });
    expect(plain?.reasoning).toBeNull();
  });

  test('the Search toggle is never a claim; "DeepThink (R1)" names a model (picker), plain DeepThink is a mode', () => {
    expect(capturedAnswers(deepseek, fixture('deepseek', 'complete.html'), URL_CHAT)[0]?.claimedModel).toBeNull();
    expect(capturedAnswers(deepseek, fixture('deepseek', 'unkeyed-mid-stream.html'), URL_CHAT)[0]?.claimedModel).toEqual({
      raw: 'DeepThink (R1)',
      source: 'picker',
    });
    expect(capturedAnswers(deepseek, fixture('deepseek', 'unkeyed.html'), URL_CHAT)[0]?.claimedModel).toEqual({ raw: '深度思考', source: 'mode' });
  });

  test.each(['mid-stream.html', 'unkeyed-mid-stream.html'])(
    '%s: the finished answer is complete; the streaming one is generating and not complete',
    (file) => {
      expect(signalsOf(deepseek, fixture('deepseek', file))).toEqual([
        { generating: false, complete: true },
        { generating: true, complete: false },
      ]);
    },
  );

  test.each(['complete.html', 'reasoning.html', 'unkeyed.html'])('%s: every answer is complete and nothing is generating', (file) => {
    expect(signalsOf(deepseek, fixture('deepseek', file))).toEqual([
      { generating: false, complete: true },
      { generating: false, complete: true },
    ]);
  });

  test('the streaming page starts as one finished pair (its script adds the second)', () => {
    const doc = fixture('deepseek', 'streaming.html');
    expect(readAsExpected(deepseek, doc, URL_CHAT)).toEqual([{ ...expectedOf(doc)[0], reasoning: null }]);
    expect(signalsOf(deepseek, doc)).toEqual([{ generating: false, complete: true }]);
  });

  test('message ids are not taken from row keys (they are list positions, reused across conversations)', () => {
    expect(capturedAnswers(deepseek, fixture('deepseek', 'complete.html'), URL_CHAT).map((a) => a.messageId)).toEqual([null, null]);
  });

});

describe('DeepSeek claimed models (what the engine compares)', () => {
  test('DeepThink and the mode radios are never compared; "DeepThink (R1)" resolves to the deepseek family', () => {
    for (const file of ['reasoning.html', 'unkeyed.html']) {
      for (const answer of capturedAnswers(deepseek, fixture('deepseek', file), URL_CHAT)) expect(resolveClaim(answer.claimedModel)).toBeNull();
    }
    const [answer] = capturedAnswers(deepseek, fixture('deepseek', 'unkeyed-mid-stream.html'), URL_CHAT);
    expect(resolveClaim(answer!.claimedModel)).toMatchObject({ label: 'deepseek', family: 'deepseek' });
  });
});

describe('DeepSeek conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://chat.deepseek.com/a/chat/s/6a1e0000-0000-4000-8000-00000000d5e1', '6a1e0000-0000-4000-8000-00000000d5e1'],
    ['https://chat.deepseek.com/a/chat/s/6A1E0000-0000-4000-8000-00000000D5E1/', '6a1e0000-0000-4000-8000-00000000d5e1'],
    // A share link is someone else's conversation: no conversation id (its share id: share-pages.test.ts).
    ['https://chat.deepseek.com/share/k3x9q2abcd', null],
    ['https://chat.deepseek.com/', null],
    ['https://chat.deepseek.com/a/chat/', null],
    ['https://chat.deepseek.com/a/chat/s/', null],
    ['https://chat.deepseek.com/a/chat/s/not-a-uuid', null],
    ['https://chat.deepseek.com/sign_in', null],
  ])('%s → %s', (url, id) => {
    expect(deepseekConversationId(new URL(url))).toBe(id);
  });
});
