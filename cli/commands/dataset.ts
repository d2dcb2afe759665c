/** `modelprint dataset validate|from|convert|merge`: the dataset format (docs/dataset-format.md) on the command line. */
import { EXIT_USAGE, UsageError, type CliIo, type Command } from '../command';
import { CONVERT_USAGE, MERGE_USAGE, runConvert, runMerge } from '../dataset/convert-merge';
import { FROM_USAGE, runFrom } from '../dataset/from';
import { VALIDATE_USAGE, runValidate } from '../dataset/validate';

const SUBCOMMANDS: Record<string, { usage: string; run: (args: string[], io: CliIo) => Promise<number> }> = {
  validate: { usage: VALIDATE_USAGE, run: runValidate },
  from: { usage: FROM_USAGE, run: runFrom },
  convert: { usage: CONVERT_USAGE, run: runConvert },
  merge: { usage: MERGE_USAGE, run: runMerge },
};

const USAGE = `Usage: modelprint dataset <validate|from|convert|merge> ...

  validate FILE                       check a dataset against the schema, errors with line and field
  from ANSWERS.jsonl --out PATH       build a dataset from any JSONL of answers (features and verdicts computed)
  convert FILE --out PATH             rewrite a dataset as JSONL, Parquet or a .zip bundle
  merge A B ... --out PATH            merge datasets, skipping duplicates (same id, or same site + prompt + text)

The format of --out follows its extension (.jsonl, .parquet, .zip) unless --to says otherwise.
"modelprint dataset <subcommand> --help" shows each one's options. Format: docs/dataset-format.md.
`;

export const datasetCommand: Command = {
  name: 'dataset',
  summary: 'validate, build, convert and merge dataset files (JSONL, Parquet, bundles)',
  usage: USAGE,
  helpFor: (args) => SUBCOMMANDS[args[0] ?? '']?.usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    const command = sub === undefined ? undefined : SUBCOMMANDS[sub];
    if (!command) {
      if (sub !== undefined) throw new UsageError(`unknown subcommand "${sub}"`, true);
      io.stderr.write(USAGE);
      return EXIT_USAGE;
    }
    return command.run(rest, io);
  },
};
