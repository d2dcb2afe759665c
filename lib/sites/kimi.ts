/**
 * Kimi (www.kimi.com, kimi.com; kimi.moonshot.cn is the legacy host). Evidence:
 * `../shared/research/chatbot-dom-2026.md` §10 (VOD 2026-08-01, U17 "last validated 2026-07", U18, CWC,
 * U7). A Vue/Nuxt app: semantic class names (`segment-*`, `chat-content-item-*`) plus `data-v-*` hashes,
 * which are never used. One DOM family. Confidence M.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'kimi',
  label: 'Kimi',
  matches: ['https://www.kimi.com/*', 'https://kimi.com/*', 'https://kimi.moonshot.cn/*'],
} as const satisfies SiteFacts;

/** `/chat/<id>` (VOD `'/chat/([0-9a-f-]{8,})'`, verified 2026-08-01 on www.kimi.com). */
const CONVERSATION_PATH = /^\/chat\/([0-9a-f-]{8,})(?:\/|$)/i;

export function kimiConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<id>` (U-id 69491306518, checked 2026-09-22): uuid-shaped ids
 * (`19d8b2b9-ebf2-862f-8000-00006be28d4e`, Kimi's own docs 2026-04, U-id 68911149733) and older
 * 20-character ones (`d3ue3u6f5ku58cd1jo40`, U-id 11784289161). The share page lists the same
 * `.segment-user` / `.segment-assistant` segments inside `.share-content-list` (U-id 69777233811, "verified
 * against real share pages in 2026-09"), without the `.chat-content-item-*` wrappers or the action row.
 */
const SHARE_PATH = /^\/share\/([0-9a-z-]{8,})(?:\/|$)/i;

export function kimiShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

const segments: SiteVariant = {
  id: 'a-segments',
  turn: [
    sel('.chat-content-item-user, .chat-content-item-assistant', '2026-08-01', 'VOD, U17'),
    sel('.segment-user, .segment-assistant', '2026-08-01', 'VOD, U18', 'if the item wrappers go'),
  ],
  userMessage: [sel('.segment-user', '2026-08-01', 'VOD, U18')],
  promptText: [
    sel('.user-content', '2026-08-01', 'U18, VOD, MCP'),
    sel('.user-content__text', '2026-07', 'U18'),
  ],
  assistantMessage: [sel('.segment-assistant', '2026-08-01', 'VOD, U17, U18')],
  // The thinking panel renders its own `.markdown-container .markdown`; bodies inside `reasoning` are dropped.
  markdownBody: [
    sel('.markdown-container .markdown', '2026-08-01', 'U18, VOD'),
    sel('.markdown', '2026-08-01', 'VOD'),
  ],
  generating: [signal('page', '.send-button-container.stop', '2026-08', 'U7', 'not CWC\'s stop-square SVG path (research §17.2)')],
  complete: [signal('answer', '.segment-assistant-actions-content', '2026-08-10', 'CWC, VOD', 'copy is its first child')],
  strip: [
    sel('.segment-user-action-row', '2026-08-01', 'U18, VOD'),
    sel('.segment-assistant-actions', '2026-08-10', 'CWC', 'copy / regenerate / share row'),
  ],
  // The thinking block is also a `.toolcall-container`; search and tool steps are `.toolcall-flow` (U18,
  // 2026-07). VOD measured 1,045 characters of chain of thought leaking into naive captures. One selector,
  // so that a search step and the thinking after it are read in page order.
  reasoning: [sel('.thinking-container, .toolcall-container, .toolcall-flow', '2026-08-01', 'VOD, U18')],
  model: {
    picker: [{ css: '.current-model', seen: '2026-08-10', evidence: 'CWC (readiness probe)' }],
    // Kimi's picker may show a bare mode; the words are hand-authored (no source lists them).
    modeWords: /^(?:instant|thinking|agent(?: swarm)?|researcher|ok computer)$/i,
  },
};

export const kimi = defineSiteAdapter(site, {
  conversationId: kimiConversationId,
  shareId: kimiShareId,
  variants: [segments],
});
