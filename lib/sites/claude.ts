/**
 * Claude (claude.ai). Evidence: `../shared/research/chatbot-dom-2026.md` §2; keys (NL, SHO, U8, U10…) are
 * defined there. One DOM family in 2026, with an A/B rollout of the action bar (`role="group"` or
 * `role="toolbar"`, agarwalvishal PR #28, 2026-07-10): both are matched by their aria-label and copy button.
 */
import { defineSiteAdapter, sel, signal, type SiteVariant, type SiteFacts } from './define';

/** What the manifest, the pages and the CLI read of this site (`SiteFacts`); plain data, no DOM. */
export const site = {
  id: 'claude',
  label: 'Claude',
  matches: ['https://claude.ai/*'],
} as const satisfies SiteFacts;

/** `/chat/<uuid>` (DEF registry, PR #28). `/new` and `/project/<uuid>` are not chats. */
const CONVERSATION_PATH = /^\/chat\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function claudeConversationId(url: URL): string | null {
  return CONVERSATION_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * Shared conversations `/share/<uuid>` (DEF registry; U-id 69491306518, checked 2026-09-22). The share page
 * reuses the chat markup: a share extractor (U-id 59245205646, 2026-04 or later) reads its turns as
 * `[data-test-render-count]`, the prompt by `.font-user-message`; a share scraper (socketteer/
 * Claude-Conversation-Exporter PR #9, opened 2025-12-29, file of 2026-02 or later, U-id 66771804461) reads
 * `[data-testid="user-message"]` prompts and `.font-claude-response` answers, and "Shared by <name>" in
 * `[data-testid="page-header"]`. Neither reads `data-is-streaming`, so `.font-claude-response` is the
 * answer fallback below.
 */
const SHARE_PATH = /^\/share\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i;

export function claudeShareId(url: URL): string | null {
  return SHARE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/**
 * The thinking section: `.row-start-1` of the response grid *when* it holds the thinking toggle. In answers
 * without thinking the answer itself sits in `.row-start-1` (NL artifact-panel capture, 2026-07), so the
 * row alone must never be taken for reasoning (SHO investigation 2026-02-20, issue #48).
 */
const THINKING_ROW = '.row-start-1:has([class~="group/thinking"])';

const family: SiteVariant = {
  id: 'a-render-count',
  root: [
    sel('div.overflow-y-auto:has(div[data-test-render-count])', '2026-07', 'NL artifact-panel capture, SHO', 'the scroller holding the turns; was overflow-y-scroll before 2026'),
    sel('div[data-autoscroll-container="true"]', '2026-05-17', 'U8'),
  ],
  turn: [sel('div[data-test-render-count]', '2026-07', 'NL captures, SHO 2026-08', 'wraps every turn and survived the 2026 redesigns')],
  userMessage: [
    sel('[data-user-message-bubble="true"]', '2026-07', 'NL artifact-panel capture, SHO'),
    sel('div[data-testid="user-message"]', '2026-07', 'NL captures', 'older captures have no bubble attribute'),
  ],
  promptText: [sel('div[data-testid="user-message"]', '2026-07', 'NL captures')],
  assistantMessage: [
    sel('div[data-is-streaming]', '2026-07', 'NL captures, U8, U10'),
    sel('.font-claude-response', '2026-02', 'socketteer/Claude-Conversation-Exporter PR #9 (U-id 66771804461)', 'share pages: the only answer marker share scrapers read'),
  ],
  // Several blocks interleave with search, tool and artifact widgets, some in a response grid (row 1 a status
  // or thinking pill, row 2 the text), some directly in the message: every one is part of the answer
  // (project-answer-ko-2026-07: 5 blocks; a `.row-start-2` chain kept only the first). Blocks inside a
  // thinking row are reasoning and are dropped by the capture code, so one selector takes them all.
  markdownBody: [sel('.standard-markdown', '2026-07-19', 'NL captures, SHO, DEF, real-dom claude/project-answer-ko-2026-07.html')],
  generating: [
    signal('answer', '[data-is-streaming="true"]', '2026-07', 'U8, U10', 'flips to "false" when done'),
    signal('page', 'button[aria-label="Stop response"]', '2026-04-19', 'OPH, U10', 'English UI only'),
  ],
  complete: [
    signal('answer', '[data-is-streaming="false"]', '2026-07', 'NL captures, U8'),
    signal('answer', 'button[data-testid="action-bar-copy"]', '2026-07-10', 'agarwalvishal PR #28'),
    signal('answer', '[aria-label="Message actions"]', '2026-07-10', 'PR #28', 'role group or toolbar (A/B)'),
  ],
  strip: [
    sel('[role="status"]', '2026-02-20', 'SHO', 'status pills: "Thought for 1s", "Searched the web"'),
    sel('[class~="group/copy"] > div:not(:has(pre))', '2026-03-23', 'RS claude-codeblock dump', 'code header: "bash" label and copy button; the language stays on code.language-*'),
    sel('a[class~="group/tag"]', '2026-07-19', 'real-dom claude/project-answer-ko-2026-07.html', 'web-search citation pill naming the source ("Energy News Beat")'),
  ],
  reasoning: [
    sel(THINKING_ROW, '2026-02-20', 'SHO investigation, U9', 'stays in the DOM when collapsed (grid row 0fr)'),
    sel('[class~="group/thinking"]', '2026-02-20', 'SHO investigation'),
    sel('.row-start-1:has([class~="group/status"])', '2026-07-19', 'real-dom claude/project-answer-ko-2026-07.html', 'the 2026-07 status pill ("…준비 중") summarising thinking and research; collapsed, its content is not in the DOM'),
  ],
  model: {
    // No per-message model in Claude's DOM (research §14).
    picker: [
      { css: 'button[data-testid="model-selector-dropdown"] .whitespace-nowrap', seen: '2026-07', evidence: 'NL captures' },
      { css: 'button[data-testid="model-selector-dropdown"]', seen: '2026-04-19', evidence: 'OPH, U10' },
    ],
  },
};

export const claude = defineSiteAdapter(site, {
  conversationId: claudeConversationId,
  shareId: claudeShareId,
  variants: [family],
});
