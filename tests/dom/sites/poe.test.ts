import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { INITIAL_COMPLETION, stepCompletion } from '@/lib/capture/completion';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { poe, poeConversationId } from '@/lib/sites/poe';
import { matchesPattern } from '@/lib/sites/registry';
import { capturedAnswers } from './page-helpers';
import { expectedOf, sitePages } from './stream-run';

const URL_CONV = 'https://poe.com/chat/2ryv2qtsmg6ldvnh9kg';
const PAGES = ['complete.html', 'reasoning.html', 'streaming:mid', 'streaming:end'] as const;

/** UI text that must never reach a saved answer or prompt: bot names, buttons, bot card, thinking header. */
const LEAKS = /Claude-Sonnet|DeepSeek-R1|GPT-5|Copy|Thinking\.\.\.|by @anthropic|…/;

let docs: Record<string, Document>;
beforeAll(async () => {
  // Mid-stream = 1.3 s: the reply has 5 of its 10 chunks and the "Stop message" button is shown.
  docs = await sitePages('poe', ['complete.html', 'reasoning.html'], 1_300);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('Poe selectors on the hand-built fixtures (expected match counts)', () => {
  test.each([
    // css, complete, reasoning, mid-stream, streamed
    ['[class*="ChatMessagesScrollWrapper_scrollableContainer"]', 1, 1, 1, 1],
    ['[class*="ChatMessagesView_messageTuple"]', 3, 2, 2, 2],
    ['[class*="ChatMessagesView_messageTuple"]:not(:has([class*="BotInfoCard"]))', 2, 2, 2, 2],
    ['[class*="ChatMessagesView_messagePair"]:not(:has([class*="BotInfoCard"]))', 0, 0, 0, 0],
    ['[class*="ChatMessage_chatMessage"]:has([class*="rightSideMessageBubble"])', 2, 2, 2, 2],
    ['[class*="Message_messageTextContainer"]', 4, 4, 4, 4],
    ['[class*="ChatMessage_chatMessage"]:not(:has([class*="rightSideMessageBubble"]))', 2, 2, 2, 2],
    ['[class*="Message_leftSideMessageBubble"]', 2, 2, 2, 2],
    ['[class*="Markdown_markdownContainer"]', 4, 4, 4, 4],
    ['[class*="Prose_prose"]', 0, 0, 0, 0],
    ['[aria-label="Stop message"]', 0, 0, 1, 0],
    ['[class*="MessageOverflowActions"]', 2, 2, 1, 2],
    ['[data-complete="true"]', 1, 1, 0, 0],
    ['[class*="LeftSideMessageHeader"]', 2, 1, 2, 2],
    ['[class*="Markdown_markdownContainer"] details', 0, 2, 0, 0],
    ['[class*="BotHeader_title"]', 1, 1, 1, 1],
    ['[class*="BotInfoCard"]', 3, 0, 0, 0],
    // Negative controls: other sites' markup is absent.
    ['[data-message-author-role]', 0, 0, 0, 0],
    ['.segment-assistant', 0, 0, 0, 0],
    ['[data-testid="assistant-message"]', 0, 0, 0, 0],
  ])('%s: %i / %i / %i / %i', (css, ...counts) => {
    expect(PAGES.map((p) => queryAll(docs[p]!, css).length)).toEqual(counts);
  });
});

describe('Poe adapter on the hand-built fixtures (2026-11-28)', () => {

  test('a folded thinking block is read into `reasoning` and never reaches `text`', () => {
    const saved = capturedAnswers(poe, docs['reasoning.html']!, URL_CONV);
    expect(saved.map((a) => a.reasoning)).toEqual([
      'Thinking...\n\n> The user wants the mechanism: fermentation gas held by gluten.',
      'Thinking...\n\n> Collapse means the structure gave way.',
    ]);
    for (const answer of saved) expect(answer.text).not.toMatch(/Thinking|mechanism|Collapse means/);
  });

  test('mid-stream, the streaming reply is generating, not complete, and never emitted', () => {
    const doc = docs['streaming:mid']!;
    const scan = scanPage(poe, doc);
    const signals = scan.answers.map((a) => readSignals(poe, scan.variant!, a, doc));
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
    expect(capturedAnswers(poe, doc, URL_CONV)[1]?.text).toMatch(/^Give it light first\./);
  });

  test('the rich answer rebuilds to the expected markdown exactly', () => {
    const [answer] = capturedAnswers(poe, docs['complete.html']!, URL_CONV);
    expect(answer?.text).toBe(
      [
        '## Sourdough starter',
        '',
        "Feed it **equal weights** of flour and water; the [baker's table](https://example.org/bread) has details.",
        '',
        '- Day 1',
        '  - Mix',
        '  - Cover loosely',
        '- Day 2',
        '',
        '| Day | Feed |',
        '|---|---|',
        '| 1 | 50 g |',
        '| 2 | 50 g |',
        '',
        '```python',
        'def feed(grams):',
        '    return {"flour": grams, "water": grams}',
        '```',
        '',
        'Hydration is $h = w / f$ by weight.',
      ].join('\n'),
    );
  });

  test('no bot name, button, bot card or thinking leaks into any answer or prompt; KaTeX is not duplicated', () => {
    for (const page of ['complete.html', 'reasoning.html', 'streaming:end']) {
      for (const answer of capturedAnswers(poe, docs[page]!, URL_CONV)) {
        expect(answer.text).not.toMatch(LEAKS);
        expect(answer.prompt).not.toMatch(LEAKS);
        expect(answer.text.match(/h = w/g)?.length ?? 0).toBeLessThanOrEqual(1);
      }
    }
  });

  test('a user message is never returned as an answer, and the bot info card is not a turn', () => {
    for (const doc of Object.values(docs)) {
      const scan = scanPage(poe, doc);
      for (const turn of scan.turns) expect(turn.querySelector('[class*="BotInfoCard"]')).toBeNull();
      for (const answer of scan.answers) {
        for (const message of answer.messages) expect(message.querySelector('[class*="rightSideMessageBubble"]')).toBeNull();
      }
      const saved = capturedAnswers(poe, doc, URL_CONV);
      for (const answer of saved) expect(saved.map((a) => a.prompt)).not.toContain(answer.text);
    }
  });

  test('the older "messagePair" tuples still read the same answers', () => {
    const doc = docs['complete.html']!.cloneNode(true) as Document;
    doc.querySelectorAll('[class*="ChatMessagesView_messageTuple"]').forEach((t) => {
      t.className = 'ChatMessagesView_messagePair__ZEXUz';
    });
    expect(capturedAnswers(poe, doc, URL_CONV).map((a) => a.text)).toEqual(expectedOf(doc).map((e) => e.text));
  });

});

describe('Poe conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://poe.com/chat/2ryv2qtsmg6ldvnh9kg', '2ryv2qtsmg6ldvnh9kg'],
    ['https://poe.com/chat/2ryv2qtsmg6ldvnh9kg/', '2ryv2qtsmg6ldvnh9kg'],
    ['https://poe.com/chat/2ryv2qtsmg6ldvnh9kg?bot=GPT-5', '2ryv2qtsmg6ldvnh9kg'],
    ['https://poe.com/', null],
    ['https://poe.com/chat', null],
    ['https://poe.com/GPT-5', null],
    ['https://poe.com/Claude-Sonnet-4.5', null],
    ['https://poe.com/chat/abc', null],
    ['https://poe.com/explore', null],
  ])('%s → %s', (url, id) => {
    expect(poeConversationId(new URL(url))).toBe(id);
  });
});

describe('Poe match patterns', () => {
  test.each([
    ['https://poe.com/chat/2ryv2qtsmg6ldvnh9kg', true],
    ['https://poe.com/', true],
    ['https://creator.poe.com/', false],
    ['https://poe.com.evil.example/', false],
    ['http://poe.com/', false],
  ])('%s → %s', (url, matched) => {
    expect(poe.matches.some((p) => matchesPattern(p, new URL(url)))).toBe(matched);
  });
});
