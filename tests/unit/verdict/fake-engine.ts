/**
 * A small deterministic stand-in for `lib/fingerprint/` with the same contract, so verdict logic, handlers
 * and components are tested without the bundled signatures. A text says what it should resemble with
 * `label=<label>` and how strongly with `p=<0..1>` (default gpt-4o, 0.8); fewer than 20 words is
 * undetermined ('too-short'). `pool` multiplies the answers' probabilities like a naive product (γ = 1).
 */
import type { Attribution, PooledAttribution, VerdictEngine } from '@/lib/verdict/types';

export const FAKE_LABELS: Record<string, string> = {
  'gpt-4o': 'openai',
  'gpt-5': 'openai',
  'claude-4': 'anthropic',
  'claude-3': 'anthropic',
  'gemini-3': 'google',
  deepseek: 'deepseek',
  qwen: 'alibaba',
};

/** An attribution with `top` at probability `p` and the rest spread evenly over the other labels. */
export function fakeAttribution(top: string, p: number, reason: string | null = null): Attribution {
  const labels = Object.keys(FAKE_LABELS);
  const rest = (1 - p) / (labels.length - 1);
  return fromProbabilities(Object.fromEntries(labels.map((l) => [l, l === top ? p : rest])), reason, [
    `Uses habits typical of ${top}.`,
  ]);
}

export function fromProbabilities(ps: Record<string, number>, reason: string | null = null, explanation: string[] = []): Attribution {
  const models = Object.entries(ps)
    .map(([model, p]) => ({ model, family: FAKE_LABELS[model]!, p }))
    .sort((a, b) => b.p - a.p || a.model.localeCompare(b.model));
  const fam = new Map<string, number>();
  for (const m of models) fam.set(m.family, (fam.get(m.family) ?? 0) + m.p);
  const families = [...fam].map(([family, p]) => ({ family, p })).sort((a, b) => b.p - a.p || a.family.localeCompare(b.family));
  const undetermined = reason !== null;
  return {
    model: undetermined ? null : models[0]!.model,
    family: undetermined ? null : families[0]!.family,
    confidence: undetermined ? 0 : models[0]!.p,
    undetermined,
    reason,
    models,
    families,
    explanation: undetermined ? [] : explanation,
  };
}

export function fakePool(results: Attribution[]): PooledAttribution {
  const used = results.filter((r) => !r.undetermined);
  const labels = Object.keys(FAKE_LABELS);
  if (used.length === 0) return { ...fakeUniform('no-evidence'), n: 0, mixed: false, components: [] };
  const logits = labels.map((l) => used.reduce((s, r) => s + Math.log(Math.max(1e-9, r.models.find((m) => m.model === l)?.p ?? 0)), 0));
  const max = Math.max(...logits);
  const exp = logits.map((x) => Math.exp(x - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  const a = fromProbabilities(Object.fromEntries(labels.map((l, i) => [l, exp[i]! / sum])), null, [`Pooled ${used.length} answers.`]);
  return { ...a, n: used.length, mixed: false, components: [] };
}

function fakeUniform(reason: string): Attribution {
  const labels = Object.keys(FAKE_LABELS);
  return fromProbabilities(Object.fromEntries(labels.map((l) => [l, 1 / labels.length])), reason);
}

export function fakeAttribute(text: string): Attribution {
  const words = text.match(/\S+/g) ?? [];
  if (words.length === 0) return fakeUniform('empty');
  if (words.length < 20) return fakeUniform('too-short');
  const label = /label=([\w.-]+)/.exec(text)?.[1] ?? 'gpt-4o';
  const p = Number(/\bp=([\d.]+)/.exec(text)?.[1] ?? 0.8);
  return fakeAttribution(label, p);
}

export function createFakeEngine(version = 'fake-1'): VerdictEngine & { calls: number } {
  const engine = {
    calls: 0,
    version,
    attribute(text: string) {
      engine.calls++;
      return fakeAttribute(text);
    },
    pool: fakePool,
    fingerprint: (text: string) => ({ words: (text.match(/\S+/g) ?? []).length, chars: text.length }),
  };
  return engine;
}

/** A text of `words` words that the fake engine attributes to `label` with probability `p`. */
export function fakeText(label: string, p = 0.8, words = 60): string {
  return [`label=${label}`, `p=${p}`, ...Array.from({ length: words - 2 }, (_, i) => `word${i}`)].join(' ');
}
