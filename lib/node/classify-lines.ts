/**
 * Node-only: `classify`'s path from answers to output lines (one JSON line per answer, or one pooled line),
 * shared by the CLI and the benchmark (`npm run bench` times exactly this, and scripts never import cli/).
 */
import type { Readable, Writable } from 'node:stream';
import { attribute, fingerprint, getDefaultSignatures, pool, type Attribution, type PooledAttribution, type Signatures } from '../fingerprint';
import { poolWithReferences, withReferences, type CustomReference } from '../references';
import { forEachAnswer, writeAnswerLines, type RunSummary } from './answer-lines';
import { readJsonl, type Answer, type InputItem } from './jsonl-answers';

/** One output line of `classify`; docs/cli.md has the field table. */
export interface ClassifyLine {
  id: string | number;
  model: string | null;
  family: string | null;
  confidence: number;
  undetermined: boolean;
  reason?: string | null;
  models: { model: string; family: string; p: number }[];
  families: { family: string; p: number }[];
  explanation: string[];
  /** `--pool` only: how many answers carried evidence into the pooled result. */
  n?: number;
  /** `--pool` only: whether the answers point to different vendors, and those vendors (docs/cli.md). */
  mixed?: boolean;
  components?: { family: string; model: string; share: number; answers: number }[];
}

/**
 * Six decimals: far finer than any difference the scores can support, and it keeps a 33-label line
 * short. Rounding happens only here, at the output edge; the engine's numbers stay exact.
 */
const round = (p: number) => Math.round(p * 1e6) / 1e6;

/** Shapes an attribution as the documented output line (fixed key order; `reason` only when undetermined). */
export function toClassifyLine(id: string | number, result: Attribution | PooledAttribution): ClassifyLine {
  const line: ClassifyLine = {
    id,
    model: result.model,
    family: result.family,
    confidence: round(result.confidence),
    undetermined: result.undetermined,
    ...(result.undetermined ? { reason: result.reason } : {}),
    models: result.models.map(({ model, family, p }) => ({ model, family, p: round(p) })),
    families: result.families.map(({ family, p }) => ({ family, p: round(p) })),
    explanation: result.explanation,
  };
  if ('n' in result) {
    line.n = result.n;
    line.mixed = result.mixed;
    line.components = result.components.map(({ family, model, share, answers }) => ({ family, model, share: round(share), answers }));
  }
  return line;
}

export interface ClassifyOptions {
  /** Where bad-record messages go. */
  stderr: Writable;
  /** Name used in those messages. */
  name?: string;
  /** Signatures to compare against; the engine's bundled ones when omitted. */
  signatures?: Signatures;
  /** False leaves `explanation` empty: about a third less time per answer for bulk scoring (docs/benchmark.md). */
  explain?: boolean;
  /** How a result is printed: one JSON line ({@link toClassifyLine}) when omitted; the CLI's terminal summary otherwise. */
  render?: (id: string | number, result: Attribution | PooledAttribution) => string;
  /** Told after every answer (a counter on a terminal's stderr). */
  progress?: { tick(done: number): void };
  /** Custom references (signature packs) competing with the bundled labels. */
  references?: CustomReference[];
}

const lineOf = (options: ClassifyOptions, id: string | number, result: Attribution | PooledAttribution) =>
  options.render ? options.render(id, result) : JSON.stringify(toClassifyLine(id, result));

function attributeWith(text: string, options: ClassifyOptions, explain: boolean): Attribution {
  const bundled = attribute(text, options.signatures, { explain });
  const refs = options.references ?? [];
  return refs.length === 0 ? bundled : withReferences(bundled, fingerprint(text), refs);
}

function render(options: ClassifyOptions) {
  let done = 0;
  return (answer: Answer) => {
    const line = lineOf(options, answer.id, attributeWith(answer.text, options, options.explain ?? true));
    options.progress?.tick(++done);
    return line;
  };
}

/** Classifies already-opened input items; the CLI path for every input format. */
export function classifyItems(items: AsyncIterable<InputItem>, output: Writable, options: ClassifyOptions) {
  return writeAnswerLines(options.name ?? '-', items, output, options.stderr, render(options));
}

/**
 * `--pool`: attributes every answer, then prints one line for them all, for answers known to come from one
 * model (a whole conversation). Bad records are reported and skipped exactly as without `--pool`.
 */
export async function classifyPooled(items: AsyncIterable<InputItem>, output: Writable, options: ClassifyOptions) {
  const results: Attribution[] = [];
  const name = options.name ?? '-';
  // Per-answer explanations are never shown with --pool, so the engine is told to skip them.
  const summary = await forEachAnswer(name, items, options.stderr, (answer) => {
    results.push(attributeWith(answer.text, options, false));
    options.progress?.tick(results.length);
  });
  const pooled = options.references?.length
    ? poolWithReferences(results, (options.signatures ?? getDefaultSignatures()).json.calibration)
    : pool(results, options.signatures);
  output.write(lineOf(options, name, pooled) + '\n');
  return summary;
}

/**
 * Classifies a JSONL stream into a JSONL stream: exactly what `modelprint classify FILE.jsonl` runs, here so
 * that the benchmark measures the CLI's own code path without a child process and without importing cli/.
 */
export function classifyStream(input: Readable, output: Writable, options: ClassifyOptions): Promise<RunSummary> {
  return classifyItems(readJsonl(input), output, options);
}
