// @needs ../shared: checks the adapter on the real Claude pages
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { chainAll, queryAll } from '@/lib/capture/selector-query';
import { claude, claudeConversationId } from '@/lib/sites/claude';
import { resolveClaim } from '@/lib/verdict/claims';
import { expectedOf, readAsExpected, signalsOf } from './fixture-expectations';
import { capturedAnswers, fixture, FIXTURES_DIR, realCapture, REAL_DOM_DIR } from './page-helpers';

const URL_CHAT = 'https://claude.ai/chat/6a1e0000-0000-4000-8000-00000000c1a1';

/**
 * Counted by hand from the HTML of each real capture (NL and YongseopKim, MIT; claude.ai 2026-07):
 * turns = `div[data-test-render-count]`; prompts = user messages; answers = turns with `data-is-streaming`.
 */
const REAL_CAPTURES = [
  { file: 'artifact-panel.html', turns: 2, prompts: 1, answers: 1, model: 'Opus 4.8' },
  // A project chat (YongseopKim/llm-chat-exporter, MIT, by 2026-07-19): one long answer of 5 blocks.
  { file: 'project-answer-ko-2026-07.html', turns: 2, prompts: 1, answers: 1, model: 'Fable 5 Max' },
  { file: 'real-capture.html', turns: 2, prompts: 1, answers: 1, model: 'Sonnet 4.5' },
] as const;

/** UI text that must never reach a saved answer or prompt. */
const LEAKS = /You said|Claude responded|Copy to clipboard|Thought for|Show thinking|Message actions|Download|Retry|\b12:50\b|resultados|Placeholder SVG Artifact|Tide table helper/;

