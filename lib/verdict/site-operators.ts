/**
 * Who runs each chatbot site, and whose models it serves: a claim the page makes even when it names no
 * model ("Flash", "Expert", "Smart", "Think" are modes, and Meta AI names nothing at all). Gemini answers
 * come from Google whatever the mode, so a Gemini conversation that resembles OpenAI is worth saying.
 *
 * `family: null` marks sites that host many vendors' models (Perplexity, Poe, HuggingChat): there only a
 * named model is a claim. A fact of the site, kept as data beside the claim logic that reads it; checked by
 * tests/unit/verdict/claims.test.ts (every site listed, every family known to the engine).
 */
import type { SiteId } from '../sites/hosts';

export interface SiteOperator {
  /** The company that runs the site, as the UI names it. */
  operator: string;
  /** The engine family (vendor) whose models the site serves; null when it serves many vendors'. */
  family: string | null;
  /** Who makes the models, when not the operator (Copilot: OpenAI's models, served by Microsoft). */
  modelsFrom?: string;
}

export const SITE_OPERATORS: Record<SiteId, SiteOperator> = {
  chatgpt: { operator: 'OpenAI', family: 'openai' },
  claude: { operator: 'Anthropic', family: 'anthropic' },
  gemini: { operator: 'Google', family: 'google' },
  grok: { operator: 'xAI', family: 'xai' },
  deepseek: { operator: 'DeepSeek', family: 'deepseek' },
  lechat: { operator: 'Mistral', family: 'mistral' },
  qwen: { operator: 'Alibaba', family: 'alibaba' },
  kimi: { operator: 'Moonshot', family: 'moonshot' },
  metaai: { operator: 'Meta', family: 'meta' },
  // Microsoft runs Copilot on models from OpenAI (Microsoft's own MAI models are not in the references).
  copilot: { operator: 'Microsoft', family: 'openai', modelsFrom: 'OpenAI' },
  perplexity: { operator: 'Perplexity', family: null },
  poe: { operator: 'Quora', family: null },
  huggingchat: { operator: 'Hugging Face', family: null },
};

/** The operator of a site; undefined for pasted texts and unknown ids. */
export function siteOperator(site: string): SiteOperator | undefined {
  return (SITE_OPERATORS as Record<string, SiteOperator>)[site];
}
