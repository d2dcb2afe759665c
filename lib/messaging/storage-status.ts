/**
 * The last storage problem a write met, kept in session storage by the background so the popup can say
 * "storage is full" instead of "no answer recorded" when the answer on screen could not be saved (issue 15,
 * failure 5). Cleared by the next write that succeeds.
 */
import { storage } from 'wxt/utils/storage';
import { describeError, storageProblem, type StorageProblemKind } from '../storage-problem';

export interface StorageStatus {
  problem: StorageProblemKind;
  /** The error as the browser gave it, for the curious and for bug reports. */
  detail: string;
  at: number;
}

export const storageStatus = storage.defineItem<StorageStatus | null>('session:storageProblem', { fallback: null });

/** Remembers `error` when it is a storage problem; other errors (bad input) say nothing about the storage. */
export async function noteStorageError(error: unknown, now: number): Promise<void> {
  const problem = storageProblem(error);
  if (problem) await storageStatus.setValue({ problem, detail: describeError(error), at: now });
}

/** A write went through: whatever was wrong is not any more. */
export async function noteStorageWorks(): Promise<void> {
  if ((await storageStatus.getValue()) !== null) await storageStatus.setValue(null);
}
