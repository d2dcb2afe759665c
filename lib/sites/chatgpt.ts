/**
 * ChatGPT (chatgpt.com, chat.openai.com). Evidence: `../shared/research/chatbot-dom-2026.md` §1; keys
 * (NL, SHO, KUDO, U4…) are defined there. ChatGPT serves three DOM families at once in 2026; they are
 * tried in order A, B, C and the first whose turn selector matches is used.
 */
import { defineSiteAdapter, sel, signal, type AnswerNodes, type ModelLabelSpec, type SiteVariant, type SiteFacts, type ValueSource } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'chatgpt',
  label: 'ChatGPT',
  matches: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
} as const satisfies SiteFacts;

/** `/c/<id>`, `/uc/<id>` (logged-out), `/g/<gpt or project>/c/<id>` (PX getChatIdFromUrl; U1). */
const CONVERSATION_PATH = /^\/(?:g\/[^/]+\/)?(?:c|uc)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function chatgptConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<uuid>` on chatgpt.com and chat.openai.com (PX, U1; U-id 69491306518, checked
 * 2026-09-22). The share page renders the family A markup: `data-message-author-role` messages (U-id
 * 69777233811, "verified against real share pages in 2026-09"). Single-reply links `/s/t_<hex>` are not
 * conversations and are not read (no evidence of their markup).
 */
const SHARE_PATH = /^\/share\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function chatgptShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** The composer shows modes, not models, for these words (U13): recorded with source `mode`. */
const MODE_WORDS = /^(?:auto|instant|fast|thinking|pro|light|standard|extended|heavy)(?: thinking)?$/i;

const picker: ValueSource[] = [
  { css: 'button.__composer-pill[aria-haspopup="menu"]', seen: '2026-07-21', evidence: 'U4', note: 'moved from header to composer' },
  {
    css: 'button[data-testid="model-switcher-dropdown-button"]',
    attr: 'aria-label',
    pattern: /current model is (.+)$/i,
    seen: '2026-01',
    evidence: 'OPH, U13',
  },
  { css: 'button[data-testid="model-switcher-dropdown-button"]', seen: '2026-01', evidence: 'OPH, U13' },
];

const model: ModelLabelSpec = {
  perMessage: [{ attr: 'data-message-model-slug', seen: '2026-07-28', evidence: 'NL capture (gpt-4o, gpt-5-5)' }],
  picker,
  modeWords: MODE_WORDS,
};

/** Family A, "conversation-turn": 2024 → still served 2026-10. Confidence H. */
const familyA: SiteVariant = {
  id: 'a-conversation-turn',
  root: [sel('main#main', '2026-07-28', 'NL capture'), sel('main', '2026-07-28', 'NL capture')],
  turn: [
    sel('[data-testid^="conversation-turn-"]', '2026-10', 'NL, SHO, DEF', 'tag-agnostic: article until ~2026-03..07, then section'),
    sel('[data-turn-id][data-turn]', '2026-07-28', 'NL capture'),
  ],
  userMessage: [
    sel('[data-message-author-role="user"]', '2026-07-28', 'NL capture'),
    sel('[data-turn="user"]', '2026-07-28', 'NL capture', 'if the author-role attribute moves again (defuddle #236)'),
  ],
  promptText: [
    sel('.whitespace-pre-wrap', '2026-07-28', 'NL capture'),
    sel('[data-testid="collapsible-user-message-content"]', '2026-07-28', 'NL capture'),
  ],
  assistantMessage: [sel('[data-message-author-role="assistant"]', '2026-07-28', 'NL capture, DEF PR #302')],
  // Code blocks sit inside `.markdown` in real captures and beside it in NL's older hand-made fixture.
  markdownBody: [sel('.markdown, pre', '2026-07-28', 'NL capture + comprehensive.html')],
  generating: [
    signal('page', 'button[data-testid="stop-button"]', '2026-08', 'KUDO, OPH, CWC'),
    signal('page', 'button[data-testid="composer-submit-button"]:has(svg rect)', '2026-07-21', 'U4', 'icon-shape based: fragile'),
  ],
  complete: [
    signal('answer', 'button[data-testid="copy-turn-action-button"]', '2026-07-28', 'NL capture, CWC'),
    signal('answer', 'button[data-testid="good-response-turn-action-button"]', '2026-07-28', 'NL capture'),
  ],
  strip: [sel('[data-testid="webpage-citation-pill"]', '2026-07-28', 'NL citations.html', 'favicon pills (research §16.4)')],
  // Finished answers without an action bar: NL's deep-research-2026-07 page (derived from a live capture of
  // 2026-07-29, action bars dropped) and its 2026-01 exporter pages (artifacts, citations, comprehensive).
  // The stop button (KUDO, OPH, CWC 2026-08; U4) is what tells a stream from a finished answer here.
  settledWithoutSignals: {
    seen: '2026-07-29',
    evidence: 'NL deep-research-2026-07.html, artifacts-*.html, citations.html, comprehensive.html',
    unless: [
      sel('.text-token-text-error', '2026-09-06', 'U-id 67454464290 (a ChatGPT automation\'s DOM contract, live 2026-09-06)', 'error inside the assistant message: "maximum length", "Message delivery timed out" + Retry'),
    ],
  },
  messageId: [{ attr: 'data-message-id', seen: '2026-07-28', evidence: 'NL capture' }],
  model,
};

/** Family B, "turn-key" grouped renderer, from ~2026-09-22. Confidence M-H; fixture hand-authored. */
const familyB: SiteVariant = {
  id: 'b-turn-key',
  root: [sel('main', '2026-09-26', 'SHO')],
  turn: [sel('div[data-turn-key]', '2026-09-26', 'SHO', 'key = user message id, stable across remounts')],
  userMessage: [
    sel('[data-chatgpt-search-unit-key$=":user"]', '2026-09-26', 'SHO, U2'),
    sel('[data-user-message-bubble]', '2026-09-26', 'SHO'),
  ],
  promptText: [sel('.whitespace-pre-wrap', '2026-09-26', 'SHO')],
  assistantMessage: [
    sel('[data-chatgpt-search-unit-key$=":assistant"]', '2026-09-26', 'SHO, U3'),
    sel('[data-content-search-unit-key]:not(:has([data-user-message-bubble]))', '2026-09-26', 'SHO'),
  ],
  markdownBody: [sel('div[data-markdown-text-style="assistant-message"]', '2026-09-26', 'SHO', 'no .markdown.prose here')],
  generating: [
    signal('page', 'form[data-chatgpt-composer] button[aria-label="Stop"]', '2026-09-22', 'U2, U3', 'English UI only'),
    signal('page', 'button[data-testid="stop-button"]', '2026-08', 'KUDO, CWC', 'family A signal, kept in case it survives'),
  ],
  complete: [
    signal('answer', '.turn-action-controls', '2026-09-26', 'SHO, U3'),
    signal('answer', 'button[data-testid="copy-turn-action-button"]', '2026-07-28', 'NL', 'family A signal'),
  ],
  strip: [sel('span[data-chatgpt-agent-turn-start]', '2026-09-26', 'SHO, U2')],
  messageId: [
    { attr: 'data-chatgpt-search-message-ids', pattern: /^\s*([^\s,]+)/, seen: '2026-09-26', evidence: 'SHO' },
  ],
  model: { picker, modeWords: MODE_WORDS },
};

/** Family C, transcript list (`/uc/` web-mobile surface; maybe some logged-in accounts). Confidence M. */
const familyC: SiteVariant = {
  id: 'c-transcript',
  root: [sel('ol[data-conversation-transcript]', '2026-10-03', 'U1')],
  turn: [
    sel('ol[data-conversation-transcript] > li[data-message-role]', '2026-10-03', 'U1'),
    sel('li[data-message-role]', '2026-07-23', 'KUDO'),
  ],
  userMessage: [sel('li[data-message-role="user"]', '2026-10-03', 'U1, KUDO')],
  promptText: [
    sel('p[data-user-message-copy]', '2026-10-03', 'U1'),
    sel('[data-user-message-bubble]', '2026-10-03', 'U1'),
  ],
  assistantMessage: [sel('li[data-message-role="assistant"]', '2026-10-03', 'U1, KUDO')],
  markdownBody: [sel('[data-assistant-markdown]', '2026-10-03', 'U1')],
  generating: [
    signal('answer', '[data-message-streaming]', '2026-10-03', 'U1'),
    signal('answer', 'li[id^="pending-"]', '2026-10-03', 'U1', 'id becomes the real uuid when done'),
    signal('page', 'button[data-composer-submit][data-stop-generating]', '2026-10-03', 'U1'),
  ],
  complete: [signal('answer', '[data-message-complete]', '2026-10-03', 'U1')],
  strip: [sel('[data-assistant-placeholder-slot]', '2026-10-03', 'U1')],
  messageId: [{ attr: 'id', pattern: /^(?!pending-)(.+)$/, seen: '2026-10-03', evidence: 'U1' }],
  model: { picker, modeWords: MODE_WORDS },
};

/**
 * "Thought for Ns" chips (`button > span[data-state]`) sit between assistant messages of a turn (DEF
 * reasoning-split fixture). The chain of thought opens in a side panel, not in the turn (research §1), so
 * text is only read when the chip controls an open region that exists in the DOM (hand-authored, L).
 */
function readChatgptReasoning(answer: AnswerNodes, doc: Document): string | null {
  const chips = Array.from(answer.turn.querySelectorAll('button[aria-controls]:has(> span[data-state])'));
  const texts = chips
    .filter((chip) => chip.getAttribute('aria-expanded') === 'true')
    .map((chip) => doc.getElementById(chip.getAttribute('aria-controls') ?? '')?.textContent?.trim() ?? '')
    .filter(Boolean);
  return texts.length > 0 ? texts.join('\n\n') : null;
}

/** ChatGPT appends `utm_source=chatgpt.com` to links the model wrote (NL formatting-showcase capture). */
function cleanChatgptUrl(href: string): string {
  return href.replace(/([?&])utm_source=chatgpt\.com(&?)/, (_m, sep: string, next: string) => (next ? sep : '')).replace(/[?&]$/, '');
}

export const chatgpt = defineSiteAdapter(site, {
  conversationId: chatgptConversationId,
  shareId: chatgptShareId,
  variants: [familyA, familyB, familyC],
  hooks: { readReasoning: readChatgptReasoning, cleanUrl: cleanChatgptUrl },
});
