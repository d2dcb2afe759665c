/**
 * Reading and writing dataset files for `modelprint dataset …`: the format of `--out` follows its
 * extension unless `--to` names one; reading sniffs the content (lib/dataset/read.ts).
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import packageJson from '../../package.json';
import { DatasetError, formatRecordError } from '../../lib/dataset/errors';
import { readDataset, type ReadDataset } from '../../lib/dataset/read';
import { FORMAT_EXTENSIONS, type DatasetFormat } from '../../lib/dataset/write';
import { UsageError } from '../command';

export const FORMATS = Object.keys(FORMAT_EXTENSIONS) as DatasetFormat[];
export const modelprintVersion: string = packageJson.version;

/** The output format: `--to`, else the extension of `--out`. */
export function outputFormat(out: string, to: unknown): DatasetFormat {
  if (to !== undefined) {
    if (typeof to === 'string' && (FORMATS as string[]).includes(to)) return to as DatasetFormat;
    throw new UsageError(`--to must be one of ${FORMATS.join(', ')}, got ${String(to)}`, true);
  }
  const ext = extname(out).toLowerCase();
  const found = FORMATS.find((f) => FORMAT_EXTENSIONS[f] === ext);
  if (!found) throw new UsageError(`cannot tell the format of ${out}: use .jsonl, .parquet or .zip, or --to`, true);
  return found;
}

export function requireOut(out: unknown): string {
  if (typeof out !== 'string' || out === '') throw new UsageError('--out PATH is required', true);
  return out;
}

/** Reads and validates a dataset file; a file that cannot be read at all is a usage error naming it. */
export async function readDatasetFile(path: string): Promise<ReadDataset> {
  let bytes: Uint8Array;
  try {
    if (!(await stat(path)).isFile()) throw new UsageError(`${path}: not a regular file`);
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${path}: no such file` : `${path}: ${(error as Error).message}`);
  }
  try {
    return await readDataset(bytes);
  } catch (error) {
    if (error instanceof DatasetError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Prints each invalid record as `PATH: line N, field F: why`; returns how many records were invalid. */
export function reportErrors(path: string, read: ReadDataset, stderr: NodeJS.WritableStream | { write(s: string): unknown }): number {
  for (const e of read.errors) stderr.write(`${path}: ${formatRecordError(e)}\n`);
  if (read.invalid > read.errors.length) stderr.write(`${path}: … ${read.invalid - read.errors.length} more invalid records not shown\n`);
  return read.invalid;
}

export async function writeOutput(path: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new UsageError(`cannot write ${path}: ${(error as Error).message}`);
  }
}

/** The engine of this CLI, as a manifest names it (shared with the benchmark, so it lives in lib/dataset). */
export { engineInfo } from '../../lib/dataset/engine-info';
