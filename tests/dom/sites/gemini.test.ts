// @needs ../shared: checks the adapter on the real Gemini pages
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { chainAll, queryAll } from '@/lib/capture/selector-query';
import { gemini, geminiConversationId } from '@/lib/sites/gemini';
import { resolveClaim } from '@/lib/verdict/claims';
import { expectedOf, readAsExpected, signalsOf } from './fixture-expectations';
import { capturedAnswers, fixture, FIXTURES_DIR, realCapture, REAL_DOM_DIR } from './page-helpers';

const URL_APP = 'https://gemini.google.com/app/2b3c4d5e6f708192';
/** The real captures are large (the table page is 266 kB): parse each once. */
const SLOW = 30_000;
const parsed = new Map<string, Document>();
const load = (file: string) => {
  if (!parsed.has(file)) parsed.set(file, file.startsWith('real:') ? realCapture('gemini', file.slice(5)) : fixture('gemini', file));
  return parsed.get(file)!;
};

/**
 * Counted by hand from the HTML of each real capture (NL, MIT; gemini.google.com 2026-07-29):
 * turns = `div.conversation-container`; prompts = `user-query`; answers = `model-response`.
 */
const REAL_CAPTURES = [
  { file: 'deep-research-2026-07.html', turns: 2, prompts: 2, answers: 2, model: null },
  { file: 'real-capture.html', turns: 3, prompts: 3, answers: 3, model: { raw: 'Flash', source: 'mode' } },
  { file: 'table-2026-07.html', turns: 1, prompts: 1, answers: 1, model: { raw: 'Flash', source: 'mode' } },
] as const;

/** UI text that must never reach a saved answer or prompt. */
const LEAKS = /You said|Gemini said|Show thinking|Hide thinking|Opens in a new window|Copy code|Export to Sheets|Show code|\bPython\b\n|investment_funds_comparison\n|Cross-Sectional Equity Cost Study|Open mode picker/;

