/** The dataset worker's message handling, run against fake-indexeddb: export with progress, plan, commit. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, openModelPrintDB, type ModelPrintDatabase } from '@/lib/db';
import { readDataset } from '@/lib/dataset/read';
import { sampleToRecord } from '@/lib/dataset/record';
import { writeJsonl } from '@/lib/dataset/write';
import { portPacker, servePacker, type PackerPort } from '@/lib/dataset/packer-port';
import { createWorkerHandler, type WorkerDeps } from '@/lib/dataset/worker-handler';
import type { FromWorker } from '@/lib/dataset/worker-protocol';
import { NO_PRIVACY } from '@/lib/dataset/schema';
import { createFakeEngine } from '../verdict/fake-engine';
import { fakeFingerprint } from './helpers';
import { makeSamples } from './samples';

/** Every stored sample, oldest first (read directly: the extension itself reads them in chunks). */
const listAllSamples = (db: ModelPrintDatabase) => db.getAllFromIndex('samples', 'by-capturedAt');

let n = 0;
function setup(engineVersion = 'fake-2', packer?: WorkerDeps['packer']) {
  const db = openModelPrintDB(`worker-${++n}`);
  const posted: FromWorker[] = [];
  const engine = Object.assign(createFakeEngine(engineVersion), { info: { version: engineVersion, featureSetVersion: 'f', signaturesDate: 'd' } });
  const handle = createWorkerHandler({
    openDb: () => db,
    engine: async () => engine,
    fingerprint: fakeFingerprint,
    post: (m) => posted.push(m),
    now: () => 1_800_000_000_000,
    packer,
  });
  return { db, posted, handle, engine };
}

/** A packer on the far end of a MessageChannel, as the extension's pack.worker.ts; counts its closes. */
function channelPackers() {
  let closes = 0;
  return {
    closes: () => closes,
    packer: () => {
      const { port1, port2 } = new MessageChannel();
      servePacker(port2 as unknown as PackerPort);
      const close = () => {
        closes++;
        port1.close();
        port2.close();
      };
      return { factory: portPacker(port1 as unknown as PackerPort), close };
    },
  };
}

const bundleRequest = { format: 'bundle', privacy: NO_PRIVACY, features: false, filters: null, modelprintVersion: '9.9.9' } as const;

async function exported(posted: FromWorker[]) {
  const done = posted.find((m) => m.type === 'exported');
  if (done?.type !== 'exported') throw new Error(JSON.stringify(posted.at(-1)));
  return new Uint8Array(await done.blob.arrayBuffer());
}

describe('the dataset worker', () => {
  it('exports the selected samples with progress, oldest first, named by export time', async () => {
    const { db, posted, handle } = setup();
    await addSamplesAtomically(await db, makeSamples(30));
    const ids = makeSamples(30).filter((s) => s.site === 'claude').map((s) => s.id);
    await handle({ type: 'export', ids, request: { format: 'jsonl', privacy: NO_PRIVACY, features: false, filters: { site: 'claude' }, modelprintVersion: '9.9.9' } });
    const done = posted.find((m) => m.type === 'exported');
    expect(posted.some((m) => m.type === 'progress')).toBe(true);
    if (done?.type !== 'exported') throw new Error(JSON.stringify(posted.at(-1)));
    expect(done.fileName).toBe('modelprint-2027-01-15T08-00-00Z.jsonl');
    expect(done.manifest).toMatchObject({ scope: 'filtered', filters: { site: 'claude' }, modelprintVersion: '9.9.9', engineVersion: 'fake-2' });
    const read = await readDataset(new Uint8Array(await done.blob.arrayBuffer()));
    expect(read.valid.map((v) => v.record.id)).toEqual(ids);
  });

  it('plans, then commits, recomputing the verdicts of another engine version', async () => {
    const { db, posted, handle, engine } = setup('fake-2');
    const file = new Blob([writeJsonl(makeSamples(10).map((s) => sampleToRecord(s))) as Uint8Array<ArrayBuffer>]);
    await handle({ type: 'plan', file, fileName: 'in.jsonl' });
    const planned = posted.find((m) => m.type === 'planned');
    if (planned?.type !== 'planned') throw new Error(JSON.stringify(posted.at(-1)));
    expect(planned.summary).toMatchObject({ dataset: 'in.jsonl', fresh: 10, invalid: 0, staleVerdicts: 10 });
    await handle({ type: 'commit' });
    const imported = posted.find((m) => m.type === 'imported');
    const withText = makeSamples(10).filter((s) => !s.textDropped).length;
    expect(imported).toEqual({ type: 'imported', imported: 10, recomputed: withText });
    expect(engine.calls).toBe(withText);
    const stored = await listAllSamples(await db);
    expect(stored.filter((s) => s.verdict?.version === 'fake-2')).toHaveLength(withText);
    // A second commit without a new plan is refused, not repeated.
    await handle({ type: 'commit' });
    expect(posted.at(-1)).toEqual({ type: 'error', message: 'nothing to import: choose a file first' });
  });

  it('a bundle packed in a second worker is the same file as one packed inline, and the packer is ended', async () => {
    const inline = setup();
    const ported = channelPackers();
    const second = setup('fake-2', ported.packer);
    for (const { db } of [inline, second]) await addSamplesAtomically(await db, makeSamples(23));
    await inline.handle({ type: 'export', ids: null, request: bundleRequest });
    await second.handle({ type: 'export', ids: null, request: bundleRequest });
    const bytes = await exported(second.posted);
    expect(bytes).toEqual(await exported(inline.posted));
    expect((await readDataset(bytes)).valid).toHaveLength(23);
    expect(ported.closes()).toBe(1);
  });

  it('ends the second worker when the export fails part-way', async () => {
    const ported = channelPackers();
    const db = openModelPrintDB(`worker-${++n}`);
    await addSamplesAtomically(await db, makeSamples(12));
    const posted: FromWorker[] = [];
    let progress = 0;
    const engine = Object.assign(createFakeEngine('fake-2'), { info: { version: 'fake-2', featureSetVersion: 'f', signaturesDate: 'd' } });
    const handle = createWorkerHandler({
      openDb: () => db,
      engine: async () => engine,
      fingerprint: fakeFingerprint,
      // The page going away after the first page was written (its port closed): posting fails.
      post: (m) => {
        if (m.type === 'progress' && ++progress === 3) throw new Error('the page is gone');
        posted.push(m);
      },
      pageSize: 5,
      packer: ported.packer,
    });
    await handle({ type: 'export', ids: null, request: bundleRequest });
    expect(posted.at(-1)).toEqual({ type: 'error', message: 'the page is gone' });
    expect(ported.closes()).toBe(1);
  });
});
