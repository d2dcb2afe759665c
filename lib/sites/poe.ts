/**
 * Poe (poe.com). Evidence: `../shared/research/chatbot-dom-2026.md` §13 (VOD 2026-08-01 on a 6-turn chat,
 * U16, U-id files). Poe's classes are CSS Modules with per-build hash suffixes
 * (`ChatMessage_chatMessage__<hash>`), so every selector matches a stable prefix with `[class*=]` (research
 * §17.2). Roles are assigned structurally: a message holding the right-side bubble is the user's.
 * Confidence M for roles, L for streaming and thinking.
 */
import { defineSiteAdapter, sel, signal, type SelectorChain, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'poe',
  label: 'Poe',
  matches: ['https://poe.com/*'],
} as const satisfies SiteFacts;

/** `/chat/<id>` (VOD `'/chat/([0-9a-z]{8,})'`); a bot's landing page `/<BotHandle>` has no id yet. */
const CONVERSATION_PATH = /^\/chat\/([0-9a-z]{8,})(?:\/|$)/i;

export function poeConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

/** Shared conversations `/s/<20 letters and digits>` (a share scraper, U-id 53765768693; links of 2024-2026). */
const SHARE_PATH = /^\/s\/([A-Za-z0-9]{8,32})(?:\/|$)/;

export function poeShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1] ?? null;
}

const markdownBody: SelectorChain = [
  sel('[class*="Markdown_markdownContainer"]', '2026-08-01', 'U16, U-id 28297299003'),
  sel('[class*="Prose_prose"]', '2026-08-01', 'U16'),
];

/** Thinking folded in a `<details>` inside the answer, on chat and share pages alike. */
const detailsThinking = sel('[class*="Markdown_markdownContainer"] details', '2026-10-05', 'research §13 (L)', 'hand-authored');

const cssModules: SiteVariant = {
  id: 'a-css-modules',
  root: [sel('[class*="ChatMessagesScrollWrapper_scrollableContainer"]', '2026-08-01', 'U16, VOD')],
  // Tuples that hold the bot's info card (top of a new chat) are not turns.
  turn: [
    sel('[class*="ChatMessagesView_messageTuple"]:not(:has([class*="BotInfoCard"]))', '2026-08-01', 'U16, VOD'),
    sel('[class*="ChatMessagesView_messagePair"]:not(:has([class*="BotInfoCard"]))', '2026-08-01', 'U16', 'older name'),
  ],
  // The user's message sits in the right-side bubble. Selectors are whole literals: a template or a sum left
  // in this file would survive tree-shaking in the pages that read only `site`.
  userMessage: [sel('[class*="ChatMessage_chatMessage"]:has([class*="rightSideMessageBubble"])', '2026-08-01', 'VOD')],
  promptText: [sel('[class*="Message_messageTextContainer"]', '2026-08-01', 'VOD, U16')],
  assistantMessage: [
    sel('[class*="ChatMessage_chatMessage"]:not(:has([class*="rightSideMessageBubble"]))', '2026-08-01', 'VOD'),
    sel('[class*="Message_leftSideMessageBubble"]', '2026-08-01', 'U16'),
  ],
  markdownBody,
  generating: [signal('page', '[aria-label="Stop message"]', '2026-08-01', 'U-id 39866727859', 'English UI only')],
  complete: [
    signal('answer', '[class*="MessageOverflowActions"]', '2026-08-01', 'VOD inject.js, U-id 39866727859'),
    signal('answer', '[data-complete="true"]', '2026-10-05', 'U-id 39866727859', 'undated source (L): date is the survey\'s'),
  ],
  // The bot name above each reply (VOD strips it from the text; it is the claimed model instead).
  strip: [
    sel('[class*="LeftSideMessageHeader"]', '2026-08-01', 'VOD'),
    sel('[class*="MessageOverflowActions"]', '2026-08-01', 'VOD'),
  ],
  // Not documented (research §13, L): reasoning bots fold their thinking into a <details> in the markdown.
  // A thinking *blockquote* cannot be told from a quoted answer, so it is left in the text.
  reasoning: [detailsThinking],
  model: {
    perMessage: [{ css: '[class*="LeftSideMessageHeader"]', seen: '2026-08-01', evidence: 'VOD' }],
    picker: [{ css: '[class*="BotHeader_title"]', seen: '2026-08-01', evidence: 'U-id 69023789879' }],
  },
};

const SHARE_SEEN = '2026-12-04';
const SHARE_EVIDENCE = 'U-id 53765768693 (share scraper, undated; retrieved 2026-12-04)';

/**
 * A shared conversation (`/s/<id>`) is a page of its own: date groups (`ShareMessageList_tupleGroupContainer`)
 * of one `ShareMessage_wrapper` per message, each with a `Message_row` (the user's on the right), the bot's
 * name in `BotHeader_textContainer`, and thinking in a `MarkdownThinkingBlock` (U-id 53765768693). None of
 * the chat's `ChatMessagesView_*` wrappers. Its date is when it was read here, not when it was seen live.
 */
const shareView: SiteVariant = {
  id: 'share-messages',
  turn: [sel('[class*="ShareMessage_wrapper"]', SHARE_SEEN, SHARE_EVIDENCE, 'one per message; the share page only')],
  // A message's right-side row or bubble is the user's (the share scraper tests row classes for "right").
  userMessage: [sel('[class*="ShareMessage_wrapper"]:has([class*="rightSide"])', SHARE_SEEN, SHARE_EVIDENCE)],
  promptText: [
    sel('[class*="Message_messageTextContainer"]', '2026-08-01', 'VOD, U16', 'as in the chat'),
    sel('[class*="Markdown_markdownContainer"]', SHARE_SEEN, SHARE_EVIDENCE),
  ],
  assistantMessage: [sel('[class*="ShareMessage_wrapper"]:not(:has([class*="rightSide"]))', SHARE_SEEN, SHARE_EVIDENCE)],
  markdownBody,
  generating: [],
  complete: [signal('page', '[class*="ShareMessage_wrapper"]', SHARE_SEEN, SHARE_EVIDENCE, 'a share page is a finished copy')],
  strip: [sel('[class*="BotHeader"]', SHARE_SEEN, SHARE_EVIDENCE, 'the bot name, read as the claimed model')],
  reasoning: [
    sel('[class*="MarkdownThinkingBlock_root"]', SHARE_SEEN, SHARE_EVIDENCE, '"Format C", the newer thinking block'),
    detailsThinking,
  ],
  model: {
    perMessage: [{ css: '[class*="BotHeader_textContainer"] p', seen: SHARE_SEEN, evidence: SHARE_EVIDENCE }],
  },
};

export const poe = defineSiteAdapter(site, {
  conversationId: poeConversationId,
  shareId: poeShareId,
  variants: [cssModules, shareView],
});
