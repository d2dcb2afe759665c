// @needs ../shared: the matrix over every real saved page of the six sites
/**
 * One matrix for every saved page of every site (github-url-detection's single matrix is the model): the
 * real pages in `../shared/fixtures/real-dom/` and the hand-built ones in `tests/fixtures/sites/`, checked the
 * same way. Site files under this folder keep only what is particular to their site.
 *
 * Real pages are never copied into the project (their licences differ, ../shared/fixtures/real-dom/README.md),
 * so the exact text of an answer is checked by its length and SHA-256, read from the rebuilt markdown.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { scanPage } from '@/lib/capture/find-answers';
import { isConversationPage } from '@/lib/capture/health';
import { chainAll, queryAll } from '@/lib/capture/selector-query';
import { readPrompt } from '@/lib/capture/read-answer';
import { sampleId } from '@/lib/sample';
import type { SiteId } from '@/lib/sites/hosts';
import { adapterById, siteAdapters } from '@/lib/sites/registry';
import { expectEmbeddedAnswers } from './fixture-expectations';
import { capturedAnswers, fixture, FIXTURES_DIR, parsePage, realCapture, REAL_DOM_DIR } from './page-helpers';
import { wouldEmit } from './site-expectations';
import { runStream } from './stream-run';

interface SiteFacts {
  /** A conversation URL of the site, and a page of it that is no conversation. */
  readonly url: string;
  readonly home: string;
  /** UI text that must never reach a saved answer or prompt. */
  readonly leaks: RegExp;
  /** Hand-built pages: the element that is one answer, so every one on a page is found. */
  readonly answer?: string;
  /** Hand-built pages: header text of the reasoning block, never part of the stored reasoning. */
  readonly reasoningLeaks?: RegExp;
  /** Hand-built pages: TeX that KaTeX renders several times and must be read once per answer. */
  readonly tex?: RegExp;
}

