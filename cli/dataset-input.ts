/**
 * A dataset bundle or Parquet export as `classify` / `fingerprint` input: each valid record with a text is
 * an answer under its own id; invalid records and records without text (left out, or not kept) are
 * reported with their line like any bad JSONL record. The stored verdicts are ignored: classify computes
 * them afresh with the current signatures.
 */
import { readFile } from 'node:fs/promises';
import { DatasetError, formatRecordError } from '../lib/dataset/errors';
import { readDataset } from '../lib/dataset/read';
import { UsageError } from './command';
import type { InputItem } from '../lib/node/jsonl-answers';

export async function datasetItems(path: string): Promise<InputItem[]> {
  let read;
  try {
    read = await readDataset(new Uint8Array(await readFile(path)));
  } catch (error) {
    if (error instanceof DatasetError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
  const items: Array<InputItem & { line: number }> = [];
  for (const e of read.errors) items.push({ line: e.line, error: { line: e.line, message: formatRecordError(e).replace(/^line \d+(, )?/, '') } });
  for (const { line, record } of read.valid) {
    items.push(
      record.text === null
        ? { line, error: { line, message: `record ${record.id} has no text (left out of the export, or not kept)` } }
        : { line, answer: { id: record.id, text: record.text } },
    );
  }
  return items.sort((a, b) => a.line - b.line).map(({ line: _line, ...item }) => item as InputItem);
}
