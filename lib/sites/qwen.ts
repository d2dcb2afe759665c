/**
 * Qwen Chat (chat.qwen.ai). Evidence: `../shared/research/chatbot-dom-2026.md` §9; keys (VOD, CWC, U14,
 * U15…) are defined there. Two sets of role markers are in circulation: the newer `data-chat-*-wrap`
 * attributes (U15) and the `.qwen-chat-message-*` classes (VOD 2026-08-01, U14 2026-06). Both share the
 * response body (`.response-message-content.phase-answer`, thinking in a `phase-thinking` sibling).
 */
import { defineSiteAdapter, sel, signal, type ModelLabelSpec, type SelectorChain, type SelectorSet, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'qwen',
  label: 'Qwen Chat',
  matches: ['https://chat.qwen.ai/*'],
} as const satisfies SiteFacts;

/** `/c/<uuid>` (VOD). */
const CONVERSATION_PATH = /^\/c\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function qwenConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/s/<uuid>` with a front-end version query `?fev=0.2.63` (U-id 69491306518, checked
 * 2026-09-22; links of 2026 in U-id 55820589431, 59076692502), `/s/t_<uuid>` (U-id 61920797666, fev 0.2.81)
 * and `/share/<uuid>` (a share importer, U-id 71431218267). No source shows the share page's markup: assumed
 * to be the chat's (confidence L).
 */
const SHARE_PATH = /^\/(?:s|share)\/((?:t_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function qwenShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** The answer phase only: `phase-thinking` / `phase-reason` are siblings of it (U14). */
const markdownBody = [
  sel('.response-message-content.phase-answer .qwen-markdown', '2026-08', 'U14, U-id 68473104389, CWC'),
  sel('.response-message-content.phase-answer', '2026-06', 'U14'),
] as const;

const generating = [
  signal('page', '.chat-prompt-send-button .stop-button', '2026-08', 'U-id 57483029879'),
] as const;

const complete = [
  signal('answer', '.copy-response-button', '2026-06', 'U14'),
  signal('answer', '.qwen-chat-package-comp-new-action-control-icons', '2026-08', 'CWC'),
] as const;

const strip: SelectorSet = [
  sel('.qwen-markdown-table-header', '2026-08', 'U14, CWC', 'table title and download button'),
  sel('.qwen-markdown-code-header', '2026-08', 'U14, CWC', 'read for the language before it is stripped'),
  sel('[class*="status-card-wraper"]', '2026-08-01', 'VOD, U14', '"Thinking completed" card (sic: wraper)'),
  sel('[class*="qwen-chat-thinking"]', '2026-08-01', 'VOD', 'expanded thinking panel'),
];

const reasoning: SelectorSet = [
  sel('.response-message-content.phase-thinking', '2026-06', 'U14, VOD'),
  sel('.response-message-content.phase-reason', '2026-06', 'U14'),
];

const promptText: SelectorChain = [
  sel('.user-message-text-content', '2026-02-09', 'MCP'),
  sel('.user-message-content', '2026-02-09', 'MCP'),
];

/** Qwen names the model in its header picker (Ant Design dropdown), e.g. "Qwen3-Max". */
const model: ModelLabelSpec = {
  picker: [{ css: '.header-left .ant-dropdown-trigger', seen: '2026-08', evidence: 'CWC' }],
};

/** Newer role markers (U15); put first because data attributes outlive class names (research §17.2). */
const answersWrap: SiteVariant = {
  id: 'a-answers-wrap',
  root: [sel('#chat-message-container', '2026-08-01', 'VOD')],
  turn: [sel('[data-chat-question-wrap], [data-chat-answers-wrap]', '2026-08', 'U15')],
  userMessage: [sel('[data-chat-question-wrap]', '2026-08', 'U15')],
  promptText,
  assistantMessage: [sel('[data-chat-answers-wrap]', '2026-08', 'U15')],
  markdownBody,
  generating,
  complete,
  strip,
  reasoning,
  model,
};

/** Role classes (VOD 2026-08-01, U14 2026-06). Compare mode (`.qwen-chat-message-dual-message`) is not handled. */
const messageClasses: SiteVariant = {
  id: 'b-message-classes',
  root: [sel('#chat-message-container', '2026-08-01', 'VOD')],
  turn: [
    sel('.qwen-chat-message-user, .qwen-chat-message-assistant', '2026-08-01', 'VOD, U14'),
    sel('#chat-message-container > .qwen-chat-message', '2026-08-01', 'VOD'),
  ],
  userMessage: [sel('.qwen-chat-message-user', '2026-08-01', 'VOD, MCP')],
  promptText,
  assistantMessage: [
    sel('.qwen-chat-message-assistant', '2026-08-01', 'VOD, U14'),
    sel('.chat-response-message', '2026-08-01', 'VOD, U15'),
  ],
  markdownBody,
  generating,
  complete,
  strip,
  reasoning,
  model,
};

export const qwen = defineSiteAdapter(site, {
  conversationId: qwenConversationId,
  shareId: qwenShareId,
  variants: [answersWrap, messageClasses],
});
