/**
 * Microsoft Copilot (copilot.microsoft.com, copilot.com). Evidence: `../shared/research/chatbot-dom-2026.md`
 * §6; keys (RS, VOD, CWC…) are defined there. RS's reference dump (2026-03-20) is the only public capture:
 * messages are `role="article"`, marked `data-content="user-message"` / `data-content="ai-message"`, and
 * everything Copilot's own copy leaves out carries `data-copy="false"` (sr-only "Copilot said", reactions).
 * The thinking layout of "Think Deeper" answers is undocumented (research §19), so no reasoning selector.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'copilot',
  label: 'Microsoft Copilot',
  matches: ['https://copilot.microsoft.com/*', 'https://copilot.com/*', 'https://www.copilot.com/*'],
} as const satisfies SiteFacts;

/** `/chats/<21-char nanoid>`, "NOT uuids" (VOD). */
const CONVERSATION_PATH = /^\/chats\/([A-Za-z0-9_-]{21})(?:\/|$)/;

export function copilotConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

/**
 * Shared conversations `/shares/<21-char id>` on copilot.microsoft.com and copilot.com (U-id 69491306518,
 * checked 2026-09-22: "share links ask viewers to sign in"; links of 2026-02-03 and 2026-03-28 in U-id
 * 4855531303, 54106908417). No source shows the share page's markup: assumed to be the chat's
 * (confidence L).
 */
const SHARE_PATH = /^\/shares\/([A-Za-z0-9_-]{8,64})(?:\/|$)/;

export function copilotShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The composer's chat-mode button names a mode (research §6), never a model. */
const MODE_WORDS = /^(?:smart|quick response|think deeper)$/i;

const articles: SiteVariant = {
  id: 'a-data-content',
  root: [sel('[data-content="conversation"]', '2026-03-20', 'RS dump')],
  turn: [
    sel('[data-content="user-message"], [data-content="ai-message"]', '2026-08-01', 'VOD, RS dump'),
    sel('[role="article"][id$="-user-message"], [data-testid="ai-message"]', '2026-03-20', 'RS dump'),
  ],
  userMessage: [
    sel('[data-content="user-message"]', '2026-08-01', 'VOD, RS dump, CWC'),
    sel('[role="article"][id$="-user-message"]', '2026-03-20', 'RS dump'),
  ],
  assistantMessage: [
    sel('[data-content="ai-message"]', '2026-08-01', 'VOD, RS dump'),
    sel('[data-testid="ai-message"]', '2026-03-20', 'RS dump'),
  ],
  // One item per part of the answer (`<id>-content-0`, `-1`…); the reactions bar sits outside them.
  markdownBody: [sel('[class~="group/ai-message-item"]', '2026-03-20', 'RS dump, VOD')],
  generating: [signal('page', 'button[data-testid="stop-button"]', '2026-08', 'CWC')],
  complete: [
    signal('answer', 'button[data-testid="copy-ai-message-button"]', '2026-08-10', 'CWC, RS dump'),
    signal('answer', '[data-testid="message-item-reactions"]', '2026-08-10', 'CWC, RS dump'),
    signal('answer', 'button[data-testid="copy-message-button"]', '2026-08-10', 'CWC', 'name before the 2026-08-10 rename'),
  ],
  strip: [
    sel('[data-copy="false"]', '2026-03-20', 'RS dump', 'what Copilot itself leaves out when copying'),
    // Code blocks: a header (language label + copy button) is the first child of the block, above the div
    // holding the <pre>. The label is outside the <pre>, so the fence loses its language; dropping the header
    // keeps "bash" out of the text. Matched after the generic chrome went, so the label is its only child.
    sel('div:first-child:has(> span:only-child):has(+ div:last-child pre)', '2026-03-20', 'RS copilot-codeblock-dom.html', 'structural'),
  ],
  messageId: [
    { attr: 'aria-labelledby', pattern: /^(\S+)-author\b/, seen: '2026-03-20', evidence: 'RS dump' },
    { css: '[class~="group/ai-message-item"][id]', attr: 'id', pattern: /^(.+)-content-\d+$/, seen: '2026-03-20', evidence: 'RS dump' },
  ],
  model: {
    picker: [
      { css: 'button[data-testid^="composer-chat-mode-"]', attr: 'aria-label', seen: '2026-03-20', evidence: 'RS dump', note: 'localised' },
      { css: 'button[data-testid^="composer-chat-mode-"]', seen: '2026-03-20', evidence: 'RS dump' },
    ],
    modeWords: MODE_WORDS,
  },
};

export const copilot = defineSiteAdapter(site, {
  conversationId: copilotConversationId,
  shareId: copilotShareId,
  variants: [articles],
});