/** What every page of a site shares. */
const SITES: Record<SiteId, SiteFacts> = {
  chatgpt: {
    url: 'https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd',
    home: 'https://chatgpt.com/',
    leaks: /ChatGPT said|You said|Tú dijiste|ChatGPT Plus|Copy code|Copiar|Copy table|Copy response|Run code|Show more|Show less|Edit message|Thought for/,
  },
  claude: {
    url: 'https://claude.ai/chat/6a1e0000-0000-4000-8000-00000000c1a1',
    home: 'https://claude.ai/new',
    leaks: /You said|Claude responded|Copy to clipboard|Thought for|Show thinking|Message actions|Download|Retry|\b12:50\b|resultados|Placeholder SVG Artifact|Tide table helper|Energy News Beat|준비 중/,
  },
  copilot: {
    url: 'https://copilot.microsoft.com/chats/FvLNRfxKKuKLMzxbeB9mL',
    home: 'https://copilot.microsoft.com/',
    leaks: /You said|Copilot said|Copy|Regenerate|Read aloud|Smart|Think Deeper|Quick response|Today|^bash$/m,
    answer: '[data-testid="ai-message"]',
  },
  deepseek: {
    url: 'https://chat.deepseek.com/a/chat/s/6a1e0000-0000-4000-8000-00000000d5e1',
    home: 'https://chat.deepseek.com/',
    leaks: /Thought for|Thinking…|已深度思考|\bCopy\b|Download|Regenerate|复制|^python$|^elixir$|AI-generated|Message DeepSeek/m,
    reasoningLeaks: /Thought for|已深度思考|Thinking…/,
  },
  gemini: {
    url: 'https://gemini.google.com/app/2b3c4d5e6f708192',
    home: 'https://gemini.google.com/app',
    leaks: /You said|Gemini said|Show thinking|Hide thinking|Opens in a new window|Copy code|Export to Sheets|Show code|\bPython\b\n|investment_funds_comparison\n|Cross-Sectional Equity Cost Study|Open mode picker/,
  },
  grok: {
    url: 'https://grok.com/c/6a1e0000-0000-4000-8000-00000000a0a0',
    home: 'https://grok.com/',
    leaks: /Thought for|\bCopy\b|Regenerate|Read aloud|\b\d+\.\ds\b|^python$/m,
  },
  huggingchat: {
    url: 'https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567',
    home: 'https://huggingface.co/chat/',
    leaks: /Thought for|Searched the web|Copied|Model:|agentic|casual|via together|via nebius|Generated content/,
    tex: /w_i/g,
  },
  kimi: {
    url: 'https://www.kimi.com/chat/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7',
    home: 'https://www.kimi.com/',
    leaks: /Copy|Regenerate|Share|Edit|Thought for|Searched|K2\.5|Instant/,
    tex: /frac/g,
  },
  lechat: {
    url: 'https://chat.mistral.ai/chat/0b1c2d3e-0000-4000-8000-0000000000ff',
    home: 'https://chat.mistral.ai/chat',
    leaks: /Copy|Rewrite|Download|Thought for|Worked for|\b\d\d?:\d\d(?:[ap]m)?\b|Fast|Think\b|Rich data table/,
    answer: '[data-message-author-role="assistant"]',
  },
  metaai: {
    url: 'https://www.meta.ai/prompt/5d7b9f13-4a6c-4e8f-9b1d-2c3e4f5a6b70',
    home: 'https://www.meta.ai/',
    leaks: /Copy|Download|Like|example\.org\b(?!\/bikes)|Thought for|Show thinking|l\.meta\.ai|^python$/m,
    tex: /14\.5 \\cdot/g,
  },
  perplexity: {
    url: 'https://www.perplexity.ai/search/when-did-the-eiffel-tower-open-Qm3xT9aLS.2vYpKcR8dWfg',
    home: 'https://www.perplexity.ai/',
    leaks: /Copy|Share|Rewrite|Edit|Sources ·|\bAnswer\b|wikipedia|\+2|toureiffel\b(?!\.)|louvre\b|steps? completed|Best|Choose a model|Prepared using|Reviewed \d+ sources|perplexity\b(?!\.)|\u200b/,
    answer: 'div[id^="markdown-content-"]',
  },
  poe: {
    url: 'https://poe.com/chat/2ryv2qtsmg6ldvnh9kg',
    home: 'https://poe.com/',
    leaks: /Claude-Sonnet|DeepSeek-R1|GPT-5|Copy|Thinking\.\.\.|by @anthropic|…/,
  },
  qwen: {
    url: 'https://chat.qwen.ai/c/9e2f4b61-0000-4000-8000-0000000000ff',
    home: 'https://chat.qwen.ai/',
    leaks: /Copy|Download|Regenerate|Edit|Send|Table|Thinking completed|Thinking…|tokens|Qwen3|■/,
    answer: '.qwen-chat-message-assistant, [data-chat-answers-wrap]',
  },
};

interface RealPage {
  /** `<site>/<file>` under ../shared/fixtures/real-dom/. */
  readonly page: string;
  /** Answers on the page; each is recorded once, unless `unfinished` says why the saved page never completes. */
  readonly answers: number;
  /** The claimed model's raw text, per answer (one value: every answer). */
  readonly models: string | null | readonly (string | null)[];
  /** Answers whose reasoning is shown on the page, kept apart from the text. */
  readonly reasoning?: readonly number[];
  /** One answer's exact markdown: its index, length in UTF-16 units and SHA-256 (first 16 hex digits). */
  readonly exact: readonly [index: number, chars: number, sha256: string];
  readonly unfinished?: string;
}

