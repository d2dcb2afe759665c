/**
 * The import's duplicate lookups give the same answer whichever way they read the store: every stored key
 * in one request (many keys against a store not much bigger) or one lookup per key (a few keys against a
 * big store).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addSamplesAtomically, findStoredContentKeys, findStoredIds, openModelPrintDB } from '@/lib/db';
import { contentKeyOf } from '@/lib/dataset/content-key';
import { makeSamples } from './samples';

describe('stored ids and content keys', () => {
  it('are found the same by a scan and by lookups, and none in an empty store', async () => {
    const db = await openModelPrintDB('stored-lookup');
    const samples = makeSamples(40);
    const key = (s: (typeof samples)[number]) => (s.textDropped ? null : contentKeyOf(s.site, s.prompt, s.text));
    expect(await findStoredIds(db, samples.map((s) => s.id))).toEqual(new Set());
    await addSamplesAtomically(db, samples.slice(0, 30));
    const absent = ['chatgpt:nowhere:1', 'claude:nowhere:2'];
    const storedKeys = samples.slice(0, 30).map(key).filter((k): k is string => k !== null);
    // 32 ids against 30 stored: the scan. 3 ids against 30: lookups.
    for (const ids of [[...samples.slice(0, 30).map((s) => s.id), ...absent], [samples[3]!.id, samples[29]!.id, absent[0]!]]) {
      expect(await findStoredIds(db, ids)).toEqual(new Set(ids.filter((id) => !absent.includes(id))));
    }
    const unknownKey = contentKeyOf('chatgpt', 'never asked', 'never answered')!;
    for (const keys of [[...storedKeys, unknownKey], [storedKeys[0]!, unknownKey]]) {
      expect(await findStoredContentKeys(db, keys)).toEqual(new Set(keys.filter((k) => k !== unknownKey)));
    }
    db.close();
  });
});
