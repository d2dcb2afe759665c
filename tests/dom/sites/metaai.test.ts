import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { INITIAL_COMPLETION, stepCompletion } from '@/lib/capture/completion';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import { queryAll } from '@/lib/capture/selector-query';
import { metaai, metaaiConversationId, unwrapMetaLink } from '@/lib/sites/metaai';
import { matchesPattern } from '@/lib/sites/registry';
import { expectEmbeddedAnswers } from './fixture-expectations';
import { capturedAnswers } from './page-helpers';
import { sitePages } from './stream-run';

const URL_CONV = 'https://www.meta.ai/prompt/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70';
const STATIC = ['complete.html', 'reasoning.html', 'b-complete.html', 'b-reasoning.html'] as const;
const PAGES = [...STATIC, 'streaming:mid', 'streaming:end', 'b-streaming:mid', 'b-streaming:end'] as const;

let docs: Record<string, Document>;
beforeAll(async () => {
  // Mid-stream = 1.3 s: the answer has 5 of its 10 chunks and the composer shows its stop button.
  docs = await sitePages('metaai', STATIC, 1_300, ['streaming.html', 'b-streaming.html']);
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('Meta AI selectors on the hand-built fixtures (expected match counts)', () => {
  test.each([
    // css, then one count per page of PAGES: A complete, A reasoning, B complete, B reasoning,
    // A streaming mid / end, B streaming mid / end
    ['[data-message-id$="_user"], [data-message-id$="_assistant"]', 4, 4, 0, 0, 4, 4, 0, 0],
    ['[data-message-id$="_user"]', 2, 2, 0, 0, 2, 2, 0, 0],
    ['[data-message-id$="_assistant"]', 2, 2, 0, 0, 2, 2, 0, 0],
    ['[data-slot="text"].text-response', 2, 2, 2, 2, 2, 2, 2, 2],
    ['.whitespace-pre-wrap', 2, 2, 2, 2, 2, 2, 2, 2],
    ['div[data-testid="assistant-message"]', 2, 2, 2, 2, 2, 2, 2, 2],
    ['[class*="translate-y-"]', 0, 0, 4, 4, 0, 0, 4, 4],
    ['[class*="translate-y-"]:not(:has([data-testid="assistant-message"]))', 0, 0, 2, 2, 0, 0, 2, 2],
    ['button[data-testid="composer-stop-button"]', 0, 0, 0, 0, 1, 0, 1, 0],
    ['button[data-testid="composer-send-button"]', 1, 1, 1, 1, 0, 1, 0, 1],
    ['div[data-testid="assistant-message"] > div + div > div > div:last-child > div > div', 2, 2, 2, 2, 1, 2, 1, 2],
    ['[data-streamdown="code-block-header"]', 1, 0, 1, 0, 0, 0, 0, 0],
    ['[data-testid="citation-pill"]', 1, 0, 1, 0, 0, 0, 0, 0],
    ['[data-testid="thinking-status"]', 0, 1, 0, 1, 0, 0, 0, 0],
    ['[data-testid="subagent-cot-list"]', 0, 1, 0, 1, 0, 0, 0, 0],
    // Negative controls: other sites' markup is absent.
    ['[data-message-author-role]', 0, 0, 0, 0, 0, 0, 0, 0],
    ['[data-message-role="assistant"]', 0, 0, 0, 0, 0, 0, 0, 0],
    ['.segment-assistant', 0, 0, 0, 0, 0, 0, 0, 0],
  ])('%s', (css, ...counts) => {
    expect(PAGES.map((p) => queryAll(docs[p]!, css).length)).toEqual(counts);
  });
});

describe('Meta AI adapter on the hand-built fixtures (2026-11-28)', () => {
  test.each([
    ['complete.html', 'a-message-id'],
    ['reasoning.html', 'a-message-id'],
    ['streaming:end', 'a-message-id'],
    ['b-complete.html', 'b-test-id'],
    ['b-reasoning.html', 'b-test-id'],
    ['b-streaming:end', 'b-test-id'],
  ])('%s is read as variant %s and yields exactly the answers it embeds', (page, variant) => {
    const doc = docs[page]!;
    expect(scanPage(metaai, doc).variant?.id).toBe(variant);
    expectEmbeddedAnswers(metaai, doc, URL_CONV);
  });

  test.each(['reasoning.html', 'b-reasoning.html'])(
    '%s: the sub-agent chain of thought is the reasoning; the thinking toggle is in neither text nor reasoning',
    (page) => {
      const [first, second] = capturedAnswers(metaai, docs[page]!, URL_CONV);
      expect(first?.reasoning).toBe('1. Group sights by neighbourhood to save travel time.\n2. Sintra needs a full day.');
      expect(first?.text).not.toMatch(/neighbourhood|full day|Thought for|Show thinking/);
      expect(second?.reasoning).toBeNull();
    },
  );

  test.each(['streaming:mid', 'b-streaming:mid'])('%s: the streaming answer is generating, not complete, and never emitted', (page) => {
    const doc = docs[page]!;
    const scan = scanPage(metaai, doc);
    const signals = scan.answers.map((a) => readSignals(metaai, scan.variant!, a, doc));
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
    expect(capturedAnswers(metaai, doc, URL_CONV)[1]?.text).toMatch(/^Two famous ones:/);
  });

  test.each(['complete.html', 'b-complete.html'])(
    '%s: the rich answer rebuilds to the expected markdown exactly (redirect links unwrapped, citation pill dropped)',
    (page) => {
      const [answer] = capturedAnswers(metaai, docs[page]!, URL_CONV);
      expect(answer?.text).toBe(
        [
          '## Winter storage',
          '',
          'Keep it **indoors and dry**; the [care guide](https://example.org/bikes) covers the rest.',
          '',
          '- Clean',
          '  - Chain',
          '  - Gears',
          '- Inflate tyres',
          '',
          '| Part | Task |',
          '|---|---|',
          '| Chain | Oil |',
          '| Tyres | Pump |',
          '',
          '```python',
          'def psi(bar):',
          '    return bar * 14.5',
          '```',
          '',
          'Pressure converts as $p_{psi} = 14.5 \\cdot p_{bar}$.',
        ].join('\n'),
      );
    },
  );

  test('a user message is never returned as an answer, in either variant', () => {
    for (const doc of Object.values(docs)) {
      const scan = scanPage(metaai, doc);
      for (const answer of scan.answers) {
        for (const message of answer.messages) {
          expect(message.matches('[data-message-id$="_user"]')).toBe(false);
          expect(message.querySelector('[data-slot="text"]')).toBeNull();
        }
      }
      const saved = capturedAnswers(metaai, doc, URL_CONV);
      for (const answer of saved) expect(saved.map((a) => a.prompt)).not.toContain(answer.text);
    }
  });

});

describe('Meta AI redirect links (pure)', () => {
  test.each([
    ['https://l.meta.ai/?u=https%3A%2F%2Fexample.org%2Fbikes&e=AT0xYz', 'https://example.org/bikes'],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.org%2Fa%3Fb%3D1&h=AT1', 'https://example.org/a?b=1'],
    ['https://l.meta.ai/?e=AT0&u=https%3A%2F%2Fexample.org%2F', 'https://example.org/'],
    ['https://example.org/?u=https%3A%2F%2Fother.example', 'https://example.org/?u=https%3A%2F%2Fother.example'],
    ['https://l.meta.ai/?u=%E0%A4%A', 'https://l.meta.ai/?u=%E0%A4%A'],
    ['https://www.meta.ai/', 'https://www.meta.ai/'],
  ])('%s → %s', (href, clean) => {
    expect(unwrapMetaLink(href)).toBe(clean);
  });
});

describe('Meta AI conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://www.meta.ai/prompt/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70', '5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70'],
    ['https://meta.ai/prompt/5D7B9F13-4A6C-4E8F-9B1D-2C3E4F5A6B70/', '5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70'],
    ['https://www.meta.ai/prompt/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70?utm_source=x', '5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70'],
    ['https://www.meta.ai/', null],
    ['https://www.meta.ai/prompt/', null],
    ['https://www.meta.ai/prompt/not-a-uuid', null],
    ['https://www.meta.ai/c/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70', null],
  ])('%s → %s', (url, id) => {
    expect(metaaiConversationId(new URL(url))).toBe(id);
  });
});

describe('Meta AI match patterns', () => {
  test.each([
    ['https://www.meta.ai/prompt/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70', true],
    ['https://meta.ai/', true],
    ['https://ai.meta.com/', false],
    ['https://www.meta.ai.evil.example/', false],
    ['https://l.meta.ai/?u=x', false],
  ])('%s → %s', (url, matched) => {
    expect(metaai.matches.some((p) => matchesPattern(p, new URL(url)))).toBe(matched);
  });
});