describe('Claude adapter on real captures', () => {
  test('the table covers every real Claude capture', () => {
    const files = readdirSync(path.join(REAL_DOM_DIR, 'claude')).filter((f) => f.endsWith('.html'));
    expect(REAL_CAPTURES.map((c) => c.file).sort()).toEqual(files.sort());
  });

  test.each(REAL_CAPTURES)('$file: $turns turns, $prompts prompts, $answers answers', ({ file, turns, prompts, answers }) => {
    const doc = realCapture('claude', file);
    const scan = scanPage(claude, doc);
    expect(scan.variant?.id).toBe('a-render-count');
    expect(scan.turns).toHaveLength(turns);
    expect(scan.turns.flatMap((t) => chainAll(t, scan.variant!.userMessage))).toHaveLength(prompts);
    expect(scan.answers).toHaveLength(answers);
  });

  test.each(REAL_CAPTURES)('$file: the answer is complete, has a prompt, no chrome, and the picker model', ({ file, model }) => {
    const doc = realCapture('claude', file);
    expect(signalsOf(claude, doc)).toEqual([{ generating: false, complete: true }]);
    const [answer] = capturedAnswers(claude, doc, URL_CHAT);
    expect(answer?.claimedModel).toEqual({ raw: model, source: 'picker' });
    expect(answer?.conversationId).toBe('6a1e0000-0000-4000-8000-00000000c1a1');
    expect(answer?.reasoning).toBeNull();
    expect(answer?.prompt.length).toBeGreaterThan(20);
    expect(answer?.text).not.toMatch(LEAKS);
    expect(answer?.prompt).not.toMatch(LEAKS);
  });

  test('real-capture.html: the blocks around the search widget and artifact cards join in order, widgets left out', () => {
    const [answer] = capturedAnswers(claude, realCapture('claude', 'real-capture.html'), URL_CHAT);
    expect(answer?.text).toBe(
      [
        'Sure — this is invented placeholder text for the first assistant paragraph of the fixture.',
        'A second invented paragraph, kept roughly the same length as the captured one so the fixture keeps a realistic shape.',
        'Running a placeholder web search now:',
        'A third invented paragraph following the search widget. Now creating the first placeholder artifact:',
        'And here is a second placeholder artifact, an interactive one:',
      ].join('\n\n'),
    );
  });

  test('artifact-panel.html: an answer in `.row-start-1` without thinking is the answer, and the side panel is not', () => {
    const [answer] = capturedAnswers(claude, realCapture('claude', 'artifact-panel.html'), URL_CHAT);
    expect(answer?.text).toBe(
      "Both pieces are below. This is invented placeholder prose standing in for the assistant's summary paragraph.\n\n" +
        'The **helper** is the interactive one; the **explainer** is the written version.',
    );
    expect(answer?.text).not.toContain('Reading a tide table');
  });

  test('project-answer-ko-2026-07.html: all 5 blocks of the long answer, in order, without status or citation pills', () => {
    const doc = realCapture('claude', 'project-answer-ko-2026-07.html');
    const [answer] = capturedAnswers(claude, doc, URL_CHAT);
    const blocks = queryAll(doc, '.standard-markdown');
    expect(blocks).toHaveLength(5);
    // Each block's last paragraph is in the text, in document order.
    const ends = blocks.map((b) => answer!.text.indexOf(b.querySelector('p:last-of-type')!.textContent!.replace(/\s+/g, ' ').trim().slice(0, 40)));
    expect(ends.every((at) => at >= 0)).toBe(true);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
    expect(answer!.text.match(/^### /gm)).toHaveLength(12);
    expect(answer!.reasoning).toBeNull();
  });

});

/** Expected matches of each selector on each page, counted by hand. */
const SELECTOR_COUNTS: ReadonlyArray<readonly [file: string, css: string, count: number]> = [
  ['real:real-capture.html', 'div[data-test-render-count]', 2],
  ['real:real-capture.html', 'div[data-is-streaming="false"]', 1],
  ['real:real-capture.html', 'div[data-testid="user-message"]', 1],
  ['real:real-capture.html', '.standard-markdown', 3],
  ['real:real-capture.html', 'button[data-testid="model-selector-dropdown"]', 1],
  // Negative controls: newer markup absent from this older capture, and no streaming answer.
  ['real:real-capture.html', '[data-user-message-bubble]', 0],
  ['real:real-capture.html', '[data-is-streaming="true"]', 0],
  ['real:artifact-panel.html', 'div[data-test-render-count]', 2],
  ['real:artifact-panel.html', '[data-user-message-bubble="true"]', 1],
  ['real:artifact-panel.html', '.standard-markdown', 2],
  ['real:artifact-panel.html', '[role="toolbar"][aria-label="Message actions"]', 1],
  ['real:artifact-panel.html', '.row-start-1', 1],
  ['real:artifact-panel.html', '[class~="group/thinking"]', 0],
  // Retired before 2026 (research §15): must stay absent from the 2026-07 capture.
  ['real:artifact-panel.html', '.font-claude-message, .progressive-markdown', 0],
  ['complete.html', 'div[data-test-render-count]', 4],
  ['complete.html', '[data-user-message-bubble="true"]', 2],
  ['complete.html', 'div[data-is-streaming="false"]', 2],
  ['complete.html', '[role="group"][aria-label="Message actions"]', 3],
  ['complete.html', 'button[data-testid="action-bar-copy"]', 2],
  ['complete.html', '[class~="group/copy"] > div:not(:has(pre))', 2],
  ['complete.html', '.katex', 2],
  ['reasoning.html', 'div[data-test-render-count]', 4],
  ['reasoning.html', '.row-start-1:has([class~="group/thinking"])', 1],
  ['reasoning.html', '.row-start-1', 2],
  ['reasoning.html', '.standard-markdown', 4],
  ['reasoning.html', '[role="toolbar"][aria-label="Message actions"]', 2],
  ['streaming.html', 'div[data-test-render-count]', 2],
  ['streaming.html', 'button[aria-label="Stop response"]', 0],
  ['mid-stream.html', 'div[data-is-streaming="true"]', 1],
  ['mid-stream.html', 'button[aria-label="Stop response"]', 1],
  ['mid-stream.html', 'button[data-testid="action-bar-copy"]', 1],
];

const load = (file: string) => (file.startsWith('real:') ? realCapture('claude', file.slice(5)) : fixture('claude', file));

describe('Claude selectors (expected match counts per page)', () => {
  test.each(SELECTOR_COUNTS)('%s: %s matches %i', (file, css, count) => {
    expect(queryAll(load(file), css)).toHaveLength(count);
  });
});

describe('Claude adapter on hand-built fixtures (2026-11-28)', () => {
  const STATIC_PAGES = ['complete.html', 'reasoning.html', 'mid-stream.html'];

  test('every fixture page is in this test', () => {
    const pages = readdirSync(path.join(FIXTURES_DIR, 'claude')).filter((f) => f.endsWith('.html'));
    // share.html (the share page) is tested by share-pages.test.ts.
    expect(pages.sort()).toEqual([...STATIC_PAGES, 'streaming.html', 'share.html'].sort());
  });

  test('thinking chunks are reasoning, never text; an answer in `.row-start-1` without thinking has none', () => {
    const [thought, plain] = capturedAnswers(claude, fixture('claude', 'reasoning.html'), URL_CHAT);
    expect(thought?.text).toBe('No: 221 = 13 × 17.');
    expect(thought?.reasoning).toBe('Try small primes up to the square root, which is about 14.9.\n\n13 × 17 = 221, so it factors.');
    expect(plain?.text).toBe('Yes, 223 is prime.');
    expect(plain?.reasoning).toBeNull();
  });

  test('both halves of the action-bar A/B (role group and toolbar) read as complete', () => {
    expect(signalsOf(claude, fixture('claude', 'complete.html'))).toEqual([
      { generating: false, complete: true },
      { generating: false, complete: true },
    ]);
    expect(signalsOf(claude, fixture('claude', 'reasoning.html'))).toEqual([
      { generating: false, complete: true },
      { generating: false, complete: true },
    ]);
  });

  test('mid-stream: the finished answer is complete; the streaming one is generating and not complete', () => {
    expect(signalsOf(claude, fixture('claude', 'mid-stream.html'))).toEqual([
      { generating: false, complete: true },
      { generating: true, complete: false },
    ]);
  });

  test('the streaming page starts as one finished pair (its script adds the second)', () => {
    const doc = fixture('claude', 'streaming.html');
    expect(readAsExpected(claude, doc, URL_CHAT)).toEqual([{ ...expectedOf(doc)[0], reasoning: null }]);
    expect(signalsOf(claude, doc)).toEqual([{ generating: false, complete: true }]);
  });

});

describe('Claude claimed models (what the engine compares)', () => {
  test.each(['real:real-capture.html', 'real:artifact-panel.html', 'complete.html', 'reasoning.html', 'mid-stream.html'])(
    '%s: the picker name resolves to the Anthropic claude-4 reference',
    (file) => {
      for (const answer of capturedAnswers(claude, load(file), URL_CHAT)) {
        expect(resolveClaim(answer.claimedModel)).toMatchObject({ label: 'claude-4', family: 'anthropic' });
      }
    },
  );
});

describe('Claude conversation ids (pure, from the URL)', () => {
  test.each([
    ['https://claude.ai/chat/6a1e0000-0000-4000-8000-00000000c1a1', '6a1e0000-0000-4000-8000-00000000c1a1'],
    ['https://claude.ai/chat/6A1E0000-0000-4000-8000-00000000C1A1', '6a1e0000-0000-4000-8000-00000000c1a1'],
    ['https://claude.ai/chat/6a1e0000-0000-4000-8000-00000000c1a1?model=x', '6a1e0000-0000-4000-8000-00000000c1a1'],
    // A share link is someone else's conversation: no conversation id (its share id: share-pages.test.ts).
    ['https://claude.ai/share/6a1e0000-0000-4000-8000-00000000c1a1', null],
    ['https://claude.ai/new', null],
    ['https://claude.ai/', null],
    ['https://claude.ai/recents', null],
    ['https://claude.ai/project/6a1e0000-0000-4000-8000-00000000c1a1', null],
    ['https://claude.ai/chat/not-a-uuid', null],
  ])('%s → %s', (url, id) => {
    expect(claudeConversationId(new URL(url))).toBe(id);
  });
});
