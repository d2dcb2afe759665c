/**
 * What the background accepts in each message. Content scripts run in pages we do not control and pages
 * can be buggy: every message is checked before it reaches the database.
 */
import * as v from 'valibot';
import { MANUAL_SITE } from '../sample';
import { SITE_IDS } from '../sites/hosts';

const nullableString = v.nullable(v.string());

/** A content script runs in a page we do not control: check what it sends before storing it. */
export const CapturedAnswerSchema = v.pipe(
  v.object({
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
    // A shared-conversation page (lib/sites/share.ts): both or neither, and no conversation id with them.
    shared: v.optional(v.literal(true)),
    shareId: v.optional(v.pipe(v.string(), v.minLength(1, 'a share id must not be empty'))),
  }),
  v.check(
    (a) => (a.shared === true) === (a.shareId !== undefined) && (a.shared !== true || a.conversationId === null),
    'a shared answer needs its share id and no conversation id',
  ),
);

export const HealthSchema = v.object({
  site: v.picklist(SITE_IDS),
  url: v.string(),
  ok: v.boolean(),
  failingSelector: nullableString,
  checkedAt: v.number(),
  problem: v.optional(v.nullable(v.picklist(['no-turns', 'no-answer-text']))),
  markupSeen: v.optional(v.pipe(v.string(), v.maxLength(10))),
});

/** A pasted text can be long (a whole essay) but not unbounded: 200,000 characters is ~30,000 words. */
const MAX_TEXT = 200_000;
export const TextSchema = v.pipe(v.string(), v.minLength(1, 'the text is empty'), v.maxLength(MAX_TEXT, 'the text is too long'));

export const ManualTextSchema = v.object({
  text: TextSchema,
  label: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
  sourceUrl: v.optional(nullableString),
});

export const TabSchema = v.object({ tabId: v.optional(v.number()), url: v.optional(v.string()) });
export const IdsSchema = v.object({ ids: v.array(v.string()) });
/** A researcher's label: what a filter and an export can show; 200 characters is a sentence, not a text. */
export const LabelSchema = v.object({
  ids: IdsSchema.entries.ids,
  label: v.nullable(v.pipe(v.string(), v.maxLength(200))),
});

/** The parsed value, or an error naming the field, for the sender to show. */
export function parse<T>(schema: v.GenericSchema<unknown, T>, data: unknown, what: string): T {
  const result = v.safeParse(schema, data);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new Error(`invalid ${what}${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}
