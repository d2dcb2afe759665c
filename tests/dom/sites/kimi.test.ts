import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { INITIAL_COMPLETION, stepCompletion } from '@/lib/capture/completion';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { kimi, kimiConversationId } from '@/lib/sites/kimi';
import { matchesPattern } from '@/lib/sites/registry';
import { capturedAnswers } from './page-helpers';
import { expectedOf, sitePages } from './stream-run';

const URL_CONV = 'https://www.kimi.com/chat/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7';
const PAGES = ['complete.html', 'reasoning.html', 'streaming:mid', 'streaming:end'] as const;


let docs: Record<string, Document>;
beforeAll(async () => {
  // Mid-stream = 1.3 s: the answer has 5 of its 10 chunks and `.send-button-container.stop` is shown.
  docs = await sitePages('kimi', ['complete.html', 'reasoning.html'], 1_300);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('Kimi selectors on the hand-built fixtures (expected match counts)', () => {
  test.each([
    // css, complete, reasoning, mid-stream, streamed
    ['.chat-content-item-user, .chat-content-item-assistant', 4, 4, 4, 4],
    ['.segment-user, .segment-assistant', 4, 4, 4, 4],
    ['.segment-user', 2, 2, 2, 2],
    ['.user-content', 2, 2, 2, 2],
    ['.user-content__text', 2, 2, 2, 2],
    ['.segment-assistant', 2, 2, 2, 2],
    ['.markdown-container .markdown', 2, 4, 2, 2],
    ['.markdown', 2, 4, 2, 2],
    ['.send-button-container.stop', 0, 0, 1, 0],
    ['.segment-assistant-actions-content', 2, 2, 1, 2],
    ['.segment-user-action-row', 2, 1, 2, 2],
    ['.segment-assistant-actions', 2, 2, 1, 2],
    ['.thinking-container', 0, 2, 0, 0],
    ['.toolcall-container', 0, 2, 0, 0],
    ['.toolcall-flow', 0, 1, 0, 0],
    ['.thinking-container, .toolcall-container, .toolcall-flow', 0, 3, 0, 0],
    ['.current-model', 1, 1, 1, 1],
    // Negative controls: other sites' markup is absent.
    ['[data-message-author-role]', 0, 0, 0, 0],
    ['[data-message-id]', 0, 0, 0, 0],
    ['[class*="ChatMessage_chatMessage"]', 0, 0, 0, 0],
  ])('%s: %i / %i / %i / %i', (css, ...counts) => {
    expect(PAGES.map((p) => queryAll(docs[p]!, css).length)).toEqual(counts);
  });
});

describe('Kimi adapter on the hand-built fixtures (2026-11-28)', () => {

  test('thinking and tool-call panels are read into `reasoning` and never reach `text`', () => {
    const [first, second] = capturedAnswers(kimi, docs['reasoning.html']!, URL_CONV);
    expect(first?.reasoning).toContain('Oolong sits between green and black in oxidation.\n\nSo the honest answer is *neither*.');
    expect(second?.reasoning).toContain('Searched 3 web pages');
    expect(second?.reasoning).toContain('The sources agree on Fujian and Taiwan.');
    // The search step comes first in the turn, so it comes first in the reasoning.
    expect(second!.reasoning!.indexOf('Searched')).toBeLessThan(second!.reasoning!.indexOf('Fujian'));
    for (const answer of [first, second]) expect(answer?.text).not.toMatch(/oxidation\.|sources agree|Oolong - Example|honest answer/);
  });

  test('mid-stream, the streaming answer is generating, not complete, and never emitted', () => {
    const doc = docs['streaming:mid']!;
    const scan = scanPage(kimi, doc);
    const signals = scan.answers.map((a) => readSignals(kimi, scan.variant!, a, doc));
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
    expect(capturedAnswers(kimi, doc, URL_CONV)[1]?.text).toMatch(/^Here is one\./);
  });

  test('the rich answer rebuilds to the expected markdown exactly', () => {
    const [answer] = capturedAnswers(kimi, docs['complete.html']!, URL_CONV);
    expect(answer?.text).toBe(
      [
        '## Tea basics',
        '',
        'Green tea wants **cooler water** than black tea; see the [brewing chart](https://example.org/tea).',
        '',
        '- Green',
        '  - Sencha',
        '  - Matcha',
        '- Black',
        '',
        '| Tea | Water |',
        '|---|---|',
        '| Green | 80 °C |',
        '| Black | 95 °C |',
        '',
        '```python',
        'def steep(tea):',
        '    return 2 if tea == "green" else 4',
        '```',
        '',
        '$$',
        't = \\frac{V}{r}',
        '$$',
      ].join('\n'),
    );
  });

  test('a user message is never returned as an answer', () => {
    for (const doc of Object.values(docs)) {
      const scan = scanPage(kimi, doc);
      for (const answer of scan.answers) {
        for (const message of answer.messages) expect(message.matches('.segment-user')).toBe(false);
      }
      const saved = capturedAnswers(kimi, doc, URL_CONV);
      for (const answer of saved) expect(saved.map((a) => a.prompt)).not.toContain(answer.text);
    }
  });

  test('a bare mode word in the picker is recorded as a mode', () => {
    const doc = docs['complete.html']!.cloneNode(true) as Document;
    doc.querySelector('.current-model')!.textContent = 'Thinking';
    expect(capturedAnswers(kimi, doc, URL_CONV)[0]?.claimedModel).toEqual({ raw: 'Thinking', source: 'mode' });
  });

  test('without the item wrappers, the segments themselves are the turns', () => {
    const doc = docs['reasoning.html']!.cloneNode(true) as Document;
    doc.querySelectorAll('.chat-content-item').forEach((item) => item.replaceWith(...Array.from(item.childNodes)));
    expect(capturedAnswers(kimi, doc, URL_CONV).map((a) => a.text)).toEqual(expectedOf(doc).map((e) => e.text));
  });

});

describe('Kimi conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://www.kimi.com/chat/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7', '19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7'],
    ['https://kimi.com/chat/19A4C6E8-0B2D-4F61-83A5-C7E9A1B3D5F7', '19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7'],
    ['https://www.kimi.com/chat/19a4c6e80b2d4f61?from=share', '19a4c6e80b2d4f61'],
    ['https://kimi.moonshot.cn/chat/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7/', '19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7'],
    ['https://www.kimi.com/', null],
    ['https://www.kimi.com/chat/', null],
    ['https://www.kimi.com/chat/history', null],
    ['https://www.kimi.com/chat/1234567', null],
    ['https://www.kimi.com/kimiplus/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7', null],
  ])('%s → %s', (url, id) => {
    expect(kimiConversationId(new URL(url))).toBe(id);
  });
});

describe('Kimi match patterns', () => {
  test.each([
    ['https://www.kimi.com/chat/19a4c6e8', true],
    ['https://kimi.com/', true],
    ['https://kimi.moonshot.cn/chat/19a4c6e8', true],
    ['https://platform.moonshot.cn/', false],
    ['https://www.kimi.com.evil.example/', false],
    ['http://www.kimi.com/', false],
  ])('%s → %s', (url, matched) => {
    expect(kimi.matches.some((p) => matchesPattern(p, new URL(url)))).toBe(matched);
  });
});
