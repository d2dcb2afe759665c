import type { Writable } from 'node:stream';
import { EXIT_OK, EXIT_RECORD_ERRORS, EXIT_USAGE } from './command';
import { LineWriter } from './line-writer';
import type { Answer, InputItem } from './read-input';

export interface RunSummary {
  /** Answers handed to the callback. */
  answers: number;
  /** Records reported on stderr and skipped. */
  failed: number;
}

/**
 * Visits every answer and reports every bad record on stderr as `NAME: line N: why`. The run goes on after
 * a bad record, so one broken line in a large export costs one record, not the whole file.
 */
export async function forEachAnswer(
  name: string,
  items: AsyncIterable<InputItem>,
  err: Writable,
  onAnswer: (answer: Answer) => void | Promise<void>,
): Promise<RunSummary> {
  const summary: RunSummary = { answers: 0, failed: 0 };
  for await (const item of items) {
    if (item.error) {
      summary.failed++;
      err.write(`${name}: line ${item.error.line}: ${item.error.message}\n`);
      continue;
    }
    await onAnswer(item.answer);
    summary.answers++;
  }
  return summary;
}

/** The loop of `classify` and `fingerprint`: one output line per answer, rendered by `render`. */
export async function writeAnswerLines(
  name: string,
  items: AsyncIterable<InputItem>,
  out: Writable,
  err: Writable,
  render: (answer: Answer) => string,
): Promise<RunSummary> {
  const writer = new LineWriter(out);
  try {
    return await forEachAnswer(name, items, err, (answer) => writer.line(render(answer)));
  } finally {
    // Lines already computed are written even when reading fails half-way (e.g. a file deleted mid-run).
    await writer.flush();
  }
}

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
