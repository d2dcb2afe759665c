import { afterEach, describe, expect, test } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { qwen, qwenConversationId } from '@/lib/sites/qwen';
import { expectEmbeddedAnswers } from './fixture-expectations';
import { capturedAnswers, fixture } from './page-helpers';
import { expectedAnswers, fixtureHtml, wouldEmit } from './site-expectations';
import { runStream } from './stream-run';

const URL_CHAT = 'https://chat.qwen.ai/c/9e2f4b61-0000-4000-8000-0000000000ff';
const FILES = [
  'complete.html',
  'reasoning.html',
  'mid-stream.html',
  'streaming.html',
  'answers-wrap-reasoning.html',
  'answers-wrap-mid-stream.html',
] as const;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Qwen selectors on the hand-built fixtures (expected match counts)', () => {
  // Counted by hand from each file (2026-11-28), in the order of FILES.
  test.each([
    ['.qwen-chat-message-user, .qwen-chat-message-assistant', [4, 2, 4, 2, 0, 0]],
    ['[data-chat-question-wrap], [data-chat-answers-wrap]', [0, 0, 0, 0, 4, 2]],
    ['#chat-message-container', [1, 1, 1, 1, 1, 1]],
    ['.user-message-text-content', [2, 1, 2, 1, 2, 1]],
    ['.response-message-content.phase-answer .qwen-markdown', [2, 1, 2, 1, 2, 1]],
    ['.response-message-content.phase-thinking', [0, 1, 1, 0, 1, 0]],
    ['.response-message-content.phase-reason', [0, 0, 0, 0, 0, 0]],
    ['[class*="status-card-wraper"]', [0, 1, 1, 0, 1, 0]],
    ['.chat-prompt-send-button .stop-button', [0, 0, 1, 0, 0, 1]],
    ['.copy-response-button', [2, 1, 1, 1, 2, 0]],
    ['.qwen-chat-package-comp-new-action-control-icons', [2, 1, 1, 1, 2, 0]],
    ['.header-left .ant-dropdown-trigger', [1, 1, 1, 1, 1, 1]],
    ['.qwen-markdown-code-header', [1, 0, 0, 0, 0, 0]],
    ['.qwen-markdown-table-header', [1, 0, 0, 0, 0, 0]],
    ['pre.qwen-markdown-code .cm-line', [2, 0, 0, 0, 0, 0]],
    // Negative controls: compare mode and other sites' markers are absent.
    ['.qwen-chat-message-dual-message', [0, 0, 0, 0, 0, 0]],
    ['[data-message-author-role]', [0, 0, 0, 0, 0, 0]],
  ] as const)('%s matches %j', (css, counts) => {
    expect(FILES.map((f) => queryAll(fixture('qwen', f), css).length)).toEqual(counts);
  });
});

describe('Qwen adapter on the hand-built fixtures (2026-11-28)', () => {
  test.each([
    ['complete.html', 'b-message-classes'],
    ['reasoning.html', 'b-message-classes'],
    ['answers-wrap-reasoning.html', 'a-answers-wrap'],
  ])('%s (variant %s) yields exactly the answers it embeds', (file, variant) => {
    const doc = fixture('qwen', file);
    expect(scanPage(qwen, doc).variant?.id).toBe(variant);
    expectEmbeddedAnswers(qwen, doc, URL_CHAT);
  });

  test('complete.html: message and conversation ids (its exact markdown is checked by pages.test.ts)', () => {
    const saved = capturedAnswers(qwen, fixture('qwen', 'complete.html'), URL_CHAT);
    expect(saved[1]).toMatchObject({ conversationId: '9e2f4b61-0000-4000-8000-0000000000ff', messageId: null });
  });

  test('the thinking phase is read apart; neither it nor its status card reaches the text', () => {
    const [answer] = capturedAnswers(qwen, fixture('qwen', 'reasoning.html'), URL_CHAT);
    expect(answer).toMatchObject({
      text: 'March 2027 has **23** weekdays.',
      reasoning: 'March 1, 2027 is a Monday. 31 days = 4 weeks + 3 days (Mon, Tue, Wed).\n\n4 × 5 + 3 = 23.',
      claimedModel: { raw: 'Qwen3-235B-A22B-2507', source: 'picker' },
    });
  });

  test.each([
    ['mid-stream.html', [true, false]],
    ['answers-wrap-mid-stream.html', [false]],
  ])('%s: finished answers complete, the one being written never does', (file, emits) => {
    const doc = fixture('qwen', file);
    const scan = scanPage(qwen, doc);
    expect(scan.answers.map((a) => readSignals(qwen, scan.variant!, a, doc).generating)).toEqual(emits.map((e) => !e));
    expect(emits.map((_, i) => wouldEmit(qwen, doc, i))).toEqual(emits);
  });

  test('streaming: halfway through, the new answer is generating; at the end both answers are as embedded', async () => {
    const html = fixtureHtml('qwen', 'streaming.html');
    const midway = await runStream(html, 1_300);
    expect(wouldEmit(qwen, midway, 1)).toBe(false);
    const done = await runStream(html, 30_000);
    expect(done.body.getAttribute('data-stream-done')).toBe('true');
    expect(wouldEmit(qwen, done, 1)).toBe(true);
    const saved = capturedAnswers(qwen, done, URL_CHAT);
    expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
      expectedAnswers(done).map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
    );
  });

});

describe('Qwen conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://chat.qwen.ai/c/9e2f4b61-0000-4000-8000-0000000000ff', '9e2f4b61-0000-4000-8000-0000000000ff'],
    ['https://chat.qwen.ai/c/9E2F4B61-0000-4000-8000-0000000000FF', '9e2f4b61-0000-4000-8000-0000000000ff'],
    ['https://chat.qwen.ai/c/9e2f4b61-0000-4000-8000-0000000000ff?model=qwen3-max', '9e2f4b61-0000-4000-8000-0000000000ff'],
    ['https://chat.qwen.ai/', null],
    ['https://chat.qwen.ai/c/new-chat', null],
    ['https://chat.qwen.ai/s/9e2f4b61-0000-4000-8000-0000000000ff', null],
    ['https://chat.qwen.ai/settings', null],
  ])('%s → %s', (url, id) => {
    expect(qwenConversationId(new URL(url))).toBe(id);
  });
});
