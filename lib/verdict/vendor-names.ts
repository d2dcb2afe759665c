/**
 * The vendor (engine family) names the UI and the CLI show: one table, so every page and the terminal name a
 * vendor the same way.
 */

const FAMILY_NAMES: Record<string, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google',
  meta: 'Meta',
  mistral: 'Mistral',
  alibaba: 'Alibaba (Qwen)',
  deepseek: 'DeepSeek',
  xai: 'xAI',
  cohere: 'Cohere',
  '01-ai': '01.AI',
  microsoft: 'Microsoft',
  zhipu: 'Zhipu (GLM)',
  moonshot: 'Moonshot (Kimi)',
  minimax: 'MiniMax',
  xiaomi: 'Xiaomi',
  bytedance: 'ByteDance',
  baidu: 'Baidu',
};

/** The vendor's name; an unknown family id is shown as it is. */
export function familyName(family: string): string {
  return FAMILY_NAMES[family] ?? family;
}
