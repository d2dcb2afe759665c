/**
 * Words for the UI: vendor names of the engine's families, the reasons an answer is undetermined, and
 * locale-aware number formatting. Plain functions so components and the dashboard say things the same way.
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

/** Why an answer is undetermined, in words (the engine's `reason`). */
export function reasonText(reason: string | null): string {
  switch (reason) {
    case 'empty':
      return 'There is no text to compare.';
    case 'too-short':
      return 'Too short to tell: a few sentences are not enough to recognise a writing style.';
    case 'not-prose':
      return 'Not prose: mostly code, a table or symbols, whose style says little about the model.';
    case 'no-evidence':
      return 'No answer could be attributed yet.';
    default:
      return reason ? `Undetermined (${reason}).` : 'Undetermined.';
  }
}

/**
 * A probability as a percentage in the user's locale. Below 1% one decimal is kept and below 0.1% it
 * says "< 0.1%", so a small number never reads as a flat 0 (which would overclaim certainty); above 99%
 * it says "> 99%", never "100%": no verdict of a style is certain.
 */
export function formatPercent(p: number, locale?: string): string {
  const f = (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
  if (p > 0 && p < 0.001) return `< ${f(1).format(0.001)}`;
  if (p > 0.99) return `> ${f(0).format(0.99)}`;
  return f(p < 0.01 ? 1 : 0).format(p);
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}
