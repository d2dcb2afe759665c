/**
 * Mistral Le Chat (chat.mistral.ai). Evidence: `../shared/research/chatbot-dom-2026.md` §8; keys (VOD, CWC,
 * U11…) are defined there. One DOM family: ChatGPT's attribute names (`data-message-author-role`,
 * `data-message-id`), with each assistant message split into typed parts (`data-message-part-type`).
 * Le Chat names no model in its UI, only a mode ("Fast" / "Think", "Work" in 2026-05), recorded as source
 * `mode`. The real page saved by 2026-05-21 (`../shared/fixtures/real-dom/lechat/chat-2026-05.html`)
 * confirmed the message and answer-part attributes, and showed what the hand-built guesses missed: the
 * reasoning in a collapsible "Worked for Xs" block instead of a `reasoning` part, a footer one level deeper,
 * tables drawn as an ARIA grid (rebuilt by `lib/capture/aria-table.ts`) and a lucide chevron on the mode button.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'lechat',
  label: 'Le Chat',
  matches: ['https://chat.mistral.ai/*'],
} as const satisfies SiteFacts;

/** `/chat/<uuid>` (VOD, CWC). Incognito chats (`/incognito`) never show an id. */
const CONVERSATION_PATH = /^\/chat\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function lechatConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** The chevron of the composer's mode button (CWC opens the mode menu through it). */
const MODE_CHEVRON = 'path[d="M16 10.5L12 14.5L8 10.5"]';

const parts: SiteVariant = {
  id: 'a-message-parts',
  turn: [
    sel('[data-message-author-role][data-message-id]', '2026-08-01', 'VOD, U11, CWC'),
    sel('[data-message-author-role]', '2026-08-01', 'VOD', 'if message ids move to a child'),
  ],
  userMessage: [sel('[data-message-author-role="user"]', '2026-08-01', 'VOD, U11')],
  // `.select-text` holds the prompt alone; the per-message timestamp `.text-hint` sits beside it.
  promptText: [sel('.select-text', '2026-08-01', 'VOD, U11')],
  assistantMessage: [sel('[data-message-author-role="assistant"]', '2026-08-01', 'VOD')],
  // Only the `answer` part: the `reasoning` part beside it is the reasoning boundary (VOD).
  markdownBody: [
    sel('[data-message-part-type="answer"]', '2026-08-01', 'VOD, U11'),
    sel('[data-testid="text-message-part"]', '2026-08-01', 'U11'),
  ],
  generating: [
    signal('page', `form rect[rx="2"]`, '2026-08-11', 'CWC', 'the stop icon of the composer: icon-shape based, fragile'),
  ],
  complete: [
    signal('answer', 'button[aria-label="Copy to clipboard"]', '2026-05-21', 'real-dom lechat/chat-2026-05.html', 'footer copy button; English UI only'),
    // CWC's footer path, narrowed to a last child that is not a message part and holds buttons: while the
    // footer is missing, the same path would otherwise match the first div of the answer part (a code block).
    signal(
      'answer',
      '[data-message-author-role="assistant"] > div + div > div:last-child:not([data-message-part-type]) > div:first-child:has(button)',
      '2026-08-11',
      'CWC',
      'action buttons under the answer; structural, narrowed by hand',
    ),
  ],
  strip: [sel('.text-hint', '2026-08-01', 'VOD, U11', 'per-message timestamp')],
  reasoning: [
    sel('[data-message-part-type="reasoning"]', '2026-08-01', 'VOD, U-id 29545144692', '"Thought for Xs" header + text'),
    sel(
      '[data-message-author-role="assistant"] [role="region"][id^="collapsible-content-"]',
      '2026-05-21',
      'real-dom lechat/chat-2026-05.html',
      'the "Worked for Xs" / "Thought for Xs" collapsible: its text stays in the DOM while collapsed (inert)',
    ),
  ],
  messageId: [{ attr: 'data-message-id', seen: '2026-08-01', evidence: 'VOD, U11' }],
  model: {
    // No model name anywhere in the UI (research §8, §14): only the composer's mode button.
    picker: [
      {
        css: `form button:has(${MODE_CHEVRON})`,
        pattern: /^\s*(Fast|Think(?:ing)?|Work)\b/i,
        seen: '2026-08-11',
        evidence: 'CWC',
        note: 'English UI only; anything else is not read rather than misread',
      },
      {
        css: 'form button[aria-haspopup="menu"]:has(svg.lucide-chevron-down)',
        pattern: /^\s*(Fast|Think(?:ing)?|Work)\b/i,
        seen: '2026-05-21',
        evidence: 'real-dom lechat/chat-2026-05.html',
        note: '"Work" beside a brain icon; the same pattern keeps other labels out',
      },
    ],
    modeWords: /^(?:fast|think|thinking|work)$/i,
  },
};

export const lechat = defineSiteAdapter(site, {
  conversationId: lechatConversationId,
  variants: [parts],
});
