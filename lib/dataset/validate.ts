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
 * Validates every record. A newer format version anywhere refuses the whole file (throws); an id seen on
 * an earlier line makes the later record invalid, since one file cannot say which of the two is right.
 */
export function validateItems(items: RawItem[], errors: RecordError[] = []): Validation {
  const out: Validation = { valid: [], errors: errors.slice(0, MAX_ERRORS), invalid: errors.length };
  const seen = new Map<string, number>();
  const note = (e: RecordError[]) => {
    out.invalid++;
    for (const x of e) if (out.errors.length < MAX_ERRORS) out.errors.push(x);
  };
  for (const item of items) {
    assertReadable(versionOf(item.value));
    const result = validateRecord(item);
    if ('errors' in result) {
      note(result.errors);
      continue;
    }
    const first = seen.get(result.record.id);
    if (first !== undefined) {
      note([{ line: item.line, field: 'id', message: `duplicates the id of line ${first}` }]);
      continue;
    }
    seen.set(result.record.id, item.line);
    out.valid.push({ line: item.line, record: result.record });
  }
  out.errors.sort((a, b) => a.line - b.line);
  return out;
}
