/**
 * Gemini (gemini.google.com). Evidence: `../shared/research/chatbot-dom-2026.md` §3; keys (NL, GV, CWC,
 * OPH, U5) are defined there. An Angular app: custom element names (`user-query`, `model-response`,
 * `message-content`, `model-thoughts`) are the durable anchors; `_ngcontent`/`ng-*` never are (NL).
 */
import { defineSiteAdapter, sel, signal, type SiteVariant } from './define';
import { SITE_MATCHES } from './hosts';

/**
 * `/app/<hex>` (VOD), Gems `/gem/<gem-id>/<hex>`, multi-account `/u/<n>/…` (GV, NL), shared `/share/<hex>`.
 * The id equals the turn container's id in the DOM (NL capture).
 */
const CONVERSATION_PATH = /^(?:\/u\/\d+)?\/(?:app|gem\/[^/]+|share)\/([0-9a-f]{8,})(?:\/|$)/i;

export function geminiConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** The picker shows a mode, never a model id (research §3, NL #12d): "Fast", "Flash", "Pro", "Thinking"… */
const MODE_WORDS = /^(?:fast|flash|flash[- ]lite|pro|thinking|extended|deep think|deep research|quick)$/i;

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
  promptText: [
    sel('.query-text-line', '2026-07-29', 'NL table and deep-research captures', 'one per typed line'),
    sel('user-query-content', '2026-07-29', 'NL real-capture (older layout without .query-text)'),
  ],
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
  strip: [
    sel('[hide-from-message-actions]', '2026-07-29', 'NL table and deep-research captures', "Gemini's own not-part-of-the-answer marker"),
    sel('.code-block-decoration', '2026-07-29', 'NL table capture', 'code header: language label and buttons, outside <pre>'),
    sel('.attachment-container', '2026-07-29', 'NL captures', 'immersive, generated-file and Deep Research chips'),
  ],
  reasoning: [
    sel('model-thoughts', '2026-07-29', 'NL capture, GV DOMContentExtractor'),
    sel('.thoughts-container', '2026-07-29', 'NL capture, GV'),
  ],
  messageId: [
    { css: 'message-content[id^="message-content-id-"]', attr: 'id', pattern: /^message-content-id-(.+)$/, seen: '2026-07-29', evidence: 'NL captures' },
    { attr: 'id', pattern: /^([0-9a-f]{16})$/, seen: '2026-07-29', evidence: 'NL captures', note: 'the turn container' },
  ],
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

export const gemini = defineSiteAdapter({
  id: 'gemini',
  label: 'Gemini',
  matches: SITE_MATCHES.gemini,
  conversationId: geminiConversationId,
  variants: [family],
});
