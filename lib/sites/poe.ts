/**
 * Poe (poe.com). Evidence: `../shared/research/chatbot-dom-2026.md` §13 (VOD 2026-08-01 on a 6-turn chat,
 * U16, U-id files). Poe's classes are CSS Modules with per-build hash suffixes
 * (`ChatMessage_chatMessage__<hash>`), so every selector matches a stable prefix with `[class*=]` (research
 * §17.2). Roles are assigned structurally: a message holding the right-side bubble is the user's.
 * Confidence M for roles, L for streaming and thinking.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant } from './define';
import { SITE_MATCHES } from './hosts';

/** `/chat/<id>` (VOD `'/chat/([0-9a-z]{8,})'`); a bot's landing page `/<BotHandle>` has no id yet. */
const CONVERSATION_PATH = /^\/chat\/([0-9a-z]{8,})(?:\/|$)/i;

export function poeConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1] ?? null;
}

const USER = '[class*="rightSideMessageBubble"]';

const cssModules: SiteVariant = {
  id: 'a-css-modules',
  root: [sel('[class*="ChatMessagesScrollWrapper_scrollableContainer"]', '2026-08-01', 'U16, VOD')],
  // Tuples that hold the bot's info card (top of a new chat) are not turns.
  turn: [
    sel('[class*="ChatMessagesView_messageTuple"]:not(:has([class*="BotInfoCard"]))', '2026-08-01', 'U16, VOD'),
    sel('[class*="ChatMessagesView_messagePair"]:not(:has([class*="BotInfoCard"]))', '2026-08-01', 'U16', 'older name'),
  ],
  userMessage: [sel(`[class*="ChatMessage_chatMessage"]:has(${USER})`, '2026-08-01', 'VOD')],
  promptText: [sel('[class*="Message_messageTextContainer"]', '2026-08-01', 'VOD, U16')],
  assistantMessage: [
    sel(`[class*="ChatMessage_chatMessage"]:not(:has(${USER}))`, '2026-08-01', 'VOD'),
    sel('[class*="Message_leftSideMessageBubble"]', '2026-08-01', 'U16'),
  ],
  markdownBody: [
    sel('[class*="Markdown_markdownContainer"]', '2026-08-01', 'U16, U-id 28297299003'),
    sel('[class*="Prose_prose"]', '2026-08-01', 'U16'),
  ],
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
  reasoning: [sel('[class*="Markdown_markdownContainer"] details', '2026-10-05', 'research §13 (L)', 'hand-authored')],
  model: {
    perMessage: [{ css: '[class*="LeftSideMessageHeader"]', seen: '2026-08-01', evidence: 'VOD' }],
    picker: [{ css: '[class*="BotHeader_title"]', seen: '2026-08-01', evidence: 'U-id 69023789879' }],
  },
};

export const poe = defineSiteAdapter({
  id: 'poe',
  label: 'Poe',
  matches: SITE_MATCHES.poe,
  conversationId: poeConversationId,
  variants: [cssModules],
});
