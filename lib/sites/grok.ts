/**
 * Grok (grok.com). Evidence: `../shared/research/chatbot-dom-2026.md` §5; keys (VOD, U5, RS, DEF, CWC,
 * OPH) are defined there. Every message is its own `div#response-<uuid>`. Since 2026-08 both roles carry
 * test ids (VOD: "explicit test ids on both roles, the cleanest"); the 2026-03 layout (RS dump) told them
 * apart only by alignment class, and is kept as a fallback variant. x.com/i/grok is a different
 * (react-native-web) DOM with no public adapter: not covered.
 */
import { defineSiteAdapter, sel, signal, type ModelLabelSpec, type SiteVariant } from './define';
import { SITE_MATCHES } from './hosts';

/** `/c/<uuid>` (VOD `'/c/([0-9a-f-]{8,})'`, OPH `a[href^="/c/"]`). */
const CONVERSATION_PATH = /^\/c\/([0-9a-f][0-9a-f-]{7,})(?:\/|$)/i;

export function grokConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

const model: ModelLabelSpec = {
  picker: [
    { css: 'button[aria-label="Model selection"]', seen: '2026-09-29', evidence: 'U5', note: 'English UI; pt-BR "Seleção de modelo"' },
    { css: '#model-select-trigger .font-semibold', seen: '2026-01', evidence: 'OPH' },
  ],
  // Sept 2026 the picker offers Fast / Build / Auto / Expert / Heavy (U5): modes, not model ids.
  modeWords: /^(?:fast|auto|expert|heavy|build|think|thinking)$/i,
};

const shared = {
  generating: [signal('page', 'button[aria-label^="Stop"]', '2026-08-10', 'CWC', 'English UI only')],
  complete: [signal('answer', '.action-buttons', '2026-08-10', 'CWC footer, RS dump', 'Regenerate / Read aloud / Copy row')],
  strip: [
    sel('[data-testid="code-block"] > :not(pre):not(:has(pre))', '2026-09-29', 'U5', 'code header: language label and copy button'),
    sel('.relative.border.border-border-l1.bg-surface-base', '2026-07-27', 'DEF', 'DeepSearch artifact card; Tailwind chain, fragile'),
  ],
  reasoning: [sel('.thinking-container', '2026-09-29', 'U5, VOD, DEF', '"Thought for / Worked for 9s" and the expanded trace')],
  model,
} satisfies Omit<SiteVariant, 'id' | 'turn' | 'userMessage' | 'assistantMessage'>;

/** 2026-08 → 2026-09: test ids on both roles. */
const testIds: SiteVariant = {
  id: 'a-test-ids',
  turn: [
    sel(
      'div[id^="response-"]:has([data-testid="user-message"]), div[id^="response-"]:has([data-testid="assistant-message"])',
      '2026-09-29',
      'VOD, U5, RS',
    ),
  ],
  userMessage: [sel('[data-testid="user-message"]', '2026-08-01', 'VOD')],
  assistantMessage: [sel('[data-testid="assistant-message"]', '2026-09-29', 'U5, VOD', 'div[role=article][aria-label=Grok].message-bubble')],
  markdownBody: [
    sel('.streamdown-chat-md', '2026-09-29', 'U5', 'newer renderer'),
    sel('.response-content-markdown', '2026-09-29', 'U5, RS, DEF'),
  ],
  ...shared,
};

/** 2026-03 (RS dump): roles only by alignment, `items-end` user / `items-start` assistant. Fragile. */
const alignment: SiteVariant = {
  id: 'b-alignment',
  turn: [sel('div[id^="response-"]', '2026-03-23', 'RS dump, DEF')],
  userMessage: [sel('.items-end > .message-bubble', '2026-03-23', 'RS dump', 'older: .message-bubble with .rounded-br-lg (U7, OPH)')],
  assistantMessage: [sel('.items-start > .message-bubble', '2026-03-23', 'RS dump')],
  markdownBody: [sel('.response-content-markdown', '2026-03-23', 'RS dump')],
  ...shared,
};

export const grok = defineSiteAdapter({
  id: 'grok',
  label: 'Grok',
  matches: SITE_MATCHES.grok,
  conversationId: grokConversationId,
  variants: [testIds, alignment],
});