/** Counted by hand from each page's HTML; the exact texts were read through once before their hash was taken. */
const REAL_PAGES: readonly RealPage[] = [
  // NL's exporter pages (2026-01) and the deep-research page (2026-07) carry no action bar: their answers
  // complete by settling (ChatGPT family A `settledWithoutSignals`). Citation pills stripped, code kept as code.
  { page: 'chatgpt/artifacts-code.html', answers: 1, models: 'gpt-4o', exact: [0, 1546, 'e588277f64b6aac8'] },
  { page: 'chatgpt/artifacts-svg.html', answers: 1, models: 'gpt-4o', exact: [0, 934, 'c67e1860d5ecf385'] },
  { page: 'chatgpt/citations.html', answers: 1, models: 'gpt-4o', exact: [0, 327, '02dd9fdc16ed1b19'] },
  { page: 'chatgpt/comprehensive.html', answers: 1, models: 'gpt-4o', exact: [0, 1730, '345398aa46f1b382'] },
  // The Deep Research report itself lives in a cross-origin sandboxed iframe (oaiusercontent.com) that no
  // content script of ours can read; its turn holds no assistant message. The one answer is the follow-up.
  { page: 'chatgpt/deep-research-2026-07.html', answers: 1, models: 'gpt-5-5', exact: [0, 283, 'f21f0277157c20ef'] },
  { page: 'chatgpt/formatting-showcase-2026-07.html', answers: 1, models: 'gpt-5-5', exact: [0, 626, '9493c029608bcbed'] },
  { page: 'chatgpt/longcode-160-lines-2026-07.html', answers: 1, models: 'gpt-5-5', exact: [0, 1933, 'de8bcdda06f7d258'] },
  {
    page: 'chatgpt/real-capture.html',
    answers: 13,
    models: [...Array<string>(10).fill('gpt-4o'), 'gpt-4-1-mini', 'gpt-4o', 'gpt-4o'],
    exact: [10, 1741, 'f829eb17b4a6a462'],
  },
  { page: 'claude/artifact-panel.html', answers: 1, models: 'Opus 4.8', exact: [0, 190, '6214808d9a11528a'] },
  // The whole project answer: 5 markdown blocks around status pills, 12 sections, one citation pill removed.
  { page: 'claude/project-answer-ko-2026-07.html', answers: 1, models: 'Fable 5 Max', exact: [0, 11897, '5140bd35748d4367'] },
  { page: 'claude/real-capture.html', answers: 1, models: 'Sonnet 4.5', exact: [0, 414, '4680ab9ef38064e0'] },
  // "Thought for 37 seconds" is collapsed: its text is not on the page, so there is no reasoning to keep.
  { page: 'deepseek/expert-2026-05.html', answers: 1, models: 'Expert', exact: [0, 609, '9b27e6fc846301f8'] },
  { page: 'gemini/deep-research-2026-07.html', answers: 2, models: null, exact: [1, 70, '02d3758e823a7b72'] },
  { page: 'gemini/real-capture.html', answers: 3, models: 'Flash', exact: [2, 2138, '97550e2d462ba59c'] },
  { page: 'gemini/table-2026-07.html', answers: 1, models: 'Flash', exact: [0, 1340, '29af3effd296e850'] },
  // The collapsed "Worked for 3s" block keeps its thinking in the DOM: reasoning, never text.
  { page: 'lechat/chat-2026-05.html', answers: 1, models: 'Work', reasoning: [0], exact: [0, 536, '8b7df9d1ebc8417a'] },
  { page: 'perplexity/chat-2026-05.html', answers: 1, models: 'Claude Sonnet 4.6 Thinking', exact: [0, 992, 'e4e872ac768c12e3'] },
  // The composer's model button reads "Model" on this page: no claim.
  { page: 'perplexity/chat-3turn-ja-2026-02.html', answers: 3, models: null, exact: [0, 3, '2910a18eec8fd2dd'] },
];

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const siteOf = (page: string) => page.split('/')[0] as SiteId;
const adapterOf = (site: SiteId) => adapterById(site)!;

/** The page's user messages as the variant finds them, read as prompts (whitespace folded). */
function promptsOn(site: SiteId, doc: Document): string[] {
  const scan = scanPage(adapterOf(site), doc);
  if (!scan.variant) return [];
  const users = scan.turns.flatMap((turn) => chainAll(turn, scan.variant!.userMessage));
  return users.map((node) => squash(readPrompt(scan.variant!, { turn: node, messages: [], promptNodes: [node], isLast: false })));
}

/** Checks that hold on every page: no chrome, no prompt saved as an answer, reasoning apart, page untouched. */
function expectCleanAnswers(site: SiteId, doc: Document) {
  const before = doc.body.innerHTML;
  const saved = capturedAnswers(adapterOf(site), doc, SITES[site].url);
  expect(doc.body.innerHTML).toBe(before);
  const prompts = promptsOn(site, doc);
  for (const answer of saved) {
    expect(answer.text).not.toMatch(SITES[site].leaks);
    expect(answer.prompt).not.toMatch(SITES[site].leaks);
    if (answer.text) expect(prompts).not.toContain(squash(answer.text));
    if (answer.reasoning) expect(answer.text).not.toContain(answer.reasoning.slice(0, 20));
  }
  return saved;
}

