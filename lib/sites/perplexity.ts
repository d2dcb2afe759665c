/**
 * Perplexity (www.perplexity.ai). Evidence: `../shared/research/chatbot-dom-2026.md` §7; keys (SHO, VOD, CWC,
 * U19…) are defined there. There is no turn wrapper, so turns are the prompts and the answer proses
 * themselves, in document order. Two rollouts run at once and both are matched by the same chains:
 * - answers: `div[id^="markdown-content-"]` holds the prose, or (2026-08, SHO #444/#464) is an empty
 *   placeholder with the prose beside it; the prose's classes are the same in both, so it is the anchor;
 * - prompts: `[class*="group/user-bubble"] [data-renderer="lm"]` since 2026-09-25, before that
 *   `span.select-text` in `[class~="group/query"]` (SHO perplexity-user-bubble-2026-09).
 * The real threads saved on 2026-02-27 and by 2026-05-21 (`../shared/fixtures/real-dom/perplexity/`) do have
 * a wrapper: each question and its answer sit in the "Answer" tab panel of that question, with the answer's
 * action bar and, in 2026-05, the model that wrote it ("Prepared using …"). Where such panels exist they are
 * the turns (variant A); the flat walk (variant B) stays for the markup of the descriptions.
 */
import { defineSiteAdapter, sel, signal, type AnswerNodes, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'perplexity',
  label: 'Perplexity',
  matches: ['https://www.perplexity.ai/*', 'https://perplexity.ai/*'],
} as const satisfies SiteFacts;

/** `/search/<slug>`: the whole slug (title words plus an id with mixed case and dots) is the id (VOD, SHO). */
const CONVERSATION_PATH = /^\/search\/([A-Za-z0-9._-]{8,})(?:\/|$)/;

export function perplexityConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const USER_BUBBLE = '[class*="group/user-bubble"]';
const QUERY_BLOCK = '[class~="group/query"]';
/** Deep Research report cards nest an inline prose of their own (SHO selectors, 2026-07). */
const DEEP_RESEARCH_CARD = 'div.bg-raised.rounded-lg';
/** Reasoning steps, shown once "N steps completed" is expanded (ozand/Bookmark perplexity v18.4, 2026-01-08). */
const STEP = '[class~="group/goal"]';
const ANSWER = '.prose.inline';

/**
 * Research §7/§14: the "Choose a model" button, with no stable attribute. English UI only; its text is
 * assumed to be the selected model (L). "Best" lets Perplexity choose: a mode, not a model. The 2026-02 real
 * page shows the bare word "Model" there, which names nothing and is not read.
 */
const pickerModel = {
  picker: [
    {
      css: 'button[aria-label="Choose a model"]',
      pattern: /^\s*((?!Model\s*$)\S[\s\S]*?)\s*$/,
      seen: '2026-08',
      evidence: 'research §14 (L), real-dom perplexity/chat-3turn-ja-2026-02.html',
    },
  ],
  modeWords: /^(?:best|auto)$/i,
} satisfies SiteVariant['model'];

/** The "Answer" tab panel of one question: its prompt, steps, answer, action bar and model line. */
const ANSWER_PANEL = '[role="tabpanel"][id$="-content-default"]';

const panels: SiteVariant = {
  id: 'a-answer-panel',
  turn: [
    sel(`${ANSWER_PANEL}:has(.prose)`, '2026-05-21', 'real-dom perplexity/chat-2026-05.html, chat-3turn-ja-2026-02.html', 'radix tab ids: `radix-:r253:-content-default` (2026-02), `radix-_r_ro_-content-default` (2026-05)'),
  ],
  userMessage: [
    sel(USER_BUBBLE, '2026-09-25', 'SHO perplexity-user-bubble-2026-09'),
    sel(QUERY_BLOCK, '2026-05-21', 'real-dom perplexity/*.html (an h1 for the first question, a div after)'),
  ],
  promptText: [
    sel('[data-renderer="lm"]', '2026-09-25', 'SHO perplexity-user-bubble-2026-09'),
    sel('span.select-text', '2026-05-21', 'real-dom perplexity/*.html'),
  ],
  // The panel is the answer; its proses are the bodies, in order. A Research report's card prose joins the
  // intro prose of the same panel: one answer. Proses inside steps are dropped as reasoning.
  assistantMessage: [sel(ANSWER_PANEL, '2026-05-21', 'real-dom perplexity/*.html')],
  markdownBody: [
    sel('.prose.dark\\:prose-invert.inline', '2026-05-21', 'real-dom perplexity/*.html, SHO selectors (#444/#464)'),
    sel(ANSWER, '2026-08', 'SHO selectors', 'without the theme class'),
  ],
  generating: [signal('page', 'button[data-testid="stop-generating-response-button"]', '2026-08', 'U19, CWC')],
  complete: [
    signal('answer', 'button[aria-label="Copy"]', '2026-05-21', 'real-dom perplexity/*.html', 'the action bar under the answer; English UI only ("Copy query", "Copy code" differ)'),
    signal('answer', 'button[aria-label="Helpful"]', '2026-05-21', 'real-dom perplexity/*.html'),
  ],
  strip: [
    sel('span[data-state]:has(span.citation[data-pplx-citation-url])', '2026-02-27', 'real-dom perplexity/chat-3turn-ja-2026-02.html', 'the pill\'s hover-card wrapper, which also holds a zero-width space; before the pill, which it is found by'),
    sel('span.citation[data-pplx-citation-url]', '2026-05-21', 'SHO selectors, real-dom perplexity/chat-3turn-ja-2026-02.html', 'citation pills with the source name'),
    sel('span.citation-nbsp', '2026-02-27', 'SHO selectors, real-dom perplexity/chat-3turn-ja-2026-02.html', 'spacer before each pill'),
    sel('span[class~="group/trigger"]', '2026-07', 'SHO selectors', 'legacy citation pill'),
  ],
  reasoning: [sel(STEP, '2026-01-08', 'ozand/Bookmark perplexity CHANGELOG_v18.4', 'L: no real page shows steps expanded')],
  model: {
    perMessage: [
      {
        css: '.text-quiet',
        pattern: /^\s*Prepared using\s+(\S[\s\S]*?)\s*$/,
        seen: '2026-05-21',
        evidence: 'real-dom perplexity/chat-2026-05.html',
        note: '"Prepared using Claude Sonnet 4.6 Thinking" under the answer; English UI only',
      },
    ],
    ...pickerModel,
  },
};

