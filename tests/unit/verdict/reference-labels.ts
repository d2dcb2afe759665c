/**
 * The engine's 29 reference labels and their families, as the corpus defines them
 * (`../shared/corpus/README.md`). Used to check the claims table until the bundled signatures can be read
 * in tests; `claims.test.ts` also checks against the signatures when they load.
 */
export const FAMILIES_BY_LABEL: Record<string, string> = {
  'gpt-3.5-turbo': 'openai',
  'gpt-4': 'openai',
  'gpt-4-turbo': 'openai',
  'gpt-4o': 'openai',
  'gpt-4o-mini': 'openai',
  'openai-o-series': 'openai',
  'gpt-5': 'openai',
  'claude-2': 'anthropic',
  'claude-3': 'anthropic',
  'claude-3.5-sonnet': 'anthropic',
  'claude-4': 'anthropic',
  gemini: 'google',
  'gemini-3': 'google',
  gemma: 'google',
  'llama-2': 'meta',
  'llama-3': 'meta',
  mistral: 'mistral',
  qwen: 'alibaba',
  deepseek: 'deepseek',
  grok: 'xai',
  'cohere-command': 'cohere',
  yi: '01-ai',
  phi: 'microsoft',
  glm: 'zhipu',
  kimi: 'moonshot',
  minimax: 'minimax',
  mimo: 'xiaomi',
  seed: 'bytedance',
  ernie: 'baidu',
};