describe('every real page (../shared/fixtures/real-dom)', { timeout: 30_000 }, () => {
  test('the table covers every real page of every site', () => {
    const sites = readdirSync(REAL_DOM_DIR, { withFileTypes: true }).filter((d) => d.isDirectory());
    const pages = sites.flatMap((d) => readdirSync(path.join(REAL_DOM_DIR, d.name)).filter((f) => f.endsWith('.html')).map((f) => `${d.name}/${f}`));
    expect(REAL_PAGES.map((p) => p.page).sort()).toEqual(pages.sort());
  });

  test.each(REAL_PAGES)('$page: $answers answers, each recorded once with text and a prompt', ({ page, answers, unfinished }) => {
    const site = siteOf(page);
    const doc = realCapture(site, page.slice(site.length + 1));
    const scan = scanPage(adapterOf(site), doc);
    expect(scan.answers).toHaveLength(answers);
    const saved = capturedAnswers(adapterOf(site), doc, SITES[site].url);
    const emitted = saved.filter((answer, i) => answer.text.length > 0 && wouldEmit(adapterOf(site), doc, i));
    expect(emitted).toHaveLength(unfinished ? 0 : answers);
    for (const answer of saved) expect(answer.prompt.length, `${page}: a prompt for every answer`).toBeGreaterThan(0);
    expect(new Set(saved.map((a) => sampleId(a))).size).toBe(answers);
  });

  test.each(REAL_PAGES)('$page: no chrome, no prompt saved as an answer, reasoning apart, page untouched', ({ page, reasoning = [] }) => {
    const site = siteOf(page);
    const saved = expectCleanAnswers(site, realCapture(site, page.slice(site.length + 1)));
    expect(saved.flatMap((a, i) => (a.reasoning ? [i] : []))).toEqual(reasoning);
  });

  test.each(REAL_PAGES)('$page: one answer rebuilds to its exact markdown, and the claimed models', ({ page, exact, models }) => {
    const site = siteOf(page);
    const saved = capturedAnswers(adapterOf(site), realCapture(site, page.slice(site.length + 1)), SITES[site].url);
    const [index, chars, hash] = exact;
    expect([saved[index]?.text.length, sha(saved[index]?.text ?? '')]).toEqual([chars, hash]);
    const expected = Array.isArray(models) ? models : saved.map(() => models);
    expect(saved.map((a) => a.claimedModel?.raw ?? null)).toEqual(expected);
  });
});

const HAND_BUILT = siteAdapters.flatMap((adapter) =>
  readdirSync(path.join(FIXTURES_DIR, adapter.id))
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({ site: adapter.id, file })),
);

const EMBEDDED = HAND_BUILT.filter(({ site, file }) =>
  readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8').includes('id="modelprint-expected"'),
);

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('every hand-built page (tests/fixtures/sites)', () => {
  test.each(EMBEDDED)('$site/$file: yields exactly the answers its #modelprint-expected lists (after its script ran)', async ({ site, file }) => {
    const html = readFileSync(path.join(FIXTURES_DIR, site, file), 'utf8');
    const streams = /<script>/.test(html);
    const doc = streams ? await runStream(html, 30_000) : parsePage(html);
    if (streams) expect(doc.body.getAttribute('data-stream-done')).toBe('true');
    expectEmbeddedAnswers(adapterOf(site), doc, SITES[site].url);
  });

  test.each(HAND_BUILT)('$site/$file: no chrome, no prompt saved as an answer, reasoning apart, page untouched', ({ site, file }) => {
    const doc = fixture(site, file);
    const saved = expectCleanAnswers(site, doc);
    const { answer, reasoningLeaks, tex } = SITES[site];
    if (answer) expect(saved).toHaveLength(queryAll(doc, answer).length);
    for (const a of saved) {
      if (reasoningLeaks) expect(a.reasoning ?? '').not.toMatch(reasoningLeaks);
      if (tex) expect(a.text.match(tex)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });
});

describe('pages without a conversation record nothing', () => {
  test.each(siteAdapters.map((a) => a.id))('%s: the home page is no conversation page, and an empty page has no answer', (site) => {
    const adapter = adapterOf(site);
    expect(isConversationPage(adapter, SITES[site].home)).toBe(false);
    expect(isConversationPage(adapter, SITES[site].url)).toBe(true);
    const empty = parsePage('<!doctype html><html><body><main><h1>New chat</h1><textarea></textarea></main></body></html>');
    expect(scanPage(adapter, empty).answers).toEqual([]);
  });
});
