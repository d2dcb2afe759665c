import { afterEach, describe, expect, test } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { lechat, lechatConversationId } from '@/lib/sites/lechat';
import { capturedAnswers, fixture } from './page-helpers';
import { expectedAnswers, fixtureHtml, wouldEmit } from './site-expectations';
import { runStream } from './stream-run';

const URL_CHAT = 'https://chat.mistral.ai/chat/0b1c2d3e-0000-4000-8000-0000000000ff';
const FOOTER = '[data-message-author-role="assistant"] > div + div > div:last-child:not([data-message-part-type]) > div:first-child:has(button)';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Le Chat selectors on the hand-built fixtures (expected match counts)', () => {
  // Counted by hand from each file (2026-11-28). Columns: complete, reasoning, mid-stream, streaming (as loaded).
  test.each([
    ['[data-message-author-role][data-message-id]', [4, 2, 4, 2]],
    ['[data-message-author-role="user"] .select-text', [2, 1, 2, 1]],
    ['[data-message-author-role="assistant"]', [2, 1, 2, 1]],
    ['[data-message-part-type="answer"]', [2, 1, 2, 1]],
    ['[data-testid="text-message-part"]', [2, 1, 2, 1]],
    ['[data-message-part-type="reasoning"]', [0, 1, 1, 0]],
    ['.text-hint', [2, 1, 2, 1]],
    ['form rect[rx="2"]', [0, 0, 1, 0]],
    [FOOTER, [2, 1, 1, 1]],
    ['form button:has(path[d="M16 10.5L12 14.5L8 10.5"])', [1, 1, 1, 1]],
    ['[data-rich-table-inner-html]', [1, 0, 0, 0]],
    // Negative controls: ChatGPT's and older Le Chat markers are absent.
    ['[data-testid="stop-button"]', [0, 0, 0, 0]],
    ['button[aria-label="Voice Mode"]', [0, 0, 0, 0]],
    ['.markdown.prose', [0, 0, 0, 0]],
  ] as const)('%s matches %j', (css, counts) => {
    const files = ['complete.html', 'reasoning.html', 'mid-stream.html', 'streaming.html'];
    expect(files.map((f) => queryAll(fixture('lechat', f), css).length)).toEqual(counts);
  });
});

describe('Le Chat adapter on the hand-built fixtures (2026-11-28)', () => {

  test('complete.html: message and conversation ids (its exact markdown is checked by pages.test.ts)', () => {
    const saved = capturedAnswers(lechat, fixture('lechat', 'complete.html'), URL_CHAT);
    expect(saved[1]).toMatchObject({ messageId: '0b1c2d3e-0000-4000-8000-000000000004', conversationId: '0b1c2d3e-0000-4000-8000-0000000000ff' });
  });

  test('the reasoning part is read apart and never reaches the text', () => {
    const [answer] = capturedAnswers(lechat, fixture('lechat', 'reasoning.html'), URL_CHAT);
    expect(answer!.text).toBe('No. 221 = 13 × 17, so it is **not** prime.');
    expect(answer!.reasoning).toBe('Try small primes up to the square root of 221, which is about 14.9.\n\n221 / 13 = 17 exactly.');
    expect(answer!.claimedModel).toEqual({ raw: 'Think', source: 'mode' });
  });

  test('mid-stream: the finished answer completes, the one being written never does', () => {
    const doc = fixture('lechat', 'mid-stream.html');
    const scan = scanPage(lechat, doc);
    expect(scan.answers.map((a) => readSignals(lechat, scan.variant!, a, doc))).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
    expect([wouldEmit(lechat, doc, 0), wouldEmit(lechat, doc, 1)]).toEqual([true, false]);
  });

  test('a code block (a div with a copy button) opening a partial answer is not taken for the footer', () => {
    const doc = fixture('lechat', 'mid-stream.html');
    const part = queryAll(doc, '[data-message-part-type="answer"]')[1]!;
    part.innerHTML = '<div class="code"><button type="button">Copy</button><pre><code>x = 1</code></pre></div>';
    const scan = scanPage(lechat, doc);
    expect(readSignals(lechat, scan.variant!, scan.answers[1]!, doc).complete).toBe(false);
  });

  test('streaming: halfway through, the new answer is generating; at the end both answers are as embedded', async () => {
    const html = fixtureHtml('lechat', 'streaming.html');
    const midway = await runStream(html, 1_300);
    expect(wouldEmit(lechat, midway, 1)).toBe(false);
    const done = await runStream(html, 30_000);
    expect(done.body.getAttribute('data-stream-done')).toBe('true');
    expect(wouldEmit(lechat, done, 1)).toBe(true);
    const saved = capturedAnswers(lechat, done, URL_CHAT);
    expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
      expectedAnswers(done).map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
    );
  });

});

describe('Le Chat conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://chat.mistral.ai/chat/0b1c2d3e-0000-4000-8000-0000000000ff', '0b1c2d3e-0000-4000-8000-0000000000ff'],
    ['https://chat.mistral.ai/chat/0B1C2D3E-0000-4000-8000-0000000000FF', '0b1c2d3e-0000-4000-8000-0000000000ff'],
    ['https://chat.mistral.ai/chat/0b1c2d3e-0000-4000-8000-0000000000ff?q=hi', '0b1c2d3e-0000-4000-8000-0000000000ff'],
    ['https://chat.mistral.ai/chat/0b1c2d3e-0000-4000-8000-0000000000ff/', '0b1c2d3e-0000-4000-8000-0000000000ff'],
    ['https://chat.mistral.ai/chat', null],
    ['https://chat.mistral.ai/', null],
    ['https://chat.mistral.ai/incognito', null],
    ['https://chat.mistral.ai/chat/not-a-uuid', null],
    ['https://chat.mistral.ai/agents/0b1c2d3e-0000-4000-8000-0000000000ff', null],
  ])('%s → %s', (url, id) => {
    expect(lechatConversationId(new URL(url))).toBe(id);
  });
});
