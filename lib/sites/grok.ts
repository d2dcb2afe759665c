/**
 * Grok (grok.com). Evidence: `../shared/research/chatbot-dom-2026.md` §5; keys (VOD, U5, RS, DEF, CWC,
 * OPH) are defined there. Every message is its own `div#response-<uuid>`. Since 2026-08 both roles carry
 * test ids (VOD: "explicit test ids on both roles, the cleanest"); the 2026-03 layout (RS dump) told them
 * apart only by alignment class, and is kept as a fallback variant. x.com/i/grok is a different
 * (react-native-web) DOM with no public adapter: not covered.
 */
import { defineSiteAdapter, sel, signal, type ModelLabelSpec, type ScopedSelector, type SelectorSet, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'grok',
  label: 'Grok',
  matches: ['https://grok.com/*'],
} as const satisfies SiteFacts;

/** `/c/<uuid>` (VOD `'/c/([0-9a-f-]{8,})'`, OPH `a[href^="/c/"]`). */
const CONVERSATION_PATH = /^\/c\/([0-9a-f][0-9a-f-]{7,})(?:\/|$)/i;

export function grokConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<base64 shard>_<uuid>` (U-id 69491306518, checked 2026-09-22): `bGVnYWN5_…`
 * ("legacy"), `c2hhcmQtMg_…` ("shard-2", also with its `%3D%3D` padding) and `c2hhcmQtMi1jb3B5_…` in
 * public links of 2026 (U-id 60116301107, 55446211412, 61482080582 of 2026-08-30, 71431218267). Kept as
 * written (case matters in base64). No public source shows the share page's markup (exporters read its
 * API, U-id 69777233811), so it is assumed to be the chat's; a share page was a login wall on 2026-08-30
 * (U-id 61482080582), which shows no turns and records nothing.
 */
const SHARE_PATH = /^\/share\/([A-Za-z0-9%=]+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/;

export function grokShareId(url: URL): string | null {
  const id = SHARE_PATH.exec(url.pathname)?.[1];
  return id ? decodeURIComponent(id) : null;
}

const model: ModelLabelSpec = {
  picker: [
    { css: 'button[aria-label="Model selection"]', seen: '2026-09-29', evidence: 'U5', note: 'English UI; pt-BR "Seleção de modelo"' },
    { css: '#model-select-trigger .font-semibold', seen: '2026-01', evidence: 'OPH' },
  ],
  // Sept 2026 the picker offers Fast / Build / Auto / Expert / Heavy (U5): modes, not model ids.
  modeWords: /^(?:fast|auto|expert|heavy|build|think|thinking)$/i,
};

const generating: ScopedSelector[] = [signal('page', 'button[aria-label^="Stop"]', '2026-08-10', 'CWC', 'English UI only')];

const complete: [ScopedSelector, ...ScopedSelector[]] = [signal('answer', '.action-buttons', '2026-08-10', 'CWC footer, RS dump', 'Regenerate / Read aloud / Copy row')];

const strip: SelectorSet = [
  sel('[data-testid="code-block"] > :not(pre):not(:has(pre))', '2026-09-29', 'U5', 'code header: language label and copy button'),
  sel('.relative.border.border-border-l1.bg-surface-base', '2026-07-27', 'DEF', 'DeepSearch artifact card; Tailwind chain, fragile'),
];

const reasoning: SelectorSet = [sel('.thinking-container', '2026-09-29', 'U5, VOD, DEF', '"Thought for / Worked for 9s" and the expanded trace')];

/**
 * The two layouts share their signals, strip list, reasoning and model picker. A function, not a spread of a
 * shared object: a spread would survive tree-shaking in every page that reads only `site`.
 */
/* @__NO_SIDE_EFFECTS__ */
function layout(own: Pick<SiteVariant, 'id' | 'turn' | 'userMessage' | 'assistantMessage' | 'markdownBody'>): SiteVariant {
  return { ...own, generating, complete, strip, reasoning, model };
}

/** 2026-08 → 2026-09: test ids on both roles. */
const testIds = layout({
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
});

/** 2026-03 (RS dump): roles only by alignment, `items-end` user / `items-start` assistant. Fragile. */
const alignment = layout({
  id: 'b-alignment',
  turn: [sel('div[id^="response-"]', '2026-03-23', 'RS dump, DEF')],
  userMessage: [sel('.items-end > .message-bubble', '2026-03-23', 'RS dump', 'older: .message-bubble with .rounded-br-lg (U7, OPH)')],
  assistantMessage: [sel('.items-start > .message-bubble', '2026-03-23', 'RS dump')],
  markdownBody: [sel('.response-content-markdown', '2026-03-23', 'RS dump')],
});

export const grok = defineSiteAdapter(site, {
  conversationId: grokConversationId,
  shareId: grokShareId,
  variants: [testIds, alignment],
});
