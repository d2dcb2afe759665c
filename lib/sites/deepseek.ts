/**
 * DeepSeek (chat.deepseek.com). Evidence: `../shared/research/chatbot-dom-2026.md` §4; keys (U1, U5, U6,
 * U12, CWC, VOD) are defined there. Build-hashed classes (`_9663006`, `fbb737a4`…) rotate on every deploy,
 * so only the `ds-*` design-system classes are used. Two list builds are served at once (U6, 2026-10-04):
 * rows keyed with `data-virtual-list-item-key`, and rows without it. The real chat page saved by 2026-05-21
 * (`../shared/fixtures/real-dom/deepseek/expert-2026-05.html`) confirmed the keyed rows, the user message
 * without `.ds-collapsible-text`, and showed a newer action row (icon buttons) and the mode in the header.
 */
import { defineSiteAdapter, sel, signal, type ModelLabelSpec, type ScopedSelector, type SelectorChain, type SelectorSet, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'deepseek',
  label: 'DeepSeek',
  matches: ['https://chat.deepseek.com/*'],
} as const satisfies SiteFacts;

/** `/a/chat/s/<uuid>` (set within 100 ms of submit, U1). */
const CONVERSATION_PATH = /^\/a\/chat\/s\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function deepseekConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<id>` (VOD; U-id 69491306518, checked 2026-09-22): 18 lower-case letters and
 * digits in every public link seen (U-id 71076724256, 56693796941; 2026), `[A-Za-z0-9_-]{6,64}` in a share
 * importer (U-id 71431218267). The share page renders the chat pane's design-system markup: a share-page
 * parser (U-id 10995163899, undated; one of a series that also reads `div.dad65929`, U-id 25625720441)
 * takes answers from `div.ds-markdown.ds-markdown--block`, prompts from a build-hashed class. Assumed to be
 * read by the variants below (confidence L: no saved share page).
 */
const SHARE_PATH = /^\/share\/([0-9a-z_-]{6,64})(?:\/|$)/i;

export function deepseekShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * DeepSeek never names a model in the page (U5 "modelo_fixo"): the mode radios (Instant / Expert / Vision,
 * on an empty new chat only, then repeated in the conversation header) and the DeepThink toggle are modes. The older "DeepThink (R1)" label does name
 * a model and is kept as a picker claim.
 */
const model: ModelLabelSpec = {
  picker: [
    { css: 'div[data-model-type][aria-checked="true"]', seen: '2026-08-10', evidence: 'CWC, U-id 57947977263' },
    {
      // In a conversation the radios are gone; the header repeats the chosen mode beside its icon.
      css: '.the-header span',
      pattern: /^\s*(Instant|Expert|Vision|快速模式|专家模式|识图模式)\s*$/,
      seen: '2026-05-21',
      evidence: 'real-dom deepseek/expert-2026-05.html',
      note: 'the span has a hashed class; the mode words make it safe',
    },
    {
      css: 'div.ds-toggle-button[aria-pressed="true"]',
      pattern: /^\s*(DeepThink(?: \(R1\))?|深度思考(?:\s*\(R1\))?)\s*$/,
      seen: '2026-10-05',
      evidence: 'U6, CWC, real-dom deepseek/expert-2026-05.html',
      note: 'the Search toggle shares the class; only DeepThink is read',
    },
  ],
  modeWords: /^(?:instant|expert|vision|deepthink|快速模式|专家模式|识图模式|深度思考)$/i,
};

const userMessage: SelectorChain = [
  sel('.ds-message:has(.ds-collapsible-text)', '2026-10-05', 'U6, U1', 'the marker layer of U6'),
  sel('.ds-message:not(:has(.ds-markdown))', '2026-08-01', 'VOD'),
];

const promptText: SelectorChain = [sel('.ds-collapsible-text', '2026-10-05', 'U6, U1')];

const assistantMessage: SelectorChain = [sel('.ds-message:has(.ds-markdown)', '2026-10-05', 'U1, U5, U6', 'a thinking-only message is an answer in progress')];

const markdownBody: SelectorChain = [sel('.ds-markdown.ds-assistant-message-main-content', '2026-10-05', 'U12, U1, U6')];

const generating: ScopedSelector[] = [
  signal('page', 'div[role="button"].ds-button--primary.ds-button--circle:has(rect)', '2026-09-29', 'U5', 'send and stop are one element; stop icon is a square (U5 `:has(svg rect)`; happy-dom mis-reads a combinator inside :has). Fragile'),
  signal('page', '.ds-button--circle .ds-loading svg[data-icon="spin"]', '2026-10-05', 'U6', 'spinner while thinking'),
];

const complete: [ScopedSelector, ...ScopedSelector[]] = [
  signal('answer', '.ds-message + div .ds-button--iconLabelTertiary', '2026-08-10', 'CWC', 'action row after the message (was `+ div + div`)'),
  signal('answer', '.ds-message ~ .ds-flex .ds-icon-button', '2026-05-21', 'real-dom deepseek/expert-2026-05.html', 'the same row as icon buttons, after an empty `.ds-theme` sibling'),
];

const strip: SelectorSet = [
  sel('.ds-markdown-cite', '2026-10-03', 'U1', 'citation pills'),
  sel(':has(> .ds-think-content) > :not(.ds-think-content)', '2026-10-05', 'U-id 56479464621, U5', 'thinking header ("Thought for 4 seconds"), beside .ds-think-content'),
  sel('.md-code-block > :not(pre)', '2026-09-17', 'U5, U12, real-dom deepseek/expert-2026-05.html', 'code header: language label and Copy/Download beside the <pre> (the language is read from it first)'),
];

const reasoning: SelectorSet = [sel('.ds-think-content', '2026-10-05', 'U12, U5, woodcoal #3', 'a sibling before the answer in the same .ds-message')];

/**
 * The two row layouts differ only in their id, root and turn. A function, not a spread of a shared object:
 * a spread would survive tree-shaking in every page that reads only `site`.
 */
/* @__NO_SIDE_EFFECTS__ */
function rows(id: string, root: SelectorChain, turn: SelectorChain): SiteVariant {
  return { id, root, turn, userMessage, promptText, assistantMessage, markdownBody, generating, complete, strip, reasoning, model };
}

/** Rows keyed `-2` (prompt) / `2` (answer): compared as a set, never numerically (U6). */
const keyed = rows(
  'a-keyed-rows',
  [sel('.ds-virtual-list-items:has(.ds-message)', '2026-10-05', 'U6, U1', 'the conversation list, not the sidebar list')],
  [sel('[data-virtual-list-item-key]:has(.ds-message)', '2026-10-03', 'U1, U6', 'keyed sidebar rows hold no message')],
);

/** From 2026-10-04 some builds render the rows without a key (U6). */
const unkeyed = rows(
  'b-unkeyed-rows',
  [sel('.ds-virtual-list-items:has(.ds-message)', '2026-10-05', 'U6')],
  [
    sel('.ds-virtual-list-visible-items > :has(.ds-message)', '2026-10-05', 'U6'),
    sel('.ds-virtual-list-items > :has(.ds-message)', '2026-10-05', 'U6'),
  ],
);

export const deepseek = defineSiteAdapter(site, {
  conversationId: deepseekConversationId,
  shareId: deepseekShareId,
  variants: [keyed, unkeyed],
});
