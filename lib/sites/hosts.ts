/**
 * The chatbot sites ModelPrint reads, as WebExtension match patterns, one entry per site adapter.
 *
 * This is plain data so that `wxt.config.ts` (Node, at build time) can derive `host_permissions` and the
 * content script's `matches` from it without importing any DOM code. Host permissions cover exactly these
 * patterns: no `<all_urls>`.
 */
export const SITE_MATCHES = {
  chatgpt: ['https://chatgpt.com/*', 'https://chat.openai.com/*'],
  metaai: ['https://www.meta.ai/*', 'https://meta.ai/*'],
  poe: ['https://poe.com/*'],
  kimi: ['https://www.kimi.com/*', 'https://kimi.com/*', 'https://kimi.moonshot.cn/*'],
  // `/chat` itself, its subpaths and its query, not `/chat*`: that matched `/chatterbox-org/...` too.
  huggingchat: ['https://huggingface.co/chat', 'https://huggingface.co/chat/*', 'https://huggingface.co/chat?*'],
  claude: ['https://claude.ai/*'],
  lechat: ['https://chat.mistral.ai/*'],
  gemini: ['https://gemini.google.com/*'],
  qwen: ['https://chat.qwen.ai/*'],
  deepseek: ['https://chat.deepseek.com/*'],
  copilot: ['https://copilot.microsoft.com/*', 'https://copilot.com/*', 'https://www.copilot.com/*'],
  perplexity: ['https://www.perplexity.ai/*', 'https://perplexity.ai/*'],
  grok: ['https://grok.com/*'],
} as const satisfies Record<string, readonly string[]>;

export type SiteId = keyof typeof SITE_MATCHES;

export const SITE_IDS = Object.keys(SITE_MATCHES) as SiteId[];

/** Every match pattern of every site, for the manifest and the content script. */
export const hostPermissions: string[] = SITE_IDS.flatMap((id) => [...SITE_MATCHES[id]]);
