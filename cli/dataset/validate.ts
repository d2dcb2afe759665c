import { EXIT_OK, EXIT_RECORD_ERRORS, type CliIo } from '../command';
import { parseCommandArgs } from '../parse-args';
import { readDatasetFile, reportErrors } from './files';

export const VALIDATE_USAGE = `Usage: modelprint dataset validate FILE

Checks a dataset file (JSONL, JSON document, Parquet or .zip bundle, told apart by content) against the
schema of docs/dataset-format.md. Prints each error on stderr as "FILE: line N, field F: why" (a line is
a JSONL line, an array position or a Parquet row, from 1), then a summary on stdout.

Exit codes: 0 every record is valid, 1 some are not, 2 the file cannot be read at all (not UTF-8, a
damaged or oversized bundle, a newer format version: the message says which).
`;

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(args, {}, ['file']);
  const path = positionals[0]!;
  const read = await readDatasetFile(path);
  const invalid = reportErrors(path, read, io.stderr);
  io.stdout.write(
    `${path}: ${read.kind}${read.manifest ? ` "${read.manifest.name}"` : ''}, ${read.total} records, ${read.valid.length} valid, ${invalid} invalid\n`,
  );
  return invalid > 0 ? EXIT_RECORD_ERRORS : EXIT_OK;
}
