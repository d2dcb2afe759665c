/**
 * Gemini (gemini.google.com). Evidence: `../shared/research/chatbot-dom-2026.md` §3; keys (NL, GV, CWC,
 * OPH, U5) are defined there. An Angular app: custom element names (`user-query`, `model-response`,
 * `message-content`, `model-thoughts`) are the durable anchors; `_ngcontent`/`ng-*` never are (NL).
 */
import { defineSiteAdapter, sel, signal, type SelectorChain, type SelectorSet, type SiteVariant, type SiteFacts, type ValueSource } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'gemini',
  label: 'Gemini',
  matches: ['https://gemini.google.com/*'],
} as const satisfies SiteFacts;

/**
 * `/app/<hex>` (VOD), Gems `/gem/<gem-id>/<hex>`, multi-account `/u/<n>/…` (GV, NL).
 * The id equals the turn container's id in the DOM (NL capture).
 */
const CONVERSATION_PATH = /^(?:\/u\/\d+)?\/(?:app|gem\/[^/]+)\/([0-9a-f]{8,})(?:\/|$)/i;

export function geminiConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<12 hex>` (U-id 69491306518, checked 2026-09-22; links in public files of
 * 2026-03..06). `g.co/gemini/share/<id>` redirects here, so it is read without a host permission for g.co;
 * `share.gemini.google/<id>` is another host and is not read.
 */
const SHARE_PATH = /^(?:\/u\/\d+)?\/share\/([0-9a-f]{8,})(?:\/|$)/i;

export function geminiShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** The picker shows a mode, never a model id (research §3, NL #12d): "Fast", "Flash", "Pro", "Thinking"… */
const MODE_WORDS = /^(?:fast|flash|flash[- ]lite|pro|thinking|extended|deep think|deep research|quick)$/i;

const promptText: SelectorChain = [
  sel('.query-text-line', '2026-07-29', 'NL table and deep-research captures', 'one per typed line'),
  sel('user-query-content', '2026-07-29', 'NL real-capture (older layout without .query-text)'),
];

const strip: SelectorSet = [
  sel('[hide-from-message-actions]', '2026-07-29', 'NL table and deep-research captures', "Gemini's own not-part-of-the-answer marker"),
  sel('.code-block-decoration', '2026-07-29', 'NL table capture', 'code header: language label and buttons, outside <pre>'),
  sel('.attachment-container', '2026-07-29', 'NL captures', 'immersive, generated-file and Deep Research chips'),
];

const reasoning: SelectorSet = [
  sel('model-thoughts', '2026-07-29', 'NL capture, GV DOMContentExtractor'),
  sel('.thoughts-container', '2026-07-29', 'NL capture, GV'),
];

const messageId: ValueSource[] = [
  { css: 'message-content[id^="message-content-id-"]', attr: 'id', pattern: /^message-content-id-(.+)$/, seen: '2026-07-29', evidence: 'NL captures' },
  { attr: 'id', pattern: /^([0-9a-f]{16})$/, seen: '2026-07-29', evidence: 'NL captures', note: 'the turn container' },
];

const family: SiteVariant = {
  id: 'a-conversation-container',
  root: [
    sel('infinite-scroller[data-test-id="chat-history-container"]', '2026-07-29', 'NL capture (table)'),
    sel('#chat-history', '2026-07-29', 'NL captures'),
  ],
  turn: [
    sel('div.conversation-container', '2026-07-29', 'NL captures, DEF, RS, SHO', 'its id is the response id'),
    sel('user-query, model-response', '2026-07-29', 'NL captures', 'custom elements, if the container class changes'),
  ],
  userMessage: [sel('user-query', '2026-07-29', 'NL, GV, SHO')],
  promptText,
  assistantMessage: [sel('model-response', '2026-07-29', 'NL captures')],
  // Only the response text: thinking (`model-thoughts`) is a sibling of this container (GV, research §3).
  markdownBody: [
    sel('structured-content-container.model-response-text .markdown-main-panel', '2026-07-29', 'NL captures'),
    sel('message-content', '2026-07-29', 'NL captures'),
  ],
  generating: [
    signal('answer', '.markdown-main-panel[aria-busy="true"]', '2026-07-29', 'NL captures (aria-busy="false" when done)'),
    signal('page', 'mat-icon[fonticon="stop"]', '2026-09', 'CWC, OPH, U5'),
    signal('page', 'button.stop-icon', '2026-09', 'CWC, U5'),
  ],
  complete: [
    signal('answer', '.response-footer.complete', '2026-07-29', 'NL captures'),
    signal('answer', 'message-actions', '2026-08-10', 'CWC footer, NL table capture'),
  ],
  strip,
  reasoning,
  messageId,
  model: {
    picker: [
      { css: '[data-test-id="bard-mode-menu-button"] .picker-primary-text', seen: '2026-07-29', evidence: 'NL capture, OPH' },
      {
        css: '[data-test-id="bard-mode-menu-button"]',
        attr: 'aria-label',
        pattern: /currently (.+)$/i,
        seen: '2026-07-29',
        evidence: 'NL capture ("Open mode picker, currently Flash")',
      },
      { css: '[data-test-id="logo-pill-label-container"]', seen: '2026-01', evidence: 'OPH' },
    ],
    modeWords: MODE_WORDS,
  },
};

/**
 * A shared conversation (`/share/<id>`): one `share-turn-viewer` per turn, holding `user-query` (or
 * `user-query-content`) and a `response-container` with its `message-content`, but no `model-response`,
 * `conversation-container` or action footer (U-id 59245205646, 2026-04 or later; U-id 63254422771, a share
 * exporter's changelog of 2026-08; U-id 57257368218, 13094596594, 69826608194, undated). Without this
 * variant the chat's fallback turn selector finds the prompts and no answer (issue 13). First in the list:
 * `share-turn-viewer` is never on a chat page, and the chat's `user-query` fallback would claim the page.
 * The title section says "Created with Pro April 8, 2026…": the mode of the shared chat (English UI).
 */
const share: SiteVariant = {
  id: 'share-turn-viewer',
  turn: [sel('share-turn-viewer', '2026-08', 'U-id 63254422771, 59245205646, 57257368218', 'share pages only')],
  userMessage: [
    sel('user-query', '2026-08', 'U-id 13094596594, 57257368218'),
    sel('user-query-content', '2026-04', 'U-id 59245205646'),
  ],
  promptText,
  assistantMessage: [sel('response-container', '2026-04', 'U-id 59245205646, 69826608194', 'inside model-response on chat pages')],
  markdownBody: [
    sel('message-content .markdown-main-panel', '2026-04', 'U-id 57257368218, NL captures'),
    sel('message-content', '2026-04', 'U-id 59245205646'),
  ],
  generating: [],
  complete: [signal('page', 'share-turn-viewer', '2026-08', 'U-id 63254422771', 'a share page is a finished copy')],
  strip,
  reasoning,
  messageId,
  model: {
    picker: [
      {
        css: '.share-title-section',
        pattern: /Created with (.+?) (?:January|February|March|April|May|June|July|August|September|October|November|December) \d/,
        seen: '2026-04',
        evidence: 'U-id 59245205646 ("Created with [tier] April 8, 2026 at 07:24 PM")',
      },
    ],
    modeWords: MODE_WORDS,
  },
};

export const gemini = defineSiteAdapter(site, {
  conversationId: geminiConversationId,
  shareId: geminiShareId,
  variants: [share, family],
});
