/**
 * What the background answers to each message. Pure functions of an open database, so tests run them
 * against fake-indexeddb with no browser.
 */
import * as v from 'valibot';
import type { ModelPrintDatabase } from '../db';
import type { DatabaseAccess } from '../db-access';
import {
  countSamples,
  deleteAllSamples,
  deleteSamples,
  listNewestListings,
  listSiteHealth,
  putSiteHealth,
  setUserLabels,
} from '../db';
import { createChangeNotifier, type ChangeNotifier } from '../messaging/changes';
import { noteStorageError, noteStorageWorks } from '../messaging/storage-status';
import type { Handlers } from '../messaging/router';
import type { ReferenceMessage } from '../messaging/protocol';
import { sampleId, type CapturedAnswer } from '../sample';
import { wordCount } from '../verdict/compute';
import type { VerdictEngine } from '../verdict/types';
import { tabConversation, tabVerdict } from './queries';
import { enforceRetention, recordAnswer, recordManualText, skipReason } from './record-answer';
import { getSelection } from './selections';
import {
  CapturedAnswerSchema,
  HealthSchema,
  IdSchema,
  IdsSchema,
  LabelSchema,
  ListQuerySchema,
  ManualTextSchema,
  parse,
  TabConversationSchema,
  TabSchema,
  TextSchema,
} from './schemas';

export interface HandlerDeps {
  engine: VerdictEngine;
  now?: () => number;
  /** Called after every write to the samples (default: a coalescing notice to the pages that watch them). */
  changed?: ChangeNotifier;
  /** Deletes the database and opens an empty one (the background's {@link DatabaseAccess.reset}). */
  resetDatabase?: () => Promise<void>;
}

/** Listings in a `listListings` reply when the page does not say. */
const DEFAULT_LIST_LIMIT = 50;

/** Runs a write of new samples, keeping the popup's storage status in step with how it went. */
async function watchedWrite<T>(write: () => Promise<T>, now: () => number): Promise<T> {
  try {
    const result = await write();
    await noteStorageWorks();
    return result;
  } catch (error) {
    await noteStorageError(error, now());
    throw error;
  }
}

export function createHandlers(
  getDb: () => Promise<ModelPrintDatabase>,
  { engine, now = Date.now, changed = createChangeNotifier(), resetDatabase }: HandlerDeps,
): Omit<Handlers, ReferenceMessage> {
  return {
    async saveAnswer(data) {
      const answer: CapturedAnswer = parse(CapturedAnswerSchema, data, 'answer');
      const skipped = await skipReason(answer);
      if (skipped) return { id: sampleId(answer), created: false, skipped };
      const result = await watchedWrite(async () => recordAnswer(await getDb(), engine, answer, now()), now);
      if (result.created) await changed({ addedOnly: true });
      return result;
    },
    async reportSiteHealth(data) {
      await putSiteHealth(await getDb(), parse(HealthSchema, data, 'health report'));
    },
    async listListings(data) {
      const { limit = DEFAULT_LIST_LIMIT } = parse(ListQuerySchema, data, 'query');
      return listNewestListings(await getDb(), limit);
    },
    async countSamples() {
      return countSamples(await getDb());
    },
    async listSiteHealth() {
      return listSiteHealth(await getDb());
    },
    async latestSampleForTab(data) {
      return tabVerdict(await getDb(), engine, parse(TabSchema, data, 'tab'), now());
    },
    async tabConversation(data) {
      return tabConversation(await getDb(), engine, parse(TabConversationSchema, data, 'tab'), now());
    },
    async attributeText(data) {
      const { text } = parse(v.object({ text: TextSchema }), data, 'text');
      return { attribution: engine.attribute(text), words: wordCount(text) };
    },
    async saveText(data) {
      const input = parse(ManualTextSchema, data, 'text');
      const result = await watchedWrite(async () => recordManualText(await getDb(), engine, input, now()), now);
      if (result.created) await changed({ addedOnly: true });
      return result;
    },
    pendingSelection(data) {
      return getSelection(parse(IdSchema, data, 'selection id').id);
    },
    async setUserLabels(data) {
      const { ids, label } = parse(LabelSchema, data, 'label');
      const updated = await setUserLabels(await getDb(), ids, label?.trim() || null);
      if (updated > 0) await changed();
      return { updated };
    },
    async deleteSamples(data) {
      const { ids } = parse(IdsSchema, data, 'ids');
      const db = await getDb();
      const before = await countSamples(db);
      await deleteSamples(db, ids);
      const deleted = before - (await countSamples(db));
      if (deleted > 0) await changed();
      return { deleted };
    },
    async deleteAllSamples() {
      const deleted = await deleteAllSamples(await getDb());
      await changed();
      return { deleted };
    },
    async applyRetention() {
      const deleted = await enforceRetention(await getDb(), now());
      if (deleted > 0) await changed();
      return { deleted };
    },
    async resetDatabase() {
      if (!resetDatabase) throw new Error('resetting the database is not available here');
      await resetDatabase();
      await noteStorageWorks();
      await changed();
      return { reset: true as const };
    },
  };
}
