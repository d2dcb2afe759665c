/**
 * Node-only: the loop every answer-per-line command runs (`classify`, `fingerprint`, `compare`), shared with
 * the benchmark: bad records are reported on stderr and skipped, answers are handed on one by one.
 */
import type { Writable } from 'node:stream';
import type { Answer, InputItem } from './jsonl-answers';
import { LineWriter } from './line-writer';

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