describe('Gemini adapter on real captures', () => {
  test('the table covers every real Gemini capture', () => {
    const files = readdirSync(path.join(REAL_DOM_DIR, 'gemini')).filter((f) => f.endsWith('.html'));
    expect(REAL_CAPTURES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  test.each(REAL_CAPTURES)(
    '$file: $turns turns, $prompts prompts, $answers answers',
    ({ file, turns, prompts, answers }) => {
      const scan = scanPage(gemini, load(`real:${file}`));
      expect(scan.variant?.id).toBe('a-conversation-container');
      expect(scan.turns).toHaveLength(turns);
      expect(scan.turns.flatMap((t) => chainAll(t, scan.variant!.userMessage))).toHaveLength(prompts);
      expect(scan.answers).toHaveLength(answers);
    },
    SLOW,
  );

  test.each(REAL_CAPTURES)(
    '$file: every answer is complete, with text, a prompt, its response id and the mode; no chrome',
    ({ file, answers, model }) => {
      const doc = load(`real:${file}`);
      expect(signalsOf(gemini, doc)).toEqual(Array(answers).fill({ generating: false, complete: true }));
      const saved = capturedAnswers(gemini, doc, URL_APP);
      for (const answer of saved) {
        expect(answer.claimedModel).toEqual(model);
        expect(answer.messageId).toMatch(/^r_[0-9a-z]+$/);
        expect(answer.conversationId).toBe('2b3c4d5e6f708192');
        // Collapsed thoughts (header only) are not reasoning text.
        expect(answer.reasoning).toBeNull();
        expect(answer.text.length).toBeGreaterThan(20);
        expect(answer.prompt.length).toBeGreaterThan(5);
        expect(answer.text).not.toMatch(LEAKS);
        expect(answer.prompt).not.toMatch(LEAKS);
      }
    },
    SLOW,
  );

  test(
    'table-2026-07.html: code, file chip and two tables rebuild to the expected markdown exactly',
    () => {
      const [answer] = capturedAnswers(gemini, load('real:table-2026-07.html'), URL_APP);
      expect(answer?.text).toBe(
        [
          // The "Python" label sits in .code-block-decoration just before <pre>: read as the fence language.
          '```python',
          'markdown_content = """| Fund | Jurisdiction | Base Rate | 5-Year Return |',
          '| :--- | :--- | :--- | :--- |',
          '| Aetherius Capital Alpha | Cayman Islands | 3.50% | 42.8% |',
          '| Nocturne Yield Reserve | Luxembourg | 4.15% | 31.2% |',
          '| Solaria Macro Global | Singapore | 2.85% | 58.6% |',
          '',
          '| Term | Definition |',
          '| :--- | :--- |',
          '| **Quantisyncing** | The algorithmic alignment of synthetic liquidity buffers across decentralized clearing nodes to mitigate overnight slippage. |',
          '| **Vortical Leverage** | A structured derivative strategy utilizing recursive option loops to dynamic-hedge volatility spikes in non-correlated yield curves. |',
          '"""',
          '',
          'with open("investment_funds_comparison.md", "w") as f:',
          '    f.write(markdown_content)',
          '',
          '```',
          '',
          'Your Markdown file is ready',
          '',
          '| Fund | Jurisdiction | Base Rate | 5-Year Return |',
          '|---|---|---|---|',
          '| Aetherius Capital Alpha | Cayman Islands | 3.50% | 42.8% |',
          '| Nocturne Yield Reserve | Luxembourg | 4.15% | 31.2% |',
          '| Solaria Macro Global | Singapore | 2.85% | 58.6% |',
          '',
          '| Term | Definition |',
          '|---|---|',
          '| **Quantisyncing** | The algorithmic alignment of synthetic liquidity buffers across decentralized clearing nodes to mitigate overnight slippage. |',
          '| **Vortical Leverage** | A structured derivative strategy utilizing recursive option loops to dynamic-hedge volatility spikes in non-correlated yield curves. |',
        ].join('\n'),
      );
      expect(answer?.messageId).toBe('r_8798be9d525cb25b');
    },
    SLOW,
  );

  test(
    'deep-research-2026-07.html: plan widget and report chip stripped; the report panel outside the turns is not an answer',
    () => {
      const saved = capturedAnswers(gemini, load('real:deep-research-2026-07.html'), URL_APP);
      expect(saved.map((a) => a.text)).toEqual([
        "Here's a research plan for that topic. If you need to update it, let me know!",
        "I've completed your research. Feel free to ask me follow-up questions.",
      ]);
      expect(saved[1]?.prompt).toBe('Start research');
    },
    SLOW,
  );

  test(
    'real-capture.html: inline math keeps its TeX from data-math',
    () => {
      const saved = capturedAnswers(gemini, load('real:real-capture.html'), URL_APP);
      // The capture stores the TeX with doubled backslashes; it is kept as the page has it.
      expect(saved[1]?.text).toContain('- **Momentum ($p$):** The product of an object');
      expect(saved[1]?.text).toContain('($p = mv$)');
    },
    SLOW,
  );

});

/** Expected matches of each selector on each page, counted by hand. */
const SELECTOR_COUNTS: ReadonlyArray<readonly [file: string, css: string, count: number]> = [
  ['real:real-capture.html', 'div.conversation-container', 3],
  ['real:real-capture.html', 'user-query', 3],
  ['real:real-capture.html', 'model-response', 3],
  ['real:real-capture.html', 'structured-content-container.model-response-text .markdown-main-panel', 3],
  ['real:real-capture.html', '.markdown-main-panel[aria-busy="false"]', 3],
  ['real:real-capture.html', '.response-footer.complete', 3],
  ['real:real-capture.html', 'model-thoughts', 3],
  ['real:real-capture.html', '.query-text-line', 0],
  ['real:real-capture.html', '[data-test-id="bard-mode-menu-button"] .picker-primary-text', 1],
  ['real:table-2026-07.html', 'div.conversation-container', 1],
  ['real:table-2026-07.html', '.query-text-line', 1],
  ['real:table-2026-07.html', '[hide-from-message-actions]', 2],
  ['real:table-2026-07.html', '.code-block-decoration', 1],
  ['real:table-2026-07.html', 'message-actions', 1],
  ['real:deep-research-2026-07.html', 'div.conversation-container', 2],
  ['real:deep-research-2026-07.html', '.attachment-container', 2],
  ['real:deep-research-2026-07.html', '#extended-response-markdown-content', 1],
  // Negative controls: retired 2026-07-29 (NL #12d), and no streaming markers on saved pages.
  ['real:table-2026-07.html', '.conversation-title, [data-test-id="bard-text"]', 0],
  ['real:table-2026-07.html', '.markdown-main-panel[aria-busy="true"], mat-icon[fonticon="stop"]', 0],
  ['complete.html', 'div.conversation-container', 2],
  ['complete.html', '.query-text-line', 3],
  ['complete.html', '[hide-from-message-actions]', 1],
  ['complete.html', '.code-block-decoration', 1],
  ['complete.html', '[data-math]', 2],
  ['complete.html', 'message-actions', 2],
  ['reasoning.html', 'model-thoughts', 2],
  ['reasoning.html', '.markdown-main-panel', 3],
  ['reasoning.html', 'structured-content-container.model-response-text .markdown-main-panel', 2],
  ['mid-stream.html', '.markdown-main-panel[aria-busy="true"]', 1],
  ['mid-stream.html', 'mat-icon[fonticon="stop"]', 1],
  ['mid-stream.html', '.response-footer.complete', 1],
  ['streaming.html', 'div.conversation-container', 1],
  ['streaming.html', 'mat-icon[fonticon="stop"]', 0],
];

describe('Gemini selectors (expected match counts per page)', () => {
  test.each(SELECTOR_COUNTS)('%s: %s matches %i', (file, css, count) => {
    expect(queryAll(load(file), css)).toHaveLength(count);
  }, SLOW);
});

describe('Gemini adapter on hand-built fixtures (2026-11-28)', () => {
  const STATIC_PAGES = ['complete.html', 'reasoning.html', 'mid-stream.html'];

  test('every fixture page is in this test', () => {
    const pages = readdirSync(path.join(FIXTURES_DIR, 'gemini')).filter((f) => f.endsWith('.html'));
    // share.html (the share page) is tested by share-pages.test.ts.
    expect(pages.sort()).toEqual([...STATIC_PAGES, 'streaming.html', 'share.html'].sort());
  });

  test('complete.html: message and conversation ids (its exact markdown is checked by pages.test.ts)', () => {
    const [answer] = capturedAnswers(gemini, fixture('gemini', 'complete.html'), URL_APP);
    expect(answer?.messageId).toBe('r_1a2b3c4d5e6f7081');
  });

  test('expanded thoughts are reasoning, never text, even with their own markdown panel; collapsed ones are nothing', () => {
    const [thought, collapsed] = capturedAnswers(gemini, fixture('gemini', 'reasoning.html'), URL_APP);
    expect(thought?.text).toBe('No: 221 = 13 × 17.');
    expect(thought?.reasoning).toBe('**Checking divisibility**\n\nTry small primes up to the square root, which is about 14.9. 13 × 17 = 221.');
    expect(collapsed?.text).toBe('Yes, 223 is prime.');
    expect(collapsed?.reasoning).toBeNull();
  });

  test('mid-stream: the finished answer is complete; the streaming one is generating and not complete', () => {
    expect(signalsOf(gemini, fixture('gemini', 'mid-stream.html'))).toEqual([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
  });

  test('a version in the picker ("3 Pro") is a picker claim; a mode word ("Pro", "Thinking", "Flash") is a mode', () => {
    expect(capturedAnswers(gemini, fixture('gemini', 'mid-stream.html'), URL_APP)[0]?.claimedModel).toEqual({ raw: '3 Pro', source: 'picker' });
    expect(capturedAnswers(gemini, fixture('gemini', 'complete.html'), URL_APP)[0]?.claimedModel).toEqual({ raw: 'Pro', source: 'mode' });
  });

  test('the streaming page starts as one finished pair (its script adds the second)', () => {
    const doc = fixture('gemini', 'streaming.html');
    expect(readAsExpected(gemini, doc, URL_APP)).toEqual([{ ...expectedOf(doc)[0], reasoning: null }]);
    expect(signalsOf(gemini, doc)).toEqual([{ generating: false, complete: true }]);
  });

});

describe('Gemini claimed models (what the engine compares)', () => {
  test('a mode ("Pro", "Thinking", "Flash") is never compared; a version ("3 Pro") resolves to gemini-3', () => {
    for (const file of ['complete.html', 'reasoning.html', 'streaming.html']) {
      for (const answer of capturedAnswers(gemini, fixture('gemini', file), URL_APP)) expect(resolveClaim(answer.claimedModel)).toBeNull();
    }
    const [answer] = capturedAnswers(gemini, fixture('gemini', 'mid-stream.html'), URL_APP);
    expect(resolveClaim(answer!.claimedModel)).toMatchObject({ label: 'gemini-3', family: 'google' });
  });
});

describe('Gemini conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://gemini.google.com/app/2b3c4d5e6f708192', '2b3c4d5e6f708192'],
    ['https://gemini.google.com/app/2B3C4D5E6F708192?hl=en', '2b3c4d5e6f708192'],
    ['https://gemini.google.com/u/1/app/2b3c4d5e6f708192', '2b3c4d5e6f708192'],
    ['https://gemini.google.com/gem/coding-partner/2b3c4d5e6f708192', '2b3c4d5e6f708192'],
    ['https://gemini.google.com/u/2/gem/9f8e7d6c5b4a/2b3c4d5e6f708192', '2b3c4d5e6f708192'],
    // A share link is someone else's conversation: no conversation id (its share id: share-pages.test.ts).
    ['https://gemini.google.com/share/2b3c4d5e6f70', null],
    ['https://gemini.google.com/app', null],
    ['https://gemini.google.com/', null],
    ['https://gemini.google.com/u/1/app', null],
    ['https://gemini.google.com/gem/coding-partner', null],
    ['https://gemini.google.com/app/not-hex', null],
  ])('%s → %s', (url, id) => {
    expect(geminiConversationId(new URL(url))).toBe(id);
  });
});
