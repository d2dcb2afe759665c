import { afterEach, describe, expect, test } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { perplexity, perplexityConversationId } from '@/lib/sites/perplexity';
import { capturedAnswers, fixture } from './page-helpers';
import { expectedAnswers, fixtureHtml, wouldEmit } from './site-expectations';
import { runStream } from './stream-run';

const URL_THREAD = 'https://www.perplexity.ai/search/when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg';
const FILES = [
  'complete.html',
  'reasoning.html',
  'mid-stream.html',
  'legacy-reasoning.html',
  'legacy-mid-stream.html',
  'streaming.html',
] as const;

afterEach(() => {
  document.body.innerHTML = '';
});

describe('Perplexity selectors on the hand-built fixtures (expected match counts)', () => {
  // Counted by hand from each file (2026-11-28), in the order of FILES.
  test.each([
    ['[class*="group/user-bubble"] [data-renderer="lm"]', [2, 1, 2, 0, 0, 1]],
    ['[class~="group/query"] span.select-text', [0, 0, 0, 2, 1, 0]],
    ['div[id^="markdown-content-"]', [2, 1, 2, 2, 1, 1]],
    ['div[id^="markdown-content-"]:empty', [2, 1, 2, 0, 0, 1]],
    ['div[id^="markdown-content-"] .prose.inline', [0, 0, 0, 2, 1, 0]],
    ['.prose.dark\\:prose-invert.inline', [2, 1, 2, 2, 1, 1]],
    ['[class~="group/goal"]', [0, 2, 0, 1, 0, 0]],
    ['span.citation[data-pplx-citation-url]', [2, 1, 0, 0, 0, 1]],
    ['span.citation-nbsp', [2, 1, 0, 1, 0, 1]],
    ['span[class~="group/trigger"]', [0, 0, 0, 1, 0, 0]],
    ['button[data-testid="stop-generating-response-button"]', [0, 0, 1, 0, 1, 0]],
    ['button[data-testid="submit-button"]', [1, 1, 0, 1, 0, 1]],
    ['button[aria-label="Choose a model"]', [1, 1, 1, 1, 0, 1]],
    // Negative controls: no Deep Research card on these pages, no other site's markers.
    ['div.bg-raised.rounded-lg', [0, 0, 0, 0, 0, 0]],
    ['[data-message-author-role]', [0, 0, 0, 0, 0, 0]],
  ] as const)('%s matches %j', (css, counts) => {
    expect(FILES.map((f) => queryAll(fixture('perplexity', f), css).length)).toEqual(counts);
  });
});

describe('Perplexity adapter on the hand-built fixtures (2026-11-28)', () => {

  test('complete.html: message and conversation ids (its exact markdown is checked by pages.test.ts)', () => {
    const saved = capturedAnswers(perplexity, fixture('perplexity', 'complete.html'), URL_THREAD);
    expect(saved[1]).toMatchObject({ conversationId: 'when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg', messageId: null });
  });

  test('reasoning steps between the prompt and the answer are read apart, one block per step', () => {
    const [answer] = capturedAnswers(perplexity, fixture('perplexity', 'reasoning.html'), URL_THREAD);
    expect(answer!.text).toBe('Yes, by up to **15 cm**: the iron expands in the heat.');
    expect(answer!.reasoning).toBe(
      'Checking thermal expansion of the tower\neiffel tower height summer expansion\ntoureiffel\n\n' +
        'Confirming the figure in a second source\niron thermal expansion 300 m',
    );
    // Steps of one answer never become the reasoning of another.
    const legacy = capturedAnswers(perplexity, fixture('perplexity', 'legacy-reasoning.html'), URL_THREAD);
    expect(legacy.map((a) => a.reasoning)).toEqual([null, 'Counting the rhombus and triangle panes\nlouvre pyramid number of panes']);
  });

  test('research.html (answer-panel layout): the intro and the report are one answer, without the sources list', () => {
    const doc = fixture('perplexity', 'research.html');
    expect(scanPage(perplexity, doc).variant?.id).toBe('a-answer-panel');
    const saved = capturedAnswers(perplexity, doc, URL_THREAD);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.text).toMatch(/^I read 18 sources; the report follows\.\n\n# Tidal mills of Brittany\n/);
    expect(saved[0]!.text).not.toMatch(/^18 sources$|A history of tide power|Mills of the coast|\u200b/m);
    expect(wouldEmit(perplexity, doc, 0)).toBe(true);
  });

  test('a Deep Research card, a prose in a prompt bubble or in a reasoning step is never recorded (flat layout)', () => {
    const doc = fixture('perplexity', 'reasoning.html');
    const thread = doc.querySelector('.thread')!;
    thread.insertAdjacentHTML(
      'beforeend',
      '<div class="bg-raised rounded-lg"><div class="prose max-w-none"><div class="prose dark:prose-invert inline"><p>Report</p></div></div></div>',
    );
    doc.querySelector('[class~="group/goal"]')!.insertAdjacentHTML('beforeend', '<div class="prose inline"><p>Step note</p></div>');
    const scan = scanPage(perplexity, doc);
    const texts = capturedAnswers(perplexity, doc, URL_THREAD).map((a) => a.text);
    const emitted = scan.answers.map((_, i) => wouldEmit(perplexity, doc, i));
    expect(texts.filter((_, i) => emitted[i])).toEqual(['Yes, by up to **15 cm**: the iron expands in the heat.']);
  });

  test.each([
    // While an answer is written the submit button is gone, so no answer on the page reads as complete.
    ['mid-stream.html', [false, true], [false, false]],
    ['legacy-mid-stream.html', [true], [false]],
  ])('%s: the answer being written is generating and nothing completes', (file, generating, emits) => {
    const doc = fixture('perplexity', file);
    const scan = scanPage(perplexity, doc);
    expect(scan.answers.map((a) => readSignals(perplexity, scan.variant!, a, doc).generating)).toEqual(generating);
    expect(emits.map((_, i) => wouldEmit(perplexity, doc, i))).toEqual(emits);
  });

  test('streaming: halfway through, the new answer is generating; at the end both answers are as embedded', async () => {
    const html = fixtureHtml('perplexity', 'streaming.html');
    const midway = await runStream(html, 1_300);
    expect(wouldEmit(perplexity, midway, 1)).toBe(false);
    const done = await runStream(html, 30_000);
    expect(done.body.getAttribute('data-stream-done')).toBe('true');
    expect([wouldEmit(perplexity, done, 0), wouldEmit(perplexity, done, 1)]).toEqual([true, true]);
    const saved = capturedAnswers(perplexity, done, URL_THREAD);
    expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
      expectedAnswers(done).map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
    );
  });

});

describe('Perplexity conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://www.perplexity.ai/search/when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg', 'when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg'],
    ['https://perplexity.ai/search/abc-def-ghi_JKL', 'abc-def-ghi_JKL'],
    ['https://www.perplexity.ai/search/when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg?s=c', 'when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg'],
    ['https://www.perplexity.ai/search/new?q=eiffel', null],
    ['https://www.perplexity.ai/', null],
    ['https://www.perplexity.ai/discover', null],
    ['https://www.perplexity.ai/page/eiffel-tower-facts-abc123', null],
    ['https://www.perplexity.ai/spaces/travel-abc123xyz', null],
  ])('%s → %s', (url, id) => {
    expect(perplexityConversationId(new URL(url))).toBe(id);
  });
});
