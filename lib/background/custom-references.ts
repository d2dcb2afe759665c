/**
 * The background's side of custom references: the enabled ones in memory (the verdict engine reads them at
 * every call), and the messages of the References view. Every change reloads them and marks stored verdicts
 * stale through the engine's version; the caller then recomputes them lazily.
 */
import * as v from 'valibot';
import { FEATURE_SET_VERSION } from '../fingerprint/core';
import { deleteCustomReference, listCustomReferences, putCustomReferences, setCustomReferenceEnabled, type ModelPrintDatabase } from '../db';
import type { Handlers } from '../messaging/router';
import type { ReferenceMessage } from '../messaging/protocol';
import { makePack, parsePack } from '../references/pack';
import type { StoredReference } from '../references/stored';
import type { CustomReference } from '../references/types';

export interface ReferenceState {
  /** The enabled references, as the engine sees them. */
  enabled(): readonly CustomReference[];
  reload(db: ModelPrintDatabase): Promise<void>;
}

export function createReferenceState(): ReferenceState {
  let enabled: CustomReference[] = [];
  return {
    enabled: () => enabled,
    async reload(db) {
      enabled = (await listCustomReferences(db)).filter((r) => r.enabled).map((r) => r.reference);
    },
  };
}

const IdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export function createReferenceHandlers(
  getDb: () => Promise<ModelPrintDatabase>,
  state: ReferenceState,
  /** After a change: recompute stale verdicts and tell the pages (the background passes its own). */
  changed: () => Promise<void>,
  now: () => number = Date.now,
): Pick<Handlers, ReferenceMessage> {
  const after = async (db: ModelPrintDatabase) => {
    await state.reload(db);
    await changed();
  };
  return {
    async listCustomReferences() {
      return listCustomReferences(await getDb());
    },
    async saveCustomReference(data) {
      // Validated exactly as an imported pack is: a page is trusted no more than a file.
      const [reference] = parsePack(makePack([data?.reference as CustomReference], FEATURE_SET_VERSION, 'dashboard'), FEATURE_SET_VERSION).references;
      const db = await getDb();
      const stored: StoredReference = { reference: reference!, enabled: false, addedAt: now(), origin: 'built' };
      await putCustomReferences(db, [stored]);
      await after(db);
      return { id: reference!.id };
    },
    async importSignaturePack(data) {
      const pack = parsePack(data?.pack, FEATURE_SET_VERSION);
      const db = await getDb();
      await putCustomReferences(db, pack.references.map((reference) => ({ reference, enabled: false, addedAt: now(), origin: 'imported' as const })));
      await after(db);
      return { imported: pack.references.map((r) => r.id) };
    },
    async setCustomReferenceEnabled(data) {
      const id = v.parse(IdSchema, data?.id);
      const db = await getDb();
      const updated = await setCustomReferenceEnabled(db, id, data?.enabled === true);
      await after(db);
      return { updated };
    },
    async deleteCustomReference(data) {
      const id = v.parse(IdSchema, data?.id);
      const db = await getDb();
      const existed = (await listCustomReferences(db)).some((r) => r.reference.id === id);
      await deleteCustomReference(db, id);
      await after(db);
      return { deleted: existed };
    },
  };
}
