/**
 * The page's side of the dataset worker: one job at a time, progress by callback, cancel by terminating
 * the worker (the next job starts a fresh one). An interface, so component tests need no Worker.
 */
import type { ExportRequest, FromWorker, PlanSummary, ToWorker } from '@/lib/dataset/worker-protocol';
import type { DatasetManifest } from '@/lib/dataset/schema';

export interface DatasetProgress {
  stage: string;
  done: number;
  total: number;
}

export interface DatasetJobs {
  exportFile(request: ExportRequest, ids: string[] | null, onProgress: (p: DatasetProgress) => void): Promise<{ blob: Blob; fileName: string; manifest: DatasetManifest }>;
  plan(file: File): Promise<PlanSummary>;
  commit(onProgress: (p: DatasetProgress) => void): Promise<{ imported: number; recomputed: number }>;
  /** Stops the running job; its promise rejects with "cancelled". An import in flight writes nothing. */
  cancel(): void;
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function workerDatasetJobs(start: () => Worker = () => new Worker(new URL('./dataset.worker.ts', import.meta.url), { type: 'module' })): DatasetJobs {
  let worker: Worker | null = null;
  let running: { reject: (e: Error) => void } | null = null;

  function run<T>(message: ToWorker, onProgress: ((p: DatasetProgress) => void) | null, done: (m: FromWorker) => T | undefined): Promise<T> {
    worker ??= start();
    const w = worker;
    return new Promise<T>((resolve, reject) => {
      running = { reject };
      w.onmessage = (event: MessageEvent<FromWorker>) => {
        const m = event.data;
        if (m.type === 'progress') return onProgress?.(m.progress);
        running = null;
        if (m.type === 'error') return reject(new Error(m.message));
        const value = done(m);
        if (value === undefined) reject(new Error(`unexpected answer from the dataset worker: ${m.type}`));
        else resolve(value);
      };
      w.onerror = (event) => {
        running = null;
        reject(new Error(event.message || 'the dataset worker failed'));
      };
      w.postMessage(message);
    });
  }

  return {
    exportFile: (request, ids, onProgress) =>
      run({ type: 'export', request, ids }, onProgress, (m) =>
        m.type === 'exported' ? { blob: m.blob, fileName: m.fileName, manifest: m.manifest } : undefined,
      ),
    plan: (file) => run({ type: 'plan', file, fileName: file.name }, null, (m) => (m.type === 'planned' ? m.summary : undefined)),
    commit: (onProgress) => run({ type: 'commit' }, onProgress, (m) => (m.type === 'imported' ? { imported: m.imported, recomputed: m.recomputed } : undefined)),
    cancel() {
      worker?.terminate();
      worker = null;
      running?.reject(new CancelledError());
      running = null;
    },
  };
}
