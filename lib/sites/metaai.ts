/**
 * Meta AI (www.meta.ai, meta.ai). Evidence: `../shared/research/chatbot-dom-2026.md` §11 (U11 "AI Exporter";
 * VOD 2026-08-01 on a 22-turn chat; CWC adapter re-added 2026-02; U7). Two sources describe the turns
 * differently, so both are variants: A keys on `data-message-id` suffixes (U11); B on the assistant test id
 * alone, with the turn wrappers found by their animation utility (VOD), for a page without message ids.
 * User and assistant turns differ otherwise only by a margin (mt-8 / mt-4), which is never used (§17.3).
 * No source shows the model's name on the page (§14, §19): answers carry no claimed model.
 */
import { defineSiteAdapter, sel, signal, type ScopedSelector, type Selector, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'metaai',
  label: 'Meta AI',
  matches: ['https://www.meta.ai/*', 'https://meta.ai/*'],
} as const satisfies SiteFacts;

/** `/prompt/<uuid>` (VOD). */
const CONVERSATION_PATH = /^\/prompt\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function metaaiConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations: `/share/c/<id>` (a logged-out share view read on 2026-09-27, U-id 71302410433;
 * "View thread" links of Meta's own 2026 post, U-id 63217761146) and the older `/share/<id>` (U-id
 * 55284908699). `/share/a/<uuid>` shares an artifact (a generated web app, U-id 59530557404, 2026-08-12),
 * not a conversation, and is not read. No source shows the share page's markup: assumed to be the
 * chat's (confidence L).
 */
const SHARE_PATH = /^\/share\/(?:c\/)?([A-Za-z0-9_-]{6,})(?:\/|$)/;

export function metaaiShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1] ?? null;
}

/** Meta wraps outbound links in its redirector (`l.meta.ai/?u=…`, `l.facebook.com/l.php?u=…`; U11). */
export function unwrapMetaLink(href: string): string {
  const m = /^https?:\/\/l\.(?:meta\.ai|facebook\.com)\/[^?#]*\?(?:[^#]*&)?u=([^&#]+)/.exec(href);
  if (!m) return href;
  try {
    return decodeURIComponent(m[1]!);
  } catch (error) {
    // A malformed escape: keep the wrapped link rather than lose it.
    console.debug('[ModelPrint] metaai: undecodable redirect link', error);
    return href;
  }
}

const generating: ScopedSelector[] = [
  signal('page', 'button[data-testid="composer-stop-button"]', '2026-08-10', 'CWC, U7'),
];
const complete: [ScopedSelector, ...ScopedSelector[]] = [
  // CWC's footer path; structural, but the only per-answer affordance any source names.
  signal('answer', 'div[data-testid="assistant-message"] > div + div > div > div:last-child > div > div', '2026-08-10', 'CWC'),
  signal('page', 'button[data-testid="composer-send-button"]', '2026-08-10', 'CWC', 'send is back: the stop button went'),
];
const strip: Selector[] = [
  sel('[data-streamdown="code-block-header"]', '2026-08', 'U11', 'language label and copy button'),
  sel('[data-testid="citation-pill"]', '2026-08', 'U11'),
  sel('[data-testid="thinking-status"]', '2026-08-01', 'VOD, U11', '"Show thinking" toggle'),
];
const reasoning: Selector[] = [sel('[data-testid="subagent-cot-list"]', '2026-08-01', 'VOD, U11', 'sub-agent chain of thought')];

/** A: message ids with `_user` / `_assistant` suffixes (U11). Confidence M. */
const messageIds: SiteVariant = {
  id: 'a-message-id',
  turn: [sel('[data-message-id$="_user"], [data-message-id$="_assistant"]', '2026-08', 'U11')],
  userMessage: [sel('[data-message-id$="_user"]', '2026-08', 'U11')],
  promptText: [sel('[data-slot="text"].text-response', '2026-08', 'U11'), sel('.whitespace-pre-wrap', '2026-08', 'U11')],
  assistantMessage: [sel('[data-message-id$="_assistant"]', '2026-08', 'U11')],
  // Streamdown renders straight into the assistant element (U11).
  markdownBody: [sel('div[data-testid="assistant-message"]', '2026-08-01', 'VOD, CWC, U7')],
  generating,
  complete,
  strip,
  reasoning,
  messageId: [{ attr: 'data-message-id', seen: '2026-08', evidence: 'U11' }],
};

/** B: only the assistant carries a test id; turn wrappers by their animation class (VOD). Confidence M-L. */
const testIdOnly: SiteVariant = {
  id: 'b-test-id',
  turn: [sel('[class*="translate-y-"]', '2026-08-01', 'VOD', 'Tailwind utility: the only turn anchor VOD found')],
  userMessage: [sel('[class*="translate-y-"]:not(:has([data-testid="assistant-message"]))', '2026-08-01', 'VOD')],
  promptText: [sel('.whitespace-pre-wrap', '2026-08', 'U11'), sel('[data-slot="text"]', '2026-08', 'U11')],
  assistantMessage: [sel('div[data-testid="assistant-message"]', '2026-08-01', 'VOD, CWC, U7')],
  generating,
  complete,
  strip,
  reasoning,
};

export const metaai = defineSiteAdapter(site, {
  conversationId: metaaiConversationId,
  shareId: metaaiShareId,
  variants: [messageIds, testIdOnly],
  hooks: { cleanUrl: unwrapMetaLink },
});
