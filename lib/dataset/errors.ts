/**
 * What goes wrong with an input dataset, said so a person can fix it: which line (JSONL line, JSON array
 * position or Parquet row, counted from 1), which field, and what is wrong with it.
 */

/** One invalid record. `line` is 0 for problems of the file as a whole. */
export interface RecordError {
  line: number;
  /** Dotted path, e.g. `verdict.models.3.p`; empty when the whole record is at fault. */
  field: string;
  message: string;
}

export function formatRecordError(e: RecordError): string {
  const where = e.line > 0 ? `line ${e.line}` : 'file';
  return `${where}${e.field ? `, field ${e.field}` : ''}: ${e.message}`;
}

/** The input cannot be read at all (not UTF-8, a zip bomb, a newer format, a damaged bundle): nothing is imported. */
export class DatasetError extends Error {
  override name = 'DatasetError';
}
