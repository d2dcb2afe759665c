/**
 * What the dataset worker does with each message, as a plain function of its dependencies, so Node tests
 * run it against fake-indexeddb without a Worker.
 */
import { listSampleChunk, type ModelPrintDatabase } from '../db';
import type { Sample } from '../sample';
import type { VerdictEngine } from '../verdict/types';
import { DatasetError } from './errors';
import { exportSamples } from './export';
import { commitImport, planImport, type ImportPlan } from './import';
import type { EngineInfo } from './manifest';
import { FORMAT_EXTENSIONS } from './write';
import type { FromWorker, ToWorker } from './worker-protocol';

export interface WorkerDeps {
  openDb: () => Promise<ModelPrintDatabase>;
  /** The engine with the bundled signatures (loaded once, when first needed). */
  engine: () => Promise<VerdictEngine & { info: EngineInfo }>;
  fingerprint: (text: string) => Record<string, number>;
  post: (message: FromWorker, transfer?: Transferable[]) => void;
  now?: () => number;
}

/** Samples per read: each request stays short, and progress moves. */
const READ_CHUNK = 1_000;

async function readSamples(db: ModelPrintDatabase, ids: string[] | null, post: WorkerDeps['post']): Promise<Sample[]> {
  const wanted = ids ? new Set(ids) : null;
  const out: Sample[] = [];
  let seen = 0;
  for (let after: string | null = null; ; ) {
    const chunk = await listSampleChunk(db, after, READ_CHUNK);
    if (chunk.length === 0) break;
    for (const s of chunk) if (!wanted || wanted.has(s.id)) out.push(s);
    seen += chunk.length;
    after = chunk[chunk.length - 1]!.id;
    post({ type: 'progress', progress: { stage: 'reading', done: wanted ? out.length : seen, total: wanted?.size ?? seen } });
  }
  // Oldest first, as a reader expects a log to be.
  return out.sort((a, b) => a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : 1));
}

export function createWorkerHandler({ openDb, engine, fingerprint, post, now = Date.now }: WorkerDeps) {
  let plan: ImportPlan | null = null;
  const fail = (error: unknown) =>
    post({ type: 'error', message: error instanceof DatasetError || error instanceof Error ? error.message : String(error) });

  return async function handle(message: ToWorker): Promise<void> {
    try {
      const db = await openDb();
      if (message.type === 'export') {
        const [samples, e] = await Promise.all([readSamples(db, message.ids, post), engine()]);
        const at = now();
        const written = await exportSamples(samples, { ...message.request, engine: e.info, now: at }, {
          fingerprint,
          onProgress: (progress) => post({ type: 'progress', progress }),
        });
        const fileName = `${written.manifest.name}${FORMAT_EXTENSIONS[message.request.format]}`;
        post({ type: 'exported', bytes: written.bytes, manifest: written.manifest, fileName }, [written.bytes.buffer as ArrayBuffer]);
      } else if (message.type === 'plan') {
        const e = await engine();
        const bytes = new Uint8Array(await message.file.arrayBuffer());
        plan = await planImport(db, bytes, { fileName: message.fileName, engineVersion: e.version });
        const { fresh, ...rest } = plan;
        post({ type: 'planned', summary: { ...rest, fresh: fresh.length } });
      } else {
        if (!plan) throw new Error('nothing to import: choose a file first');
        const current = plan;
        plan = null;
        const result = await commitImport(db, current, {
          now: now(),
          engine,
          onProgress: (done, total) => post({ type: 'progress', progress: { stage: 'verdicts', done, total } }),
        });
        post({ type: 'imported', ...result });
      }
    } catch (error) {
      fail(error);
    }
  };
}
