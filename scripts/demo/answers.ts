/**
 * The demo's answers: real answers of several reference models, read at run time from the corpus beside the
 * checkout (`../shared/corpus/train.jsonl`, the same material the end-to-end tests read) and never copied into
 * the project. Only Arena-Hard answers are used: their sources are Apache-2.0 (see the README's reference
 * data table), and the prompts are public benchmark questions.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface DemoAnswer {
  prompt: string;
  text: string;
  /** The exact model id that wrote it, shown on the demo page as the message's model. */
  model: string;
  label: string;
  family: string;
}

/** One answer per label, in this order: six vendors, so the verdicts differ. */
export const DEMO_LABELS = ['gpt-4o', 'claude-3.5-sonnet', 'gemini', 'llama-3', 'mistral', 'qwen'] as const;

const APACHE_SOURCES = ['lmarena/arena-hard-auto@', 'meltemi-ai/arena-hard-auto-english@', 'zeppombal/arena-hard-auto@'];

interface Row {
  prompt?: string;
  text?: string;
  model?: string;
  label?: string;
  family?: string;
  source?: string;
  task?: string;
}

/** The first answer per label (in file order) of 700-1,800 characters from an Apache-2.0 Arena-Hard file. */
export async function pickDemoAnswers(corpus: string, labels: readonly string[] = DEMO_LABELS): Promise<DemoAnswer[]> {
  if (!existsSync(corpus)) {
    throw new Error(
      `the demo reads real model answers from ${corpus} (../shared beside the checkout); it is not there.`,
    );
  }
  const found = new Map<string, DemoAnswer>();
  const lines = createInterface({ input: createReadStream(corpus) });
  for await (const line of lines) {
    const r = JSON.parse(line) as Row;
    if (!r.label || !labels.includes(r.label) || found.has(r.label)) continue;
    if (r.task !== 'chat-instruction' || !APACHE_SOURCES.some((s) => r.source?.startsWith(s))) continue;
    if (!r.text || !r.prompt || r.text.length < 700 || r.text.length > 1800 || r.prompt.length > 300) continue;
    found.set(r.label, { prompt: r.prompt, text: r.text, model: r.model ?? r.label, label: r.label, family: r.family ?? '' });
    if (found.size === labels.length) break;
  }
  lines.close();
  const missing = labels.filter((l) => !found.has(l));
  if (missing.length) throw new Error(`no suitable demo answer for ${missing.join(', ')} in ${corpus}`);
  return labels.map((l) => found.get(l)!);
}
