/**
 * What a chatbot site's claimed model name means in the engine's terms: the reference label (when one of
 * the references covers it) and the family (vendor). Verdict knowledge, not DOM knowledge: the adapters only
 * read the name off the page. Data, checked by tests/unit/verdict/claims.test.ts: every example resolves to
 * its own row, every label and family exists in the bundled signatures.
 *
 * Names are matched after `normalizeClaim` (lib/verdict/claims.ts: lower case, runs of anything but letters
 * and digits become one `-`), so 'Claude Sonnet 4.5', 'claude-sonnet-4.5' and 'claude_sonnet_4_5' are one key.
 * First matching row wins: put specific rows before general ones. A name no row matches is "unknown" and is
 * never compared: a wrong mapping would produce a false mismatch, the one thing the popup must not say.
 * `label: null` means "the vendor is clear, no reference label covers this generation" (GPT-4.1, Gemini 2.x):
 * the comparison is then made on the family only.
 */
export interface ClaimRow {
  /** Tested against the normalised name. */
  readonly pattern: RegExp;
  readonly label: string | null;
  readonly family: string;
  /** Raw names as sites show them (seen in saved pages or the sites' pickers); each must resolve to this row. */
  readonly examples: readonly string[];
}

export const CLAIM_ROWS: readonly ClaimRow[] = [
  // OpenAI. ChatGPT's per-message slugs: data-message-model-slug (real captures 2026-07: gpt-4o, gpt-4-1-mini).
  { pattern: /^(chat)?gpt-4o-mini\b/, label: 'gpt-4o-mini', family: 'openai', examples: ['gpt-4o-mini', 'GPT-4o mini'] },
  { pattern: /^(chat)?gpt-4o\b/, label: 'gpt-4o', family: 'openai', examples: ['gpt-4o', 'GPT-4o', 'chatgpt-4o-latest'] },
  { pattern: /^gpt-4-(1|5)\b/, label: null, family: 'openai', examples: ['gpt-4-1-mini', 'GPT-4.1', 'gpt-4.5'] },
  { pattern: /^gpt-4-turbo\b/, label: 'gpt-4-turbo', family: 'openai', examples: ['gpt-4-turbo', 'GPT-4 Turbo'] },
  { pattern: /^gpt-4$/, label: 'gpt-4', family: 'openai', examples: ['gpt-4', 'GPT-4'] },
  { pattern: /^gpt-3-5\b/, label: 'gpt-3.5-turbo', family: 'openai', examples: ['gpt-3.5-turbo', 'GPT-3.5'] },
  { pattern: /^(chat)?gpt-5\b/, label: 'gpt-5', family: 'openai', examples: ['gpt-5', 'gpt-5-5', 'GPT-5 Thinking', 'gpt-5-1-instant'] },
  { pattern: /^o[134]\b/, label: 'openai-o-series', family: 'openai', examples: ['o3', 'o4-mini', 'o1-preview', 'o3-pro'] },
  // Anthropic. Claude.ai shows "Sonnet 4.5" / "Opus 4.1" in its model picker.
  { pattern: /^(claude-)?(sonnet|opus|haiku)-4\b|^claude-4\b/, label: 'claude-4', family: 'anthropic', examples: ['Sonnet 4.5', 'Claude Opus 4.1', 'claude-haiku-4-5', 'Opus 4.6', 'Opus 4.7', 'Opus 4.8', 'claude-sonnet-4-20250514'] },
  { pattern: /^(claude-)?3-[57]-sonnet\b|^(claude-)?sonnet-3-[57]\b|^claude-3-[57]\b/, label: 'claude-3.5-sonnet', family: 'anthropic', examples: ['Claude 3.5 Sonnet', 'claude-3-7-sonnet', 'Sonnet 3.7', 'Claude 3.5 Haiku'] },
  { pattern: /^(claude-)?3-(opus|sonnet|haiku)\b|^(opus|sonnet|haiku)-3\b/, label: 'claude-3', family: 'anthropic', examples: ['Claude 3 Opus', 'claude-3-haiku', 'Haiku 3'] },
  { pattern: /^claude-(2|instant)\b/, label: 'claude-2', family: 'anthropic', examples: ['Claude 2.1', 'claude-instant-1.2'] },
  // Google. Gemini's picker shows "2.5 Pro", "2.5 Flash", "3 Pro"; the corpus has 1.x (gemini) and 3.x (gemini-3).
  { pattern: /^(gemini-)?3(-\d+)?-(pro|flash)\b|^gemini-3\b/, label: 'gemini-3', family: 'google', examples: ['3 Pro', 'Gemini 3 Pro', 'gemini-3.1-flash-lite', 'Gemini 3'] },
  { pattern: /^(gemini-)?1(-\d+)?-(pro|flash)\b|^gemini-pro$/, label: 'gemini', family: 'google', examples: ['Gemini 1.5 Pro', 'gemini-pro'] },
  { pattern: /^(gemini-)?2(-\d+)?-(pro|flash)\b|^gemini-2\b/, label: null, family: 'google', examples: ['2.5 Pro', 'Gemini 2.5 Flash', 'gemini-2.0-flash'] },
  { pattern: /^gemma\b/, label: 'gemma', family: 'google', examples: ['Gemma 2 27B'] },
  // Others that chat sites name outright.
  { pattern: /^grok\b/, label: 'grok', family: 'xai', examples: ['Grok 4', 'grok-3'] },
  { pattern: /^deepseek\b|^deepthink\b/, label: 'deepseek', family: 'deepseek', examples: ['DeepSeek-V3', 'DeepThink (R1)'] },
  { pattern: /^(mistral|mixtral|magistral|le-chat)\b/, label: 'mistral', family: 'mistral', examples: ['Mistral Large', 'Magistral Medium'] },
  // Qwen Chat's header picker (research §9) shows full model names: "Qwen3-Max", "Qwen3-235B-A22B-2507".
  { pattern: /^qwen/, label: 'qwen', family: 'alibaba', examples: ['Qwen3-Max', 'Qwen2.5-72B', 'Qwen3-235B-A22B-2507', 'Qwen3-Coder'] },
  { pattern: /^kimi\b/, label: 'kimi', family: 'moonshot', examples: ['Kimi K2'] },
  { pattern: /^(meta-)?llama-?3\b|^llama-4\b/, label: 'llama-3', family: 'meta', examples: ['Llama 3.1 405B', 'Meta-Llama-3-70B'] },
  { pattern: /^(meta-)?llama-?2\b/, label: 'llama-2', family: 'meta', examples: ['Llama-2-70b-chat'] },
  { pattern: /^glm\b/, label: 'glm', family: 'zhipu', examples: ['GLM-4.6'] },
  { pattern: /^command\b/, label: 'cohere-command', family: 'cohere', examples: ['Command R+'] },
  // HuggingChat names models by their Hub id, "<org>/<model>" (router badge and "Model:" link; research §12).
  // Qwen/… and deepseek-ai/… already match the rows above.
  { pattern: /^moonshotai-kimi\b/, label: 'kimi', family: 'moonshot', examples: ['moonshotai/Kimi-K2.6', 'moonshotai/Kimi-K2-Instruct'] },
  { pattern: /^meta-llama-(meta-)?llama-?3\b/, label: 'llama-3', family: 'meta', examples: ['meta-llama/Llama-3.3-70B-Instruct', 'meta-llama/Meta-Llama-3.1-8B-Instruct'] },
  { pattern: /^(openai-)?gpt-oss\b/, label: null, family: 'openai', examples: ['openai/gpt-oss-120b', 'gpt-oss-20b'] },
  { pattern: /^google-gemma\b/, label: 'gemma', family: 'google', examples: ['google/gemma-3-27b-it'] },
  { pattern: /^(zai-org|thudm)-glm\b/, label: 'glm', family: 'zhipu', examples: ['zai-org/GLM-4.6', 'THUDM/GLM-4-9B-0414'] },
  // Kimi's own picker (`.current-model`, research §10) names the model without "Kimi": "K2.5 Instant".
  { pattern: /^k[12](-\d+)?\b/, label: 'kimi', family: 'moonshot', examples: ['K2', 'K2.5 Instant', 'K2 Thinking'] },
];
