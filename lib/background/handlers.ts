/**
 * What the background answers to each message. Pure functions of an open database, so tests run them
 * against fake-indexeddb with no browser.
 */
import * as v from 'valibot';
import type { ModelPrintDatabase } from '../db';
import { countSamples, listSamples, listSiteHealth, putSiteHealth, saveSample } from '../db';
import type { Handlers } from '../messaging/router';
import { sampleId, type CapturedAnswer, type Sample } from '../sample';
import { SITE_IDS } from '../sites/hosts';

const nullableString = v.nullable(v.string());

/** A content script runs in a page we do not control: check what it sends before storing it. */
const CapturedAnswerSchema = v.object({
  site: v.picklist(SITE_IDS),
  url: v.string(),
  conversationId: nullableString,
  messageId: nullableString,
  prompt: v.string(),
  text: v.pipe(v.string(), v.minLength(1, 'an answer must have text')),
  reasoning: nullableString,
  claimedModel: v.nullable(
    v.object({ raw: v.string(), source: v.picklist(['message', 'picker', 'mode']) }),
  ),
});

const HealthSchema = v.object({
  site: v.picklist(SITE_IDS),
  url: v.string(),
  ok: v.boolean(),
  failingSelector: nullableString,
  checkedAt: v.number(),
});

function parse<T>(schema: v.GenericSchema<unknown, T>, data: unknown, what: string): T {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`invalid ${what}${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}

export function createHandlers(
  getDb: () => Promise<ModelPrintDatabase>,
  now: () => number = Date.now,
): Handlers {
  return {
    async saveAnswer(data) {
      const answer: CapturedAnswer = parse(CapturedAnswerSchema, data, 'answer');
      const sample: Sample = { ...answer, id: sampleId(answer), capturedAt: now() };
      const created = await saveSample(await getDb(), sample);
      return { id: sample.id, created };
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
  };
}
