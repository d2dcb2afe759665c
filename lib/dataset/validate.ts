/**
 * Raw records to valid ones, with every problem named by line and field. Nothing invalid goes further:
 * the import writes only what passed here, and `dataset validate` prints the errors.
 */
import * as v from 'valibot';
import type { RecordError } from './errors';
import { findForbiddenKey } from './guard';
import type { RawItem } from './parse-text';
import { DatasetRecordSchema, type DatasetRecord } from './schema';
import { assertReadable, upgradeRecord, versionOf } from './upgrade';

export interface ValidRecord {
  line: number;
  record: DatasetRecord;
}

export interface Validation {
  valid: ValidRecord[];
  /** The first {@link MAX_ERRORS} problems, in line order. */
  errors: RecordError[];
  /** Records (or lines) that are invalid; a record can have several errors. */
  invalid: number;
}

/** Errors kept per file: enough to show the pattern, bounded when every one of 100,000 lines is wrong. */
export const MAX_ERRORS = 1_000;

function issuePath(issue: v.BaseIssue<unknown>): string {
  return issue.path?.map((p) => String(p.key)).join('.') ?? '';
}

/** Validates one raw record. */
export function validateRecord(item: RawItem): { record: DatasetRecord } | { errors: RecordError[] } {
  const forbidden = findForbiddenKey(item.value);
  if (forbidden !== null) {
    const key = forbidden.split('.').pop();
    return { errors: [{ line: item.line, field: forbidden, message: `the key "${key}" is not allowed in a dataset` }] };
  }
  const result = v.safeParse(DatasetRecordSchema, upgradeRecord(item.value));
  if (result.success) return { record: result.output };
  return {
    errors: result.issues.slice(0, 5).map((issue) => ({ line: item.line, field: issuePath(issue), message: issue.message })),
  };
}

/**
 * Validates records one at a time as they are read, keeping only what passed and the first errors, so a
 * reader can drop each raw record as soon as it is checked. A newer format version anywhere refuses the
 * whole file (throws); an id seen on an earlier line makes the later record invalid, since one file cannot
 * say which of the two is right.
 */
export class RecordValidator {
  private readonly out: Validation = { valid: [], errors: [], invalid: 0 };
  private readonly seen = new Map<string, number>();

  /** A record that never reached validation (a line that is not JSON). */
  reject(errors: RecordError[]): void {
    this.out.invalid++;
    for (const x of errors) if (this.out.errors.length < MAX_ERRORS) this.out.errors.push(x);
  }

  add(item: RawItem): void {
    assertReadable(versionOf(item.value));
    const result = validateRecord(item);
    if ('errors' in result) return this.reject(result.errors);
    const first = this.seen.get(result.record.id);
    if (first !== undefined) return this.reject([{ line: item.line, field: 'id', message: `duplicates the id of line ${first}` }]);
    this.seen.set(result.record.id, item.line);
    this.out.valid.push({ line: item.line, record: result.record });
  }

  /** What passed, and the errors in line order. */
  result(): Validation {
    this.out.errors.sort((a, b) => a.line - b.line);
    return this.out;
  }
}
