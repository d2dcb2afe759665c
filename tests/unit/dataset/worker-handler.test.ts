/** The dataset worker's message handling, run against fake-indexeddb: export with progress, plan, commit. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, openModelPrintDB, type ModelPrintDatabase } from '@/lib/db';
import { readDataset } from '@/lib/dataset/read';
import { sampleToRecord } from '@/lib/dataset/record';
import { writeJsonl } from '@/lib/dataset/write';
import { createWorkerHandler } from '@/lib/dataset/worker-handler';
import type { FromWorker } from '@/lib/dataset/worker-protocol';
import { NO_PRIVACY } from '@/lib/dataset/schema';
import { createFakeEngine } from '../verdict/fake-engine';
import { fakeFingerprint } from './helpers';
import { makeSamples } from './samples';

/** Every stored sample, oldest first (read directly: the extension itself reads them in chunks). */
const listAllSamples = (db: ModelPrintDatabase) => db.getAllFromIndex('samples', 'by-capturedAt');

let n = 0;
function setup(engineVersion = 'fake-2') {
  const db = openModelPrintDB(`worker-${++n}`);
  const posted: FromWorker[] = [];
  const engine = Object.assign(createFakeEngine(engineVersion), { info: { version: engineVersion, featureSetVersion: 'f', signaturesDate: 'd' } });
  const handle = createWorkerHandler({ openDb: () => db, engine: async () => engine, fingerprint: fakeFingerprint, post: (m) => posted.push(m), now: () => 1_800_000_000_000 });
  return { db, posted, handle, engine };
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
});
