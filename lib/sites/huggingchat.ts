/**
 * HuggingChat (huggingface.co/chat, and nothing else of huggingface.co). Evidence:
 * `../shared/research/chatbot-dom-2026.md` §12. The chat-ui source is open, so HF (its Svelte components,
 * HEAD 2026-08-21) is authoritative here; VOD and CWC confirm the live page. One DOM family: each message
 * is its own element with `data-message-id`, so a message is also its turn.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'huggingchat',
  label: 'HuggingChat',
  // `/chat` itself, its subpaths and its query, not `/chat*`: that matched `/chatterbox-org/...` too.
  matches: ['https://huggingface.co/chat', 'https://huggingface.co/chat/*', 'https://huggingface.co/chat?*'],
} as const satisfies SiteFacts;

/** `/chat/conversation/<24-hex MongoDB ObjectId>` (HF route `src/routes/conversation/[id]`; VOD). */
const CONVERSATION_PATH = /^\/chat\/conversation\/([0-9a-f]{24})(?:\/|$)/i;

export function huggingchatConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations: a share link `/chat/r/<id>` (HF `src/routes/r/[id]`), id `nanoid(7)` (HF
 * `conversation/[id]/share/+server.ts`). Logged out, the link redirects to the view-only
 * `/chat/conversation/<id>` with the same 7-character id (HF `r/[id]/+page.ts`); logged in, it imports a copy
 * into the reader's own conversations (a 24-hex id, read as theirs). Both views render the chat window
 * (`ChatWindow shared={true}`, HF `r/[id]/+page.svelte`), so the chat selectors read them.
 */
const SHARE_PATH = /^\/chat\/(?:r|conversation)\/([A-Za-z0-9_-]{7})(?:\/|$)/;

export function huggingchatShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1] ?? null;
}

const chatUi: SiteVariant = {
  id: 'a-chat-ui',
  turn: [
    sel('[data-message-id][data-message-type="user"], [data-message-id][data-message-role="assistant"]', '2026-08-21', 'HF ChatMessage.svelte'),
  ],
  userMessage: [sel('[data-message-type="user"]', '2026-08-21', 'HF ChatMessage.svelte')],
  assistantMessage: [
    sel('[data-message-role="assistant"][role="presentation"]', '2026-08-21', 'HF ChatMessage.svelte'),
    sel('[data-message-role="assistant"]', '2026-08-21', 'HF', 'if the presentation role goes'),
  ],
  // MarkdownRenderer blocks; the reasoning panel renders its own `.prose`, dropped as a reasoning body.
  markdownBody: [sel('.prose', '2026-08-21', 'HF MarkdownRenderer.svelte')],
  generating: [
    signal('page', 'button.stop-generating-btn', '2026-08-21', 'HF StopGeneratingBtn.svelte, CWC'),
    signal('page', 'button[aria-label="Stop generating"]', '2026-08-21', 'HF StopGeneratingBtn.svelte', 'chat-ui is English-only'),
    signal('answer', '.thinking-shimmer', '2026-08-21', 'HF OpenReasoningResults.svelte', 'reasoning header while loading'),
  ],
  // The footer (retry, copy) renders only when `!isLast || !loading` (HF ChatMessage.svelte). Not the
  // "Copy to clipboard" title: code blocks carry a copy button with the same title while streaming.
  complete: [
    signal('answer', 'button[title="Retry"]', '2026-08-21', 'HF ChatMessage.svelte'),
    signal('answer', 'div[data-message-role="assistant"] > div:nth-child(3)', '2026-08-10', 'CWC', 'footer; structural, kept last'),
  ],
  strip: [sel('[class*="group/header"]', '2026-08-21', 'HF OpenReasoningResults.svelte, VOD', '"Thinking" header button')],
  // Everything that is not the answer (reasoning, tool and web-search steps) is wrapped in this (HF).
  reasoning: [sel('[data-exclude-from-copy]', '2026-08-21', 'HF ChatMessage.svelte, OpenReasoningResults.svelte')],
  messageId: [{ attr: 'data-message-id', seen: '2026-08-21', evidence: 'HF ChatMessage.svelte' }],
  model: {
    // Omni router badge under each reply: "<route> with <model> via <provider>", linking to the model's
    // settings page; the link target carries the full model id (HF routerMetadata; VOD).
    perMessage: [
      { css: 'a[href*="/chat/settings/"]', attr: 'href', pattern: /\/settings\/(?:models\/)?([^?#]+?)\/?(?:[?#]|$)/, seen: '2026-08-21', evidence: 'HF routerMetadata, VOD' },
      { css: 'a[href*="/chat/settings/"]', seen: '2026-08-21', evidence: 'HF routerMetadata, VOD' },
    ],
    // "Model: <displayName>" link near the composer (HF ChatWindow.svelte).
    picker: [{ css: 'a[href*="/chat/settings/"]', pattern: /^\s*Model:\s*(.+)$/, seen: '2026-08-21', evidence: 'HF ChatWindow.svelte' }],
    // "Omni" is the router that picks a model per message, not a model.
    modeWords: /^omni$/i,
  },
};

export const huggingchat = defineSiteAdapter(site, {
  conversationId: huggingchatConversationId,
  shareId: huggingchatShareId,
  variants: [chatUi],
});
