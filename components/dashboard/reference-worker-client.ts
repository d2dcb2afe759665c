/**
 * Runs one request in a fresh reference worker and resolves with its answer; `onProgress` hears the build's
 * progress. One worker per request, ended when it answers: builds are rare and a worker holds the signatures.
 */
import browser from 'webextension-polyfill';
/** The package's one copy of the signatures (SIGNATURES_FILE in lib/verdict/fetch-signatures.ts, not imported: that module belongs to the engine's lazy chunk). */
const SIGNATURES_FILE = 'signatures.json';
import type { WorkerReply, WorkerRequest } from './reference-worker-protocol';

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'signaturesUrl'> : never) : never;

export type WorkerRunner = (request: Request, onProgress?: (done: number, total: number) => void) => Promise<WorkerReply>;

export const runInWorker: WorkerRunner = (request, onProgress) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./reference-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress?.(reply.done, reply.total);
        return;
      }
      worker.terminate();
      if (reply.type === 'error') reject(new Error(reply.message));
      else resolve(reply);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the reference worker failed'));
    };
    worker.postMessage({ ...request, signaturesUrl: browser.runtime.getURL(`/${SIGNATURES_FILE}`) } as WorkerRequest);
  });
