import type { Readable, Writable } from 'node:stream';
import { attribute, fingerprint, getDefaultSignatures, pool, type Attribution, type PooledAttribution, type Signatures } from '../../lib/fingerprint';
import { poolWithReferences, withReferences, type CustomReference } from '../../lib/references';
import type { CliIo, Command } from '../command';
import { humanSummary } from '../human-summary';
import { Progress } from '../progress';
import { readSignatureArgs } from '../references';
import { INPUT_HELP, inputFormatOption, parseCommandArgs } from '../parse-args';
import { openInput, readJsonl, type Answer, type InputItem } from '../read-input';
import { finishRun, forEachAnswer, writeAnswerLines, type RunSummary } from '../run-answers';

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
  /** A few lines a person reads per answer (a terminal) instead of one JSON line. */
  human?: boolean;
  /** Told after every answer (a counter on a terminal's stderr). */
  progress?: Pick<Progress, 'tick'>;
  /** Custom references (signature packs) competing with the bundled labels. */
  references?: CustomReference[];
}

const lineOf = (human: boolean | undefined, id: string | number, result: Attribution | PooledAttribution) =>
  human ? humanSummary(id, result) : JSON.stringify(toClassifyLine(id, result));

function attributeWith(text: string, options: ClassifyOptions, explain: boolean): Attribution {
  const bundled = attribute(text, options.signatures, { explain });
  const refs = options.references ?? [];
  return refs.length === 0 ? bundled : withReferences(bundled, fingerprint(text), refs);
}

function render(options: ClassifyOptions) {
  let done = 0;
  return (answer: Answer) => {
    const line = lineOf(options.human, answer.id, attributeWith(answer.text, options, options.explain ?? true));
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
  output.write(lineOf(options.human, name, pooled) + '\n');
  return summary;
}

/**
 * Classifies a JSONL stream into a JSONL stream: exactly what `modelprint classify FILE.jsonl` runs, exported
 * so the benchmark measures the CLI's own code path without a child process.
 */
export function classifyStream(input: Readable, output: Writable, options: ClassifyOptions): Promise<RunSummary> {
  return classifyItems(readJsonl(input), output, options);
}

export const classifyCommand: Command = {
  name: 'classify',
  summary: 'which known model each answer most resembles (a summary on a terminal, JSON lines otherwise)',
  usage: `Usage: modelprint classify [options] FILE

On a terminal, prints a short summary per answer: the closest vendor and model with their
probabilities, the runners-up and the main reasons, or "undetermined" with the reason.
Piped or redirected (or with --json), prints one JSON object per answer instead: the most likely
model and family, a confidence, the probability of every known model and family (sorted), and a
short explanation. Too little text gives "undetermined": true with a "reason" instead of a guess.
On a terminal, a counter with the rate and the time left runs on stderr for large files.

${INPUT_HELP}
  --signatures PATH  a signature pack of custom references (modelprint signatures build) that compete
                     with the bundled models, or a full signature file replacing the bundled one;
                     repeatable (several packs, at most one full file)
  --json             JSON lines even on a terminal
  --no-explain       leave "explanation" empty: faster when only the scores are needed
  --pool             the answers come from one model: print one pooled line for all of them,
                     with "n", the number of answers that carried evidence

Example:
  modelprint classify answers.jsonl > scores.jsonl
  modelprint classify --pool conversation.jsonl
  pbpaste | modelprint classify -
`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(
      args,
      {
        input: { type: 'string' },
        signatures: { type: 'string', multiple: true },
        pool: { type: 'boolean' },
        'no-explain': { type: 'boolean' },
        json: { type: 'boolean' },
      },
      ['file'],
    );
    const format = inputFormatOption(values.input);
    const { signatures, references } = await readSignatureArgs(values.signatures);
    const input = await openInput(positionals[0]!, format, io.stdin);
    const human = !values.json && (io.stdout as { isTTY?: boolean }).isTTY === true;
    const progress = new Progress(io.stderr, input, Progress.wanted(io.stdout, io.stderr));
    const options = { stderr: io.stderr, name: input.name, signatures, references, explain: !values['no-explain'], human, progress };
    const summary = await (values.pool ? classifyPooled : classifyItems)(input.items, io.stdout, options);
    progress.end();
    return finishRun(input.name, summary, io.stderr);
  },
};
