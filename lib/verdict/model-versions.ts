/**
 * Product line and version of a model name: "claude-opus-4-6-adaptive" is Claude 4.6, "Sonnet 4.5" Claude
 * 4.5, "gpt-4.1-mini" GPT 4.1, "Qwen3-235B-A22B" Qwen 3. Used both ways: on the corpus's exact model ids to
 * say which generations the references hold (scripts/build-coverage.ts), and on a site's claimed name to say
 * when it is newer than every reference (lib/verdict/coverage.ts). Tested with tables
 * (tests/unit/verdict/coverage.test.ts).
 *
 * A name is normalised like a claim (lower case, other runs one `-`); the first line whose `prefix` matches
 * its start owns it, and the version is read right after the prefix: up to three 1-2 digit parts ("3-5"),
 * ending at anything else. So dates ("0125", "20240620") and sizes ("7b", "235b") are never versions,
 * and "4o" or "3n" give 4 and 3. A line with no readable version ("gpt-oss-120b", "gemma-2b-it") is
 * known but unversioned.
 */
import { normalizeClaim } from './claims';

export interface ModelLine {
  /** Display name: "Claude", "GPT", "Gemini". */
  line: string;
  /** Engine family (vendor). */
  family: string;
  /** Matches the start of a normalised name, up to where the version begins. */
  prefix: RegExp;
}

/** First match wins: specific lines (Claude Instant, gpt-oss) before general ones. */
export const MODEL_LINES: readonly ModelLine[] = [
  { line: 'gpt-oss', family: 'openai', prefix: /^(openai-)?gpt-oss\b/ },
  { line: 'GPT', family: 'openai', prefix: /^(openai-)?(chat)?gpt-/ },
  { line: 'o', family: 'openai', prefix: /^o(?=\d)/ },
  { line: 'Claude Instant', family: 'anthropic', prefix: /^claude-instant-/ },
  { line: 'Claude', family: 'anthropic', prefix: /^(anthropic-)?(claude-((opus|sonnet|haiku)-)?|(opus|sonnet|haiku)-)(?=\d)/ },
  { line: 'Gemini', family: 'google', prefix: /^(google-)?gemini-|^(?=\d+(-\d+)?-(pro|flash)\b)/ },
  { line: 'Gemma', family: 'google', prefix: /^(google-)?gemma-/ },
  { line: 'Llama', family: 'meta', prefix: /^(meta-llama-)?(meta-)?llama-?(?=\d)/ },
  { line: 'Grok', family: 'xai', prefix: /^(xai-)?grok-/ },
  { line: 'DeepSeek R', family: 'deepseek', prefix: /^(deepseek-ai-)?deepseek-r(?=\d)/ },
  { line: 'DeepSeek V', family: 'deepseek', prefix: /^(deepseek-ai-)?deepseek-(chat-)?v(?=\d)/ },
  { line: 'Qwen', family: 'alibaba', prefix: /^(qwen-)?qwen-?(?=\d)/ },
  { line: 'Kimi K', family: 'moonshot', prefix: /^(moonshotai-)?(kimi-)?k(?=\d)/ },
  { line: 'GLM', family: 'zhipu', prefix: /^(zai-org-|thudm-)?glm-(?=\d)/ },
  { line: 'Mistral Small', family: 'mistral', prefix: /^(mistralai-)?mistral-small\b-?/ },
  { line: 'Mistral Medium', family: 'mistral', prefix: /^(mistralai-)?mistral-medium\b-?/ },
  { line: 'Mistral Large', family: 'mistral', prefix: /^(mistralai-)?mistral-large\b-?/ },
  { line: 'Magistral', family: 'mistral', prefix: /^(mistralai-)?magistral\b-?/ },
  { line: 'Mixtral', family: 'mistral', prefix: /^(mistralai-)?mixtral\b-?/ },
  { line: 'Phi', family: 'microsoft', prefix: /^(microsoft-)?phi-/ },
  { line: 'MiniMax M', family: 'minimax', prefix: /^minimax-m(?=\d)/ },
  { line: 'MiMo V', family: 'xiaomi', prefix: /^mimo-v(?=\d)/ },
  { line: 'Seed', family: 'bytedance', prefix: /^seed-(?=\d)/ },
  { line: 'ERNIE', family: 'baidu', prefix: /^ernie-(?=\d)/ },
];

/**
 * Spellings whose version the rule cannot read: "gemini-pro" is Google's 2023 name of Gemini 1.0 Pro, and
 * the persuasion benchmark writes DeepSeek V3.2-Exp as "deepseek-v32-exp" (corpus README).
 */
const ALIASES: Record<string, string> = {
  'gemini-pro': 'gemini-1-0-pro',
  'deepseek-v32-exp': 'deepseek-v3-2-exp',
};

export interface ModelVersion {
  line: string;
  family: string;
  /** Version parts ([4, 6] for 4.6); null when the name has none. */
  version: number[] | null;
}

export function parseModelVersion(name: string): ModelVersion | null {
  const key = ALIASES[normalizeClaim(name)] ?? normalizeClaim(name);
  for (const { line, family, prefix } of MODEL_LINES) {
    const m = prefix.exec(key);
    if (m) return { line, family, version: versionAt(key.slice(m[0].length)) };
  }
  return null;
}

function versionAt(rest: string): number[] | null {
  const parts: number[] = [];
  for (const token of rest.split('-')) {
    const m = /^(\d{1,2})([a-z]*)$/.exec(token);
    // A size ("7b", "8m") ends the version without being one; "4o", "3n" are versions with a suffix.
    if (!m || m[2] === 'b' || m[2] === 'm') break;
    parts.push(Number(m[1]));
    if (m[2] || parts.length === 3) break;
  }
  return parts.length > 0 ? parts : null;
}

/** Compares versions part by part; a missing part counts as 0 (4 = 4.0 < 4.1). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function formatVersion(v: readonly number[]): string {
  return v.join('.');
}

/** "GPT-4.1", "o3", "Kimi K2.5", "Claude 4.6": how a line and a version are written together. */
export function versionName(line: string, v: readonly number[]): string {
  const joiner = line === 'GPT' ? '-' : /(^|\s)\S$/.test(line) ? '' : ' ';
  return `${line}${joiner}${formatVersion(v)}`;
}