const flat: SiteVariant = {
  id: 'b-flat-prose',
  turn: [
    sel(`${USER_BUBBLE}, ${QUERY_BLOCK}, ${ANSWER}`, '2026-09-25', 'SHO, VOD', 'prompts and answers, no turn wrapper'),
  ],
  userMessage: [
    sel(USER_BUBBLE, '2026-09-25', 'SHO perplexity-user-bubble-2026-09'),
    sel(QUERY_BLOCK, '2026-08-01', 'VOD, SHO', 'before the 2026-09-25 rollout'),
  ],
  promptText: [
    sel('[data-renderer="lm"]', '2026-09-25', 'SHO perplexity-user-bubble-2026-09'),
    sel('span.select-text', '2026-08-01', 'SHO, VOD', 'removed site-wide on 2026-09-25'),
  ],
  assistantMessage: [
    sel('.prose.dark\\:prose-invert.inline', '2026-08', 'SHO selectors (#444/#464)', 'same classes inside or beside the placeholder'),
    sel(ANSWER, '2026-08', 'SHO selectors', 'without the theme class'),
  ],
  generating: [signal('page', 'button[data-testid="stop-generating-response-button"]', '2026-08', 'U19, CWC')],
  complete: [signal('page', 'button[data-testid="submit-button"]', '2026-02-09', 'MCP, CWC', 'returns when the answer ends')],
  strip: [
    sel('span.citation[data-pplx-citation-url]', '2026-07-02', 'SHO selectors', 'citation pills with the source name'),
    sel('span.citation-nbsp', '2026-07-02', 'SHO selectors', 'spacer before each pill'),
    sel('span[class~="group/trigger"]', '2026-07', 'SHO selectors', 'legacy citation pill'),
  ],
  reasoning: [sel(STEP, '2026-01-08', 'ozand/Bookmark perplexity CHANGELOG_v18.4', 'L: research §7 found no DOM detail')],
  model: pickerModel,
};

/** The answer's prompt element: the last user bubble or query block before it. */
function promptBefore(answer: Element, doc: Document): Element | null {
  const prompts = Array.from(doc.querySelectorAll(`${USER_BUBBLE}, ${QUERY_BLOCK}`));
  return prompts.filter((p) => p.compareDocumentPosition(answer) & Node.DOCUMENT_POSITION_FOLLOWING).at(-1) ?? null;
}

/**
 * Reasoning steps sit outside the answer prose, between the prompt and the answer (no wrapper holds both),
 * so they are collected by document position.
 */
function readPerplexityReasoning(answer: AnswerNodes, doc: Document): string | null {
  const prompt = promptBefore(answer.turn, doc);
  const steps = Array.from(doc.querySelectorAll(STEP)).filter(
    (step) =>
      (step.compareDocumentPosition(answer.turn) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0 &&
      (!prompt || (prompt.compareDocumentPosition(step) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0),
  );
  // A step is a few blocks (description, search queries, sources): one line each, a blank line between steps.
  const lineOf = (el: Element) => el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const texts = steps
    .map((step) => (step.children.length > 0 ? Array.from(step.children, lineOf) : [lineOf(step)]).filter(Boolean).join('\n'))
    .filter(Boolean);
  return texts.length > 0 ? texts.join('\n\n') : null;
}

/**
 * A prose inside a Deep Research card, a user bubble or a reasoning step is not a chat answer. "Not inside"
 * needs a complex `:not()`, which happy-dom (where the adapter tests run) does not support, so such proses
 * are found as answers but never complete, and so never recorded.
 */
function isPerplexityAnswerComplete(answer: AnswerNodes): boolean | undefined {
  return answer.turn.parentElement?.closest(`${DEEP_RESEARCH_CARD}, ${USER_BUBBLE}, ${STEP}`) ? false : undefined;
}

export const perplexity = defineSiteAdapter(site, {
  conversationId: perplexityConversationId,
  variants: [panels, flat],
  hooks: { readReasoning: readPerplexityReasoning, isComplete: isPerplexityAnswerComplete },
});
