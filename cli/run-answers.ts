import type { Writable } from 'node:stream';
import type { Answer, InputItem } from './read-input';
import { EXIT_OK, EXIT_RECORD_ERRORS } from './command';
import { LineWriter } from './line-writer';

export interface RunSummary {
  /** Answers that produced an output line. */
  answers: number;
  /** Records reported on stderr and skipped. */
  failed: number;
}

/**
 * The loop shared by `classify` and `fingerprint`: one output line per answer, one stderr line per bad
 * record (`NAME: line N: why`), and the run goes on after a bad record so one broken line in a large
 * export costs one record, not the whole file.
 */
export async function forEachAnswer(
  name: string,
  items: AsyncIterable<InputItem>,
  out: Writable,
  err: Writable,
  render: (answer: Answer) => string,
): Promise<RunSummary> {
  const writer = new LineWriter(out);
  const summary: RunSummary = { answers: 0, failed: 0 };
  try {
    for await (const item of items) {
      if (item.error) {
        summary.failed++;
        err.write(`${name}: line ${item.error.line}: ${item.error.message}\n`);
        continue;
      }
      await writer.line(render(item.answer));
      summary.answers++;
    }
  } finally {
    // Lines already computed are written even when reading fails half-way (e.g. a file deleted mid-run).
    await writer.flush();
  }
  return summary;
}

/** Exit code for a finished run, with a one-line count on stderr when records were skipped. */
export function finishRun(name: string, summary: RunSummary, err: Writable): number {
  if (summary.failed === 0) return EXIT_OK;
  const total = summary.failed + summary.answers;
  err.write(`${name}: ${summary.failed} of ${total} record(s) skipped\n`);
  return EXIT_RECORD_ERRORS;
}
