import { runComparison, COMPARE_DEFAULTS, type ComparisonResult, type GroupInput } from '../../lib/compare';
import { referenceEngine } from '../../lib/references';
import { EXIT_OK, EXIT_RECORD_ERRORS, UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../parse-args';
import { forEachAnswer } from '../../lib/node/answer-lines';
import type { Answer } from '../../lib/node/jsonl-answers';
import { openInput } from '../read-input';
import { readSignatureArgs } from '../signature-args';

/** Reads one file's answers; bad records are reported on stderr and counted in `failed`. */
async function readAnswers(path: string, name: string, io: CliIo): Promise<{ input: GroupInput; failed: number; file: string }> {
  const input = await openInput(path, 'auto', io.stdin);
  const answers: Answer[] = [];
  const summary = await forEachAnswer(input.name, input.items, io.stderr, (a) => void answers.push(a));
  return { input: { name, answers: answers.map((a) => ({ id: String(a.id), text: a.text })) }, failed: summary.failed, file: input.name };
}

function reportSkipped(file: string, skipped: { total: number; byReason: Record<string, number> }, io: CliIo) {
  if (skipped.total === 0) return;
  const why = Object.entries(skipped.byReason).map(([r, n]) => `${n} ${r}`).join(', ');
  io.stderr.write(`${file}: ${skipped.total} answer(s) not attributable and not used (${why})\n`);
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${name} must be a positive integer, got ${value}`, true);
  return n;
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'rank the references a group of answers sits closest to, or test whether two groups share a source',
  usage: `Usage: modelprint compare [options] A.jsonl [B.jsonl]

With one file: every reference model and family ranked by its share of the group's answers (the mean
probability the answers give it), with a bootstrap interval and how often it ranks first. With two files: a
permutation test of "both groups come from the same source", with a p-value, an effect size and the
features that differ most. Records need "text"; answers too short to attribute are counted on stderr and
not used. Methods and measured error rates: docs/comparison.md.

Options:
  --signatures PATH   a signature pack of custom references that compete with the bundled models
                      (repeatable), or one full signature file
  --permutations N    permutations of the two-sample test (default ${COMPARE_DEFAULTS.permutations})
  --resamples N       bootstrap resamples of the intervals (default ${COMPARE_DEFAULTS.resamples})
  --seed S            seed of every resample and permutation (default ${COMPARE_DEFAULTS.seed})
  --json              print one JSON object instead of text

Example:
  modelprint compare site-x.jsonl
  modelprint compare --json site-x.jsonl site-y.jsonl
`,
  async run(args: string[], io: CliIo) {
    const spec = {
      signatures: { type: 'string', multiple: true }, permutations: { type: 'string' }, resamples: { type: 'string' },
      seed: { type: 'string' }, json: { type: 'boolean' },
    } as const;
    // One or two files: try the two-file form first, so each gets parseArgs' own strict checking.
    let parsed;
    try {
      parsed = parseCommandArgs(args, spec, ['a', 'b']);
    } catch {
      parsed = parseCommandArgs(args, spec, ['a']);
    }
    const { values, positionals } = parsed;
    const seed = values.seed === undefined ? COMPARE_DEFAULTS.seed : Number(values.seed);
    if (!Number.isInteger(seed)) throw new UsageError(`--seed must be an integer, got ${values.seed}`, true);
    const options = {
      seed,
      permutations: positiveInt(values.permutations, '--permutations', COMPARE_DEFAULTS.permutations),
      resamples: positiveInt(values.resamples, '--resamples', COMPARE_DEFAULTS.resamples),
    };
    const { signatures, references } = await readSignatureArgs(values.signatures);
    const engine = referenceEngine(signatures, references);
    const inputs: Array<Awaited<ReturnType<typeof readAnswers>>> = [];
    for (const [i, path] of positionals.entries()) inputs.push(await readAnswers(path, i === 0 ? 'group A' : 'group B', io));
    const failed = inputs.reduce((s, g) => s + g.failed, 0);
    let result: ComparisonResult;
    try {
      result = runComparison(inputs[0]!.input, inputs[1]?.input ?? null, engine, options);
    } catch (error) {
      // Too few attributable answers: a problem with the input, stated plainly.
      throw new UsageError((error as Error).message);
    }
    const skipped = result.kind === 'ranking' ? [result.skipped] : result.skipped;
    skipped.forEach((s, i) => reportSkipped(inputs[i]!.file, s, io));
    if (values.json) io.stdout.write(JSON.stringify(result.json) + '\n');
    else io.stdout.write(result.reading.join('\n') + '\n' + (result.kind === 'ranking' ? '\n' + rankingTable(result.json) : ''));
    return failed > 0 ? EXIT_RECORD_ERRORS : EXIT_OK;
  },
};

function rankingTable(r: Extract<ComparisonResult, { kind: 'ranking' }>['json']): string {
  const pct = (x: number) => x.toFixed(3);
  const lines = ['family            share  low    high   first'];
  for (const f of r.families.slice(0, 8)) lines.push(`${f.family.padEnd(17)} ${pct(f.share)}  ${pct(f.low)}  ${pct(f.high)}  ${pct(f.first)}`);
  lines.push('', 'model               family       share  low    high');
  for (const m of r.references.slice(0, 10)) lines.push(`${m.label.padEnd(19)} ${m.family.padEnd(12)} ${pct(m.share)}  ${pct(m.low)}  ${pct(m.high)}`);
  return lines.join('\n') + '\n';
}
