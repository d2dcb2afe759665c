/**
 * What the background answers to each message. Pure functions of an open database, so tests run them
 * against fake-indexeddb with no browser.
 */
import * as v from 'valibot';
import type { ModelPrintDatabase } from '../db';
import {
  countSamples,
  deleteAllSamples,
  deleteSamples,
  getSample,
  listAllSampleSummaries,
  listSamples,
  listSiteHealth,
  putSiteHealth,
  setUserLabel,
} from '../db';
import { notifySamplesChanged } from '../messaging/changes';
import type { Handlers } from '../messaging/router';
import type { ReferenceMessage } from '../messaging/protocol';
import { sampleId, type CapturedAnswer } from '../sample';
import { wordCount } from '../verdict/compute';
import type { VerdictEngine } from '../verdict/types';
import { conversationVerdict, tabVerdict } from './queries';
import { enforceRetention, recordAnswer, recordManualText, skipReason } from './record';
import { getSelection } from './selections';
import { recomputeBatch, withCurrentVerdicts } from './verdicts';
import {
  CapturedAnswerSchema,
  ConversationSchema,
  HealthSchema,
  IdsSchema,
  LabelSchema,
  ManualTextSchema,
  parse,
  TabSchema,
  TextSchema,
} from './schemas';

export interface HandlerDeps {
  engine: VerdictEngine;
  now?: () => number;
  /** Called after every write to the samples (default: bump the session item pages watch). */
  changed?: () => Promise<void>;
}

export function createHandlers(
  getDb: () => Promise<ModelPrintDatabase>,
  { engine, now = Date.now, changed = () => notifySamplesChanged(now()) }: HandlerDeps,
): Omit<Handlers, ReferenceMessage> {
  return {
    async saveAnswer(data) {
      const answer: CapturedAnswer = parse(CapturedAnswerSchema, data, 'answer');
      const skipped = await skipReason(answer);
      if (skipped) return { id: sampleId(answer), created: false, skipped };
      const result = await recordAnswer(await getDb(), engine, answer, now());
      if (result.created) await changed();
      return result;
    },
    async reportSiteHealth(data) {
      await putSiteHealth(await getDb(), parse(HealthSchema, data, 'health report'));
    },
    async listSamples(query) {
      const db = await getDb();
      const [samples, total] = await Promise.all([listSamples(db, query), countSamples(db)]);
      return { samples, total };
    },
    async listSiteHealth() {
      return listSiteHealth(await getDb());
    },
    async latestSampleForTab(data) {
      return tabVerdict(await getDb(), engine, parse(TabSchema, data, 'tab'), now());
    },
    async conversationSamples(data) {
      return conversationVerdict(await getDb(), engine, parse(ConversationSchema, data, 'conversation'), now());
    },
    async attributeText(data) {
      const { text } = parse(v.object({ text: TextSchema }), data, 'text');
      return { attribution: engine.attribute(text), words: wordCount(text) };
    },
    async saveText(data) {
      const result = await recordManualText(await getDb(), engine, parse(ManualTextSchema, data, 'text'), now());
      if (result.created) await changed();
      return result;
    },
    pendingSelection(data) {
      return getSelection(parse(v.object({ id: v.string() }), data, 'selection id').id);
    },
    async listAllSampleSummaries() {
      return listAllSampleSummaries(await getDb());
    },
    async getSample(data) {
      const db = await getDb();
      const sample = await getSample(db, parse(v.object({ id: v.string() }), data, 'sample id').id);
      return sample ? ((await withCurrentVerdicts(db, engine, [sample], now()))[0] ?? null) : null;
    },
    async setUserLabel(data) {
      const { id, label } = parse(LabelSchema, data, 'label');
      const updated = await setUserLabel(await getDb(), id, label?.trim() || null);
      if (updated) await changed();
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
    async recomputeVerdicts(data) {
      const { limit } = parse(v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }), data, 'limit');
      const result = await recomputeBatch(await getDb(), engine, now(), limit);
      if (result.updated > 0) await changed();
      return result;
    },
  };
}
