import type { Writable } from 'node:stream';
import type { RunSummary } from '../lib/node/answer-lines';
import { EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE } from './command';

/**
 * Exit code for a finished run, with a one-line count on stderr when records were skipped. A run that
 * processed nothing (no records, or every one skipped) is exit 2, as the help says: a script must not
 * read "some records failed" when none went through.
 */
export function finishRun(name: string, summary: RunSummary, err: Writable): number {
  if (summary.answers === 0) {
    err.write(
      summary.failed === 0
        ? `${name}: no records: nothing was processed\n`
        : `${name}: all ${summary.failed} record(s) skipped: nothing was processed\n`,
    );
    return EXIT_USAGE;
  }
  if (summary.failed === 0) return EXIT_OK;
  const total = summary.failed + summary.answers;
  err.write(`${name}: ${summary.failed} of ${total} record(s) skipped\n`);
  return EXIT_RECORD_ERRORS;
}
