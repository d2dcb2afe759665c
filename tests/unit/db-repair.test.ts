/**
 * lib/db-schema.ts is the table an open checks the database against: it must name exactly what the upgrade
 * blocks create, or a missing store would go unnoticed (and a new version must add its stores to it).
 */
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openModelPrintDB, readSamplesAsTheyAre } from '@/lib/db';
import { presentVersion, SCHEMA, schemaGaps } from '@/lib/db-schema';

let n = 0;

describe('the schema table', () => {
  it('names every store and index a fresh database has, and nothing else', async () => {
    const db = await openModelPrintDB(`repair-${++n}`);
    const actual = Object.fromEntries([...db.objectStoreNames].map((name) => [name, [...db.transaction(name).store.indexNames].sort()]));
    const declared: Record<string, string[]> = {};
    for (const step of SCHEMA) for (const [name, spec] of Object.entries(step.stores)) (declared[name] ??= []).push(...Object.keys(spec.indexes));
    for (const name of Object.keys(declared)) declared[name]!.sort();
    expect(actual).toEqual(declared);
    expect(Math.max(...SCHEMA.map((s) => s.version))).toBe(DB_VERSION);
    db.close();
  });

  it('tells how far a database really is, whatever version it reports', async () => {
    const name = `repair-${++n}`;
    const db = await openDB(name, 3, { upgrade: (d) => void d.createObjectStore('siteHealth', { keyPath: 'site' }) });
    const view = { objectStoreNames: db.objectStoreNames, store: (s: string) => db.transaction(s).store };
    expect(presentVersion(view, 3)).toBe(0);
    expect(schemaGaps(view)).toContain('store samples');
    db.close();
  });
});

describe('reading what can be read', () => {
  it('returns the records of a samples store that is not ours, without changing the database', async () => {
    const name = `repair-${++n}`;
    const db = await openDB(name, 7, { upgrade: (d) => void d.createObjectStore('samples', { keyPath: 'key' }) });
    await db.put('samples', { key: 1, text: 'one' });
    db.close();
    expect(await readSamplesAsTheyAre(name)).toEqual([{ key: 1, text: 'one' }]);
    expect(await readSamplesAsTheyAre(`repair-missing-${n}`)).toEqual([]);
    const again = await openDB(name);
    expect(again.version).toBe(7);
    again.close();
  });
});
