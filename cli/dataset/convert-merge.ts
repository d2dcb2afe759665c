/**
 * `dataset convert` (one file to another format) and `dataset merge` (several into one, with the
 * dashboard's dedupe rule). Valid records only are written; invalid ones are reported (exit code 1).
 */
import { parseArgs } from 'node:util';
import { getDefaultSignatures } from '../../lib/fingerprint';
import { splitDuplicates, type KnownSamples } from '../../lib/dataset/dedupe';
import { datasetName } from '../../lib/dataset/manifest';
import type { ReadDataset } from '../../lib/dataset/read';
import type { DatasetManifest, DatasetRecord, PrivacyOptions } from '../../lib/dataset/schema';
import { writeDataset } from '../../lib/dataset/write';
import { EXIT_OK, EXIT_RECORD_ERRORS, UsageError, type CliIo } from '../command';
import { parseCommandArgs } from '../parse-args';
import { engineInfo, modelprintVersion, outputFormat, readDatasetFile, reportErrors, requireOut, writeOutput } from './files';

const OUT_HELP = `  --out PATH     output file: .jsonl, .parquet or .zip (a bundle with manifest and dataset card)
  --to FORMAT    jsonl, parquet or bundle, whatever the extension of --out`;

export const CONVERT_USAGE = `Usage: modelprint dataset convert FILE --out PATH [--to FORMAT]

Rewrites a dataset in another format (JSONL, Parquet or a .zip bundle). The manifest's name, filters,
privacy options and engine versions are kept when the input has a manifest.

Options:
${OUT_HELP}

Invalid records are reported on stderr with line and field and left out (exit code 1).
`;

export const MERGE_USAGE = `Usage: modelprint dataset merge A B ... --out PATH [--to FORMAT] [--name NAME]

Merges datasets into one, with the dashboard's import rule: a record is a duplicate when an earlier one
(in argument order) has its id, or the same site, prompt and text; the first one is kept. The privacy
options of the result are those used by any input (a merge of a file without prompts says "prompts left
out", since some are).

Options:
${OUT_HELP}
  --name NAME    the merged dataset's name (default: modelprint-<time>)
`;

/** Privacy options true when any input used them; data-derived when an input has no manifest. */
function privacyOf(reads: ReadDataset[]): PrivacyOptions {
  const all = reads.flatMap((r) => r.valid.map((v) => v.record));
  const fromData = {
    omitPrompts: all.length > 0 && all.every((r) => r.prompt === null),
    omitTexts: all.length > 0 && all.every((r) => r.text === null),
    omitUrls: all.length > 0 && all.every((r) => r.url === null),
    hashConversationIds: false,
  };
  return reads.reduce<PrivacyOptions>((acc, r) => {
    const p = r.manifest?.privacy ?? fromData;
    return {
      omitPrompts: acc.omitPrompts || p.omitPrompts,
      omitTexts: acc.omitTexts || p.omitTexts,
      omitUrls: acc.omitUrls || p.omitUrls,
      hashConversationIds: acc.hashConversationIds || p.hashConversationIds,
    };
  }, { omitPrompts: false, omitTexts: false, omitUrls: false, hashConversationIds: false });
}

async function write(out: string, to: unknown, records: DatasetRecord[], reads: ReadDataset[], name: string | undefined, first: DatasetManifest | null) {
  if (records.length === 0) throw new UsageError('no valid records to write');
  const now = Date.now();
  const engine = first
    ? { version: first.engineVersion, featureSetVersion: first.featureSetVersion, signaturesDate: first.signaturesDate }
    : engineInfo(getDefaultSignatures());
  const { bytes } = await writeDataset(outputFormat(out, to), {
    name: name ?? first?.name ?? datasetName(now),
    modelprintVersion,
    engine,
    exportedAt: now,
    filters: reads.length === 1 ? (first?.filters ?? null) : null,
    privacy: privacyOf(reads),
    features: records.every((r) => r.features !== null),
    records,
  });
  await writeOutput(out, bytes);
}

const OUT_OPTIONS = { out: { type: 'string' }, to: { type: 'string' } } as const;

export async function runConvert(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OUT_OPTIONS, ['file']);
  const out = requireOut(values.out);
  outputFormat(out, values.to);
  const path = positionals[0]!;
  const read = await readDatasetFile(path);
  const invalid = reportErrors(path, read, io.stderr);
  await write(out, values.to, read.valid.map((v) => v.record), [read], undefined, read.manifest);
  io.stdout.write(`${out}: ${read.valid.length} records written${invalid ? `, ${invalid} invalid left out` : ''}\n`);
  return invalid > 0 ? EXIT_RECORD_ERRORS : EXIT_OK;
}

export async function runMerge(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    // Any number of files, so not parseCommandArgs (which checks an exact count).
    parsed = parseArgs({ args, options: { ...OUT_OPTIONS, name: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, true);
  }
  const { values, positionals: paths } = parsed;
  if (paths.length < 2) throw new UsageError(`expected at least two files to merge, got ${paths.length}`, true);
  const out = requireOut(values.out);
  outputFormat(out, values.to);
  const known: KnownSamples = { ids: new Set(), contentKeys: new Set() };
  const reads: ReadDataset[] = [];
  const records: DatasetRecord[] = [];
  let invalid = 0;
  let duplicates = 0;
  for (const path of paths) {
    const read = await readDatasetFile(path);
    reads.push(read);
    invalid += reportErrors(path, read, io.stderr);
    const split = splitDuplicates(read.valid, known);
    duplicates += split.duplicates.length;
    records.push(...split.fresh.map((f) => f.record));
  }
  await write(out, values.to, records, reads, values.name, reads[0]!.manifest);
  io.stdout.write(`${out}: ${records.length} records written, ${duplicates} duplicates skipped${invalid ? `, ${invalid} invalid left out` : ''}\n`);
  return invalid > 0 ? EXIT_RECORD_ERRORS : EXIT_OK;
}
