/**
 * What the dataset worker does with each message, as a plain function of its dependencies, so Node tests
 * run it against fake-indexeddb without a Worker.
 */
import { countSamples, listSamplesByTime, type ModelPrintDatabase } from '../db';
import type { Sample } from '../sample';
import type { VerdictEngine } from '../verdict/types';
import { BlobSpool } from './byte-sink';
import type { PackerFactory } from './entry-packer';
import { DatasetError } from './errors';
import { exportStream } from './export';
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
  /**
   * A fresh packer for a bundle's JSONL, per export (the extension: a second worker), and how to end it
   * whatever happens to the export; default inline.
   */
  packer?: () => { factory: PackerFactory; close(): void };
  /** Samples per export page (tests make it small to see the pages). */
  pageSize?: number;
}

/** Samples per page read and written: about 5 MB of answers, one Parquet row group. */
export const EXPORT_PAGE = 1_000;

/**
 * The wanted samples oldest first, a page at a time (a filtered export reads every page and keeps its
 * own). Each page is its own read transaction: a sample recorded meanwhile in another tab is exported
 * when it sorts after the pages already read.
 */
async function* samplePages(db: ModelPrintDatabase, wanted: Set<string> | null, pageSize: number): AsyncGenerator<Sample[]> {
  const after = (page: Sample[]) => {
    const last = page[page.length - 1]!;
    return { capturedAt: last.capturedAt, id: last.id };
  };
  let next = listSamplesByTime(db, null, pageSize);
  for (;;) {
    const page = await next;
    if (page.length === 0) return;
    // The next page is read while this one is written: the database works in the browser's process.
    next = listSamplesByTime(db, after(page), pageSize);
    const kept = wanted ? page.filter((s) => wanted.has(s.id)) : page;
    if (kept.length > 0) yield kept;
  }
}

const MIME = { jsonl: 'application/x-ndjson', parquet: 'application/vnd.apache.parquet', bundle: 'application/zip' } as const;

export function createWorkerHandler({ openDb, engine, fingerprint, packer, post, now = Date.now, pageSize = EXPORT_PAGE }: WorkerDeps) {
  let plan: ImportPlan | null = null;
  const fail = (error: unknown) =>
    post({ type: 'error', message: error instanceof DatasetError || error instanceof Error ? error.message : String(error) });

  return async function handle(message: ToWorker): Promise<void> {
    try {
      const db = await openDb();
      if (message.type === 'export') {
        const e = await engine();
        const wanted = message.ids ? new Set(message.ids) : null;
        const total = wanted ? wanted.size : await countSamples(db);
        // The file is written into Blob parts as it is made: the worker's heap holds a page, not the file.
        const out = new BlobSpool();
        const packing = message.request.format === 'bundle' ? packer?.() : undefined;
        const { manifest } = await exportStream(samplePages(db, wanted, pageSize), total, { ...message.request, engine: e.info, now: now() }, out.write, {
          fingerprint,
          packer: packing?.factory,
          onProgress: (progress) => post({ type: 'progress', progress }),
        }).finally(() => packing?.close());
        const fileName = `${manifest.name}${FORMAT_EXTENSIONS[message.request.format]}`;
        post({ type: 'exported', blob: out.toBlob(MIME[message.request.format]), manifest, fileName });
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
