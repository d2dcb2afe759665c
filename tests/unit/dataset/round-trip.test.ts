import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, deleteAllSamples, listSamplesByOrigin, openModelPrintDB, type ModelPrintDatabase } from '@/lib/db';
import { exportSamples } from '@/lib/dataset/export';
import { commitImport, planImport } from '@/lib/dataset/import';
import { readDataset } from '@/lib/dataset/read';
import type { DatasetRecord } from '@/lib/dataset/schema';
import { exportOptions, fakeEngine, fakeFingerprint } from './helpers';
import { makeSamples } from './samples';

/** Every stored sample, oldest first (read directly: the extension itself reads them in chunks). */
const listAllSamples = (db: ModelPrintDatabase) => db.getAllFromIndex('samples', 'by-capturedAt');

let n = 0;
const freshDb = () => openModelPrintDB(`round-trip-${++n}`);

const ORIGIN_FIELDS = ['originKind', 'originDataset', 'originImportedAt'] as const;
const withoutOrigin = (r: DatasetRecord) => {
  const copy: Partial<DatasetRecord> = { ...r };
  for (const f of ORIGIN_FIELDS) delete copy[f];
  return copy;
};

async function recordsOf(bytes: Uint8Array) {
  const read = await readDataset(bytes);
  expect(read.errors).toEqual([]);
  return read.valid.map((v) => v.record).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('export, delete everything, import, export again', () => {
  for (const format of ['bundle', 'jsonl', 'parquet'] as const) {
    it(`gives the same data apart from export time and origin (${format})`, async () => {
      const db = await freshDb();
      const samples = makeSamples(120);
      await addSamplesAtomically(db, samples);
      const first = await exportSamples(await listAllSamples(db), exportOptions({ format, features: true }), { fingerprint: fakeFingerprint });
      expect(await deleteAllSamples(db)).toBe(120);

      const plan = await planImport(db, first.bytes, { fileName: `first.${format}`, engineVersion: fakeEngine.version });
      expect({ total: plan.total, fresh: plan.fresh.length, duplicates: plan.duplicates.total, invalid: plan.invalid }).toEqual({ total: 120, fresh: 120, duplicates: 0, invalid: 0 });
      const now = 1_795_000_000_000;
      expect(await commitImport(db, plan, { now, engine: async () => fakeEngine })).toEqual({ imported: 120, recomputed: 0 });

      const second = await exportSamples(await listAllSamples(db), exportOptions({ format, features: true, now: now + 1000 }), { fingerprint: fakeFingerprint });
      const [a, b] = [await recordsOf(first.bytes), await recordsOf(second.bytes)];
      expect(b.map(withoutOrigin)).toEqual(a.map(withoutOrigin));
      // The origin now says where they came from: the first export, at import time.
      const dataset = format === 'bundle' ? first.manifest.name : `first.${format}`;
      expect(new Set(b.map((r) => `${r.originKind} ${r.originDataset} ${r.originImportedAt}`))).toEqual(
        new Set([`imported ${dataset} ${new Date(now).toISOString()}`]),
      );
      expect(await listSamplesByOrigin(db, dataset)).toHaveLength(120);
      expect(second.manifest.exportedAt).not.toBe(first.manifest.exportedAt);
      const { exportedAt: _x, name: _n, files: _f, ...restA } = first.manifest;
      const { exportedAt: _y, name: _m, files: _g, ...restB } = second.manifest;
      expect(restB).toEqual(restA);
    });
  }

  it('keeps every stored field of a sample through a bundle (the records equal the samples)', async () => {
    const db = await freshDb();
    const samples = makeSamples(40);
    await addSamplesAtomically(db, samples);
    const out = await exportSamples(await listAllSamples(db), exportOptions());
    await deleteAllSamples(db);
    const plan = await planImport(db, out.bytes, { fileName: 'x.zip', engineVersion: 'fake-1' });
    await commitImport(db, plan, { now: 5, engine: async () => fakeEngine });
    const back = (await listAllSamples(db)).sort((x, y) => (x.id < y.id ? -1 : 1));
    const strip = ({ origin: _o, ...s }: (typeof samples)[number]) => s;
    expect(back.map(strip)).toEqual([...samples].sort((x, y) => (x.id < y.id ? -1 : 1)).map(strip));
  });
});
