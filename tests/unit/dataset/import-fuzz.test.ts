/**
 * Bad input never changes the database: random bytes, and valid files with random damage (a field set to
 * any JSON value, a cut at any byte, a forbidden key, a duplicated line), are read, planned and committed;
 * afterwards the database holds exactly what it held plus the plan's new valid records, never an invalid
 * one. An import that fails inside its transaction leaves it exactly as it was.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, openModelPrintDB, saveSample, type ModelPrintDatabase } from '@/lib/db';
import { commitImport, planImport } from '@/lib/dataset/import';
import { sampleToRecord } from '@/lib/dataset/record';
import { RECORD_FIELDS } from '@/lib/dataset/schema';
import { fakeEngine } from './helpers';
import { makeSample, makeSamples } from './samples';

let n = 0;
async function seeded(): Promise<ModelPrintDatabase> {
  const db = await openModelPrintDB(`fuzz-${++n}`);
  await addSamplesAtomically(db, makeSamples(12));
  return db;
}

async function snapshot(db: ModelPrintDatabase) {
  const [samples, listings] = await Promise.all([db.getAll('samples'), db.getAll('listings')]);
  return { samples, listings };
}

const commitOptions = { now: 42, engine: async () => fakeEngine };
const encoder = new TextEncoder();
/** Records 8..19: some overlap the seeded 0..11 (duplicates), some are new. */
const incoming = () => makeSamples(12, 8).map((s) => sampleToRecord(s) as Record<string, unknown>);

type Damage =
  | { kind: 'set'; line: number; field: string; value: unknown }
  | { kind: 'cut'; at: number }
  | { kind: 'forbidden'; line: number; key: string }
  | { kind: 'repeat'; line: number };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), line: fc.nat(11), field: fc.constantFrom(...RECORD_FIELDS), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('forbidden' as const), line: fc.nat(11), key: fc.constantFrom('__proto__', 'constructor', 'prototype') }),
  fc.record({ kind: fc.constant('repeat' as const), line: fc.nat(11) }),
);

function damaged(hits: Damage[]): Uint8Array {
  const records = incoming();
  const lines = records.map((r) => JSON.stringify(r));
  for (const d of hits) {
    if (d.kind === 'set') lines[d.line] = JSON.stringify({ ...JSON.parse(lines[d.line]!), [d.field]: d.value });
    if (d.kind === 'forbidden') lines[d.line] = lines[d.line]!.replace(/^\{/, `{"${d.key}":{"x":1},`);
    if (d.kind === 'repeat') lines.push(lines[d.line]!);
  }
  let text = `${lines.join('\n')}\n`;
  for (const d of hits) if (d.kind === 'cut') text = text.slice(0, d.at % (text.length + 1));
  return encoder.encode(text);
}

async function importWhatIsValid(db: ModelPrintDatabase, bytes: Uint8Array) {
  const before = await snapshot(db);
  let plan;
  try {
    plan = await planImport(db, bytes, { fileName: 'fuzz.jsonl', engineVersion: fakeEngine.version });
  } catch {
    // Refused as a whole: nothing may have changed.
    expect(await snapshot(db)).toEqual(before);
    return;
  }
  expect(await snapshot(db)).toEqual(before); // planning writes nothing
  await commitImport(db, plan, commitOptions);
  const after = await snapshot(db);
  const added = after.samples.filter((s) => !before.samples.some((b) => b.id === s.id));
  expect(added.map((s) => s.id).sort()).toEqual(plan.fresh.map((r) => r.id).sort());
  // The stored samples are untouched.
  expect(after.samples.filter((s) => before.samples.some((b) => b.id === s.id))).toEqual(before.samples);
}

describe('fuzzed imports', () => {
  it('random bytes are refused or found invalid, and change nothing', async () => {
    const db = await seeded();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const before = await snapshot(db);
        const plan = await planImport(db, bytes, { fileName: 'x', engineVersion: 'fake-1' }).catch(() => null);
        if (plan) {
          expect(plan.fresh).toEqual([]);
          await commitImport(db, plan, commitOptions);
        }
        expect(await snapshot(db)).toEqual(before);
      }),
      { numRuns: 60 },
    );
  });

  it('damaged files write only their valid new records and never touch the stored ones', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), async (hits) => {
        const db = await seeded();
        await importWhatIsValid(db, damaged(hits));
        db.close();
      }),
      { numRuns: 40 },
    );
  });

  it('an import that fails part-way through its transaction leaves the database exactly as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(7), async (which) => {
        const db = await seeded();
        const plan = await planImport(db, damaged([]), { fileName: 'late.jsonl', engineVersion: 'fake-1' });
        expect(plan.fresh).toHaveLength(8);
        // Between the summary and the confirmation, the background records one of the new ids.
        await saveSample(db, { ...makeSample(12 + which), text: 'recorded meanwhile' });
        const before = await snapshot(db);
        await expect(commitImport(db, plan, commitOptions)).rejects.toThrow(/stored after the summary.*the database is unchanged/);
        expect(await snapshot(db)).toEqual(before);
        db.close();
      }),
      { numRuns: 8 },
    );
  });
});
