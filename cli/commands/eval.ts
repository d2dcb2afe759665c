import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError, type CliIo, type Command } from '../command';
import { parseCommandArgs } from '../parse-args';
import { runScript } from '../run-script';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'accuracy and confusion matrix on a labelled corpus (npm run eval)',
  usage: `Usage: modelprint eval CORPUS [--folds N]

Grouped K-fold evaluation on a labelled JSONL corpus (records with "text", "label" and "family"): builds
signatures on K-1 folds, attributes the held-out answers, and prints accuracy and a confusion matrix.
Runs scripts/eval.ts, the same program as npm run eval, so it also rewrites docs/evaluation.md.
Takes minutes on the full corpus.

Options:
  --folds N   number of folds (default 5)
`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseCommandArgs(args, { folds: { type: 'string' } }, ['corpus']);
    if (values.folds !== undefined && !/^[2-9]$|^[1-9]\d+$/.test(values.folds)) {
      throw new UsageError(`--folds must be an integer of at least 2, got ${values.folds}`, true);
    }
    // Absolute, because the script runs from the repository root, not from the caller's directory.
    const corpus = resolve(positionals[0]!);
    if (!existsSync(corpus)) throw new UsageError(`${positionals[0]}: no such file`);
    return runScript('scripts/eval.ts', [corpus, ...(values.folds ? ['--folds', values.folds] : [])], io);
  },
};
