/**
 * The dashboard's dataset worker: export and import off the page's main thread (lib/dataset/worker-handler.ts).
 * It opens the extension's IndexedDB itself (same origin) and fetches the packaged signatures once; an
 * export starts a second worker (pack.worker.ts) that deflates the bundle's JSONL on the other core.
 */
import { openModelPrintDB } from '@/lib/db';
import { fingerprint, FEATURE_SET_VERSION, loadSignatures, type Signatures } from '@/lib/fingerprint/core';
import { createEngine } from '@/lib/verdict/verdict-engine';
import { portPacker } from '@/lib/dataset/packer-port';
import { createWorkerHandler } from '@/lib/dataset/worker-handler';
import type { FromWorker, ToWorker } from '@/lib/dataset/worker-protocol';

let db: ReturnType<typeof openModelPrintDB> | undefined;
let engine: ReturnType<typeof loadEngine> | undefined;

async function loadEngine() {
  const response = await fetch(new URL('/signatures.json', self.location.origin));
  if (!response.ok) throw new Error(`cannot read signatures.json (HTTP ${response.status})`);
  const signatures: Signatures = loadSignatures(await response.json());
  const e = createEngine(() => signatures);
  return Object.assign(e, { info: { version: e.version, featureSetVersion: FEATURE_SET_VERSION, signaturesDate: signatures.json.build.date } });
}

const handle = createWorkerHandler({
  openDb: () => (db ??= openModelPrintDB()),
  engine: () => (engine ??= loadEngine()),
  fingerprint,
  packer: () => {
    const worker = new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module' });
    return { factory: portPacker(worker), close: () => worker.terminate() };
  },
  post: (message: FromWorker, transfer: Transferable[] = []) => self.postMessage(message, { transfer }),
});

self.onmessage = (event: MessageEvent<ToWorker>) => void handle(event.data);
