/**
 * The two storage failures a user must be told about in plain words, with what to do (issue 15, failures 2
 * and 5): the disk or the browser's quota is full, or the database cannot be opened or repaired. Pure: no
 * browser or IndexedDB imports, so the background, the pages and the tests share it.
 */

export type StorageProblemKind = 'storage-full' | 'database-unavailable';

/** An error that names its storage problem; it crosses the message boundary as `Reply.problem`. */
export class StorageProblemError extends Error {
  constructor(
    readonly problem: StorageProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'StorageProblemError';
  }
}

/** What the user reads: a title, what happened to their data, and the steps to take, in order. */
export const STORAGE_ADVICE: Record<StorageProblemKind, { title: string; data: string; steps: string[] }> = {
  'storage-full': {
    title: 'Storage is full: new answers are not being saved.',
    data: 'Every answer already stored is kept; only the answers that did not fit were not saved.',
    steps: [
      'Free space on your disk (the browser limits each extension to a share of the free space).',
      'Or delete answers you no longer need: in the dashboard, select them and delete, or set a retention period in Settings.',
      'Then reload the chatbot page: its answers are read again and saved.',
    ],
  },
  'database-unavailable': {
    title: 'The answer database cannot be opened.',
    data: 'Nothing is recorded until it is fixed. Answers already stored are not deleted unless you reset.',
    steps: [
      'Close other ModelPrint tabs and try again: a passing fault clears by itself.',
      'If it stays: in the dashboard, “Download what can be read” saves every answer still readable as a file.',
      'Then “Reset the database” deletes it and starts an empty one; recording starts again.',
    ],
  },
};

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** The problem an error (or a message error from the background) stands for, or null when it is another one. */
export function storageProblem(error: unknown): StorageProblemKind | null {
  if (typeof error !== 'object' || error === null) return null;
  const { problem, name, message } = error as { problem?: unknown; name?: unknown; message?: unknown };
  if (problem === 'storage-full' || problem === 'database-unavailable') return problem;
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return 'storage-full';
  // Firefox and older Chromium word it in the message of an AbortError or UnknownError.
  if (typeof message === 'string' && /quota|disk (is )?full|no space/i.test(message)) return 'storage-full';
  return null;
}

/**
 * An error as one never-empty line. Chromium reports a full disk as a `QuotaExceededError` with an empty
 * message, and an aborted transaction as an `AbortError` whose message says nothing useful: the name says
 * what happened, so it is always kept.
 */
export function describeError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error) || 'unknown error';
  const { name, message } = error as { name?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.trim() : '';
  const kind = typeof name === 'string' && name !== 'Error' && name !== 'StorageProblemError' ? name : '';
  if (storageProblem(error) === 'storage-full' && !text) return 'storage is full (QuotaExceededError)';
  if (text && kind && !text.includes(kind)) return `${text} (${kind})`;
  return text || kind || 'unknown error';
}
