/**
 * Messages between the dashboard and its dataset worker (components/dashboard/dataset.worker.ts). Export
 * and import run there, off the page's main thread; cancelling terminates the worker, which also aborts
 * an import transaction in flight (IndexedDB rolls it back).
 */
import type { ExportOptions, ExportProgress } from './export';
import type { ImportPlan } from './import';
import type { DatasetManifest } from './schema';

export type ExportRequest = Omit<ExportOptions, 'engine' | 'now'>;

export type ToWorker =
  | { type: 'export'; request: ExportRequest; /** Samples to export; null: every sample. */ ids: string[] | null }
  | { type: 'plan'; file: Blob; fileName: string }
  | { type: 'commit' };

/** The summary of a plan the page shows: the plan without its records. */
export type PlanSummary = Omit<ImportPlan, 'fresh'> & { fresh: number };

export type FromWorker =
  | { type: 'progress'; progress: ExportProgress | { stage: 'reading' | 'verdicts' | 'writing'; done: number; total: number } }
  /** The file as a Blob assembled from the parts written: posting it copies no bytes. */
  | { type: 'exported'; blob: Blob; manifest: DatasetManifest; fileName: string }
  | { type: 'planned'; summary: PlanSummary }
  | { type: 'imported'; imported: number; recomputed: number }
  | { type: 'error'; message: string };
