import type { SiteId } from './hosts';

/** Human names of the sites, for the UI. Kept apart from the adapters so pages do not bundle DOM code. */
export const SITE_LABELS: Record<SiteId, string> = {
  chatgpt: 'ChatGPT',
  metaai: 'Meta AI',
  poe: 'Poe',
  kimi: 'Kimi',
  huggingchat: 'HuggingChat',
  claude: 'Claude',
  lechat: 'Le Chat',
  gemini: 'Gemini',
  qwen: 'Qwen Chat',
  deepseek: 'DeepSeek',
  copilot: 'Microsoft Copilot',
  perplexity: 'Perplexity',
  grok: 'Grok',
};

export function siteLabel(site: string): string {
  return (SITE_LABELS as Record<string, string>)[site] ?? site;
}
