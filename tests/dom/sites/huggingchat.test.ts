import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { INITIAL_COMPLETION, stepCompletion } from '@/lib/capture/completion';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { huggingchat, huggingchatConversationId } from '@/lib/sites/huggingchat';
import { matchesPattern } from '@/lib/sites/registry';
import { capturedAnswers } from './page-helpers';
import { sitePages } from './stream-run';

const URL_CONV = 'https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567';
const PAGES = ['complete.html', 'reasoning.html', 'streaming:mid', 'streaming:end'] as const;


let docs: Record<string, Document>;
beforeAll(async () => {
  // Mid-stream = 1.3 s: the answer has 5 of its 10 chunks and the stop button is shown.
  docs = await sitePages('huggingchat', ['complete.html', 'reasoning.html'], 1_300);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('HuggingChat selectors on the hand-built fixtures (expected match counts)', () => {
  test.each([
    // css, complete, reasoning, mid-stream, streamed
    ['[data-message-id][data-message-type="user"], [data-message-id][data-message-role="assistant"]', 4, 4, 4, 4],
    ['[data-message-type="user"]', 2, 2, 2, 2],
    ['[data-message-role="assistant"][role="presentation"]', 2, 2, 2, 2],
    ['.prose', 2, 4, 2, 2],
    ['button.stop-generating-btn', 0, 0, 1, 0],
    ['button[aria-label="Stop generating"]', 0, 0, 1, 0],
    ['.thinking-shimmer', 0, 0, 0, 0],
    ['button[title="Retry"]', 2, 2, 1, 2],
    ['div[data-message-role="assistant"] > div:nth-child(3)', 2, 2, 1, 2],
    ['[class*="group/header"]', 0, 2, 0, 0],
    ['[data-exclude-from-copy]', 0, 3, 0, 0],
    ['a[href*="/chat/settings/"]', 3, 1, 2, 3],
    // Negative controls: other sites' markup and chat-ui's retired 2023 layout are absent.
    ['[data-message-author-role]', 0, 0, 0, 0],
    ['[class*="ChatMessage_chatMessage"]', 0, 0, 0, 0],
    ['.segment-assistant', 0, 0, 0, 0],
  ])('%s: %i / %i / %i / %i', (css, ...counts) => {
    expect(PAGES.map((p) => queryAll(docs[p]!, css).length)).toEqual(counts);
  });
});

describe('HuggingChat adapter on the hand-built fixtures (2026-11-28)', () => {

  test('reasoning panels are read into `reasoning`, whole, and never reach `text`', () => {
    const saved = capturedAnswers(huggingchat, docs['reasoning.html']!, URL_CONV);
    expect(saved.map((a) => a.reasoning)).toEqual([
      'Try small primes: 13 times 17 is 221.',
      'Searched the web primes.example.org\n\nNo prime up to 14 divides 223.',
    ]);
    for (const answer of saved) expect(answer.text).not.toMatch(/13 times 17|No prime up to|Thought for|Searched/);
  });

  test('mid-stream, the streaming answer is generating, not complete, and never emitted', () => {
    const doc = docs['streaming:mid']!;
    const scan = scanPage(huggingchat, doc);
    const signals = scan.answers.map((a) => readSignals(huggingchat, scan.variant!, a, doc));
    expect(signals).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
    let state = INITIAL_COMPLETION;
    for (let at = 0; at <= 5_000; at += 600) {
      const step = stepCompletion(state, { at, ...signals[1]! });
      expect(step.emit).toBe(false);
      state = step.state;
    }
    // The partial text is readable, but nothing marks it finished.
    expect(capturedAnswers(huggingchat, doc, URL_CONV)[1]?.text).toMatch(/^A glacier carves a hollow\./);
  });

  test('the rich answer rebuilds to the expected markdown exactly (code block without language, as chat-ui renders it)', () => {
    const [answer] = capturedAnswers(huggingchat, docs['complete.html']!, URL_CONV);
    expect(answer?.text).toBe(
      [
        '## Packing a tent',
        '',
        'Use a **dry bag** and check the [fabric guide](https://example.org/tents).',
        '',
        '- Poles',
        '  - Aluminium',
        '  - Carbon',
        '- Pegs',
        '',
        '| Item | Weight |',
        '|---|---|',
        '| Tent | 2.1 kg |',
        '| Pegs | 0.3 kg |',
        '',
        '```',
        'def total(weights):',
        '    return sum(weights)',
        '```',
        '',
        'The pack weighs $W = \\sum_i w_i$ in total.',
      ].join('\n'),
    );
  });

  test('a user message is never returned as an answer', () => {
    for (const doc of Object.values(docs)) {
      const scan = scanPage(huggingchat, doc);
      for (const answer of scan.answers) {
        for (const message of answer.messages) expect(message.matches('[data-message-type="user"]')).toBe(false);
      }
      const saved = capturedAnswers(huggingchat, doc, URL_CONV);
      const prompts = saved.map((a) => a.prompt);
      for (const answer of saved) expect(prompts).not.toContain(answer.text);
    }
  });

  test('the page picker is used when no reply has a router badge, and "Omni" is a mode, not a model', () => {
    const doc = docs['complete.html']!.cloneNode(true) as Document;
    doc.querySelectorAll('[data-message-role="assistant"] a[href*="/chat/settings/"]').forEach((a) => a.remove());
    expect(capturedAnswers(huggingchat, doc, URL_CONV).map((a) => a.claimedModel)).toEqual([
      { raw: 'Omni', source: 'mode' },
      { raw: 'Omni', source: 'mode' },
    ]);
  });

});

describe('HuggingChat conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567', '6650a1b2c3d4e5f601234567'],
    ['https://huggingface.co/chat/conversation/6650A1B2C3D4E5F601234567', '6650a1b2c3d4e5f601234567'],
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567/', '6650a1b2c3d4e5f601234567'],
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567?leafId=abc', '6650a1b2c3d4e5f601234567'],
    ['https://huggingface.co/chat/', null],
    ['https://huggingface.co/chat/models/openai/gpt-oss-120b', null],
    ['https://huggingface.co/chat/settings/omni', null],
    ['https://huggingface.co/chat/conversation/not-an-object-id', null],
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f6012345', null],
    ['https://huggingface.co/conversation/6650a1b2c3d4e5f601234567', null],
  ])('%s → %s', (url, id) => {
    expect(huggingchatConversationId(new URL(url))).toBe(id);
  });
});

describe('HuggingChat match patterns cover the chat app only', () => {
  test.each([
    ['https://huggingface.co/chat', true],
    ['https://huggingface.co/chat/', true],
    ['https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567', true],
    ['https://huggingface.co/', false],
    ['https://huggingface.co/models', false],
    ['https://huggingface.co/spaces/someone/chat', false],
    ['https://huggingface.co/docs/chat-ui', false],
    ['http://huggingface.co/chat/', false],
  ])('%s → %s', (url, matched) => {
    expect(huggingchat.matches.some((p) => matchesPattern(p, new URL(url)))).toBe(matched);
  });
});
