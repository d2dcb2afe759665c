import { afterEach, describe, expect, test } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { copilot, copilotConversationId } from '@/lib/sites/copilot';
import { capturedAnswers, fixture } from './page-helpers';
import { expectedAnswers, fixtureHtml, wouldEmit } from './site-expectations';
import { runStream } from './stream-run';

const URL_CHAT = 'https://copilot.microsoft.com/chats/FvLNRfxKKuKLMzxbeB9mL';
const FILES = ['complete.html', 'think-deeper.html', 'mid-stream.html', 'legacy-copy-button.html', 'streaming.html'] as const;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Copilot selectors on the hand-built fixtures (expected match counts)', () => {
  // Counted by hand from each file (2026-11-28), in the order of FILES.
  test.each([
    ['[data-content="user-message"], [data-content="ai-message"]', [4, 2, 4, 0, 2]],
    ['[role="article"][id$="-user-message"], [data-testid="ai-message"]', [4, 2, 4, 2, 2]],
    ['[data-content="conversation"]', [1, 1, 1, 0, 1]],
    ['[class~="group/ai-message-item"]', [2, 1, 2, 1, 1]],
    ['button[data-testid="stop-button"]', [0, 0, 1, 0, 0]],
    ['button[data-testid="copy-ai-message-button"]', [2, 1, 1, 0, 1]],
    ['[data-testid="message-item-reactions"]', [2, 1, 1, 0, 1]],
    ['button[data-testid="copy-message-button"]', [0, 0, 0, 1, 0]],
    ['[data-copy="false"]', [10, 4, 6, 0, 4]],
    ['button[data-testid^="composer-chat-mode-"]', [1, 1, 1, 1, 1]],
    // Negative controls: the classic Bing chat web components and other sites' markers are absent.
    ['cib-serp, cib-chat-turn', [0, 0, 0, 0, 0]],
    ['[data-message-author-role]', [0, 0, 0, 0, 0]],
  ] as const)('%s matches %j', (css, counts) => {
    expect(FILES.map((f) => queryAll(fixture('copilot', f), css).length)).toEqual(counts);
  });
});

describe('Copilot adapter on the hand-built fixtures (2026-11-28)', () => {

  test('complete.html: message and conversation ids (its exact markdown is checked by pages.test.ts)', () => {
    const saved = capturedAnswers(copilot, fixture('copilot', 'complete.html'), URL_CHAT);
    expect(saved.map((a) => a.messageId)).toEqual(['2yp9JesX5upgUDm1YT9U9', 'k8JhG6fD4sA2pO0iU9yT7']);
    expect(saved[1]!.conversationId).toBe('FvLNRfxKKuKLMzxbeB9mL');
  });

  test('the fallback selectors read a page without data-content markers and with the old copy button', () => {
    const doc = fixture('copilot', 'legacy-copy-button.html');
    const scan = scanPage(copilot, doc);
    expect(readSignals(copilot, scan.variant!, scan.answers[0]!, doc)).toMatchObject({ generating: false, complete: true });
    expect(capturedAnswers(copilot, doc, URL_CHAT)[0]!.messageId).toBe('Jj2Kk1Ll0Mm9Nn8Oo7Pp6');
  });

  test('mid-stream: the finished answer completes, the one being written never does', () => {
    const doc = fixture('copilot', 'mid-stream.html');
    const scan = scanPage(copilot, doc);
    expect(scan.answers.map((a) => readSignals(copilot, scan.variant!, a, doc))).toMatchObject([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
    expect([wouldEmit(copilot, doc, 0), wouldEmit(copilot, doc, 1)]).toEqual([true, false]);
  });

  test('streaming: halfway through, the new answer is generating; at the end both answers are as embedded', async () => {
    const html = fixtureHtml('copilot', 'streaming.html');
    const midway = await runStream(html, 1_300);
    expect(wouldEmit(copilot, midway, 1)).toBe(false);
    const done = await runStream(html, 30_000);
    expect(done.body.getAttribute('data-stream-done')).toBe('true');
    expect(wouldEmit(copilot, done, 1)).toBe(true);
    const saved = capturedAnswers(copilot, done, URL_CHAT);
    expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
      expectedAnswers(done).map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
    );
  });

});

describe('Copilot conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://copilot.microsoft.com/chats/FvLNRfxKKuKLMzxbeB9mL', 'FvLNRfxKKuKLMzxbeB9mL'],
    ['https://www.copilot.com/chats/Ab_cD-efGhIjKlMnOpQrS', 'Ab_cD-efGhIjKlMnOpQrS'],
    ['https://copilot.com/chats/FvLNRfxKKuKLMzxbeB9mL/', 'FvLNRfxKKuKLMzxbeB9mL'],
    ['https://copilot.microsoft.com/chats/FvLNRfxKKuKLMzxbeB9mL?form=NTPCHB', 'FvLNRfxKKuKLMzxbeB9mL'],
    ['https://copilot.microsoft.com/', null],
    ['https://copilot.microsoft.com/chats', null],
    ['https://copilot.microsoft.com/chats/short', null],
    // A uuid is not a Copilot chat id (VOD: "NOT uuids").
    ['https://copilot.microsoft.com/chats/6a1e0000-0000-4000-8000-00000000abcd', null],
    ['https://copilot.microsoft.com/discover', null],
  ])('%s → %s', (url, id) => {
    expect(copilotConversationId(new URL(url))).toBe(id);
  });
});
