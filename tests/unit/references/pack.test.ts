import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { listCustomReferences, openModelPrintDB, putCustomReferences } from '@/lib/db';
import { FEATURE_SET_VERSION } from '@/lib/fingerprint';
import { createReferenceHandlers, createReferenceState } from '@/lib/background/custom-references';
import { makePack, parsePack, readPackText, PackError } from '@/lib/references';
import { exampleReference } from './example-reference';

const good = () => makePack([exampleReference('custom/one'), exampleReference('custom/two')], FEATURE_SET_VERSION, 'test', new Date(0));

describe('signature packs', () => {
  it('round-trips: parse(make(x)) equals x', () => {
    const pack = good();
    expect(parsePack(JSON.parse(JSON.stringify(pack)), FEATURE_SET_VERSION)).toEqual(pack);
  });

  const refusals: Array<[string, (p: ReturnType<typeof good>) => unknown, RegExp]> = [
    ['not an object', () => 42, /not a ModelPrint signature pack/],
    ['another format', (p) => ({ ...p, format: 'something-else' }), /not a ModelPrint signature pack/],
    ['an unknown pack version', (p) => ({ ...p, packVersion: 2 }), /pack version 2 is not one this ModelPrint reads/],
    ['another feature set', (p) => ({ ...p, featureSetVersion: 'canon@1' }), /built with feature set "canon@1", but this ModelPrint computes/],
    ['no reference', (p) => ({ ...p, references: [] }), /at least one reference/],
    ['two references with one id', (p) => ({ ...p, references: [p.references[0], p.references[0]] }), /same id/],
    ['an id without the custom prefix', (p) => ({ ...p, references: [{ ...p.references[0], id: 'gpt-4o' }] }), /references\.0\.id.*custom\//],
    ['weights that do not match the features', (p) => ({ ...p, references: [{ ...p.references[0], model: { ...p.references[0]!.model, weights: [1] } }] }), /one number per feature name/],
    ['a non-finite weight', (p) => ({ ...p, references: [{ ...p.references[0], model: { ...p.references[0]!.model, bias: null } }] }), /references\.0\.model\.bias/],
    ['an accuracy above 1', (p) => ({ ...p, references: [{ ...p.references[0], evaluation: { ...p.references[0]!.evaluation, accuracy: 3 } }] }), /accuracy/],
  ];
  it.each(refusals)('refuses a pack with %s, with a clear message', (_name, mutate, message) => {
    expect(() => parsePack(mutate(good()), FEATURE_SET_VERSION)).toThrow(PackError);
    expect(() => parsePack(mutate(good()), FEATURE_SET_VERSION)).toThrow(message);
  });

  it('refuses text that is not JSON', () => {
    expect(() => readPackText('{oops', FEATURE_SET_VERSION)).toThrow(/not JSON/);
  });
});

describe('importing a pack in the background', () => {
  it('stores every reference disabled; a bad pack is refused and changes nothing', async () => {
    const db = await openModelPrintDB(`pack-import-${Math.random()}`);
    const state = createReferenceState();
    let changes = 0;
    const handlers = createReferenceHandlers(async () => db, state, async () => void changes++, () => 5);
    await putCustomReferences(db, [{ reference: exampleReference('custom/kept'), enabled: true, addedAt: 1, origin: 'built' }]);
    await state.reload(db);
    const before = await listCustomReferences(db);

    for (const bad of [{ ...good(), featureSetVersion: 'x' }, { ...good(), references: [good().references[0], { ...good().references[1], family: '' }] }, null]) {
      await expect(Promise.resolve(handlers.importSignaturePack({ pack: bad }, {}))).rejects.toThrow();
      expect(await listCustomReferences(db)).toEqual(before);
      expect(state.enabled().map((r) => r.id)).toEqual(['custom/kept']);
    }
    expect(changes).toBe(0);

    expect(await handlers.importSignaturePack({ pack: good() }, {})).toEqual({ imported: ['custom/one', 'custom/two'] });
    expect((await listCustomReferences(db)).map((r) => [r.reference.id, r.enabled, r.origin])).toEqual([
      ['custom/kept', true, 'built'], ['custom/one', false, 'imported'], ['custom/two', false, 'imported'],
    ]);
    await handlers.setCustomReferenceEnabled({ id: 'custom/two', enabled: true }, {});
    expect(state.enabled().map((r) => r.id)).toEqual(['custom/kept', 'custom/two']);
    expect(changes).toBe(2);
    db.close();
  });
});
