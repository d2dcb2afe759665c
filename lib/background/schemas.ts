/**
 * What the background accepts in each message. Content scripts run in pages we do not control and pages
 * can be buggy or hostile: every field is checked and capped here, at the one boundary every write passes,
 * before it reaches the engine or the database (issue 15, failure 6: a 2 MB claimed model, a 5 MB prompt
 * and a 20 MB text were stored as they came).
 *
 * Where cutting loses nothing that matters the value is cut (a prompt is context; an over-long id becomes
 * a stable hash of itself), so the answer is still stored; where it would change the data (the answer's
 * text) or the value is malformed, the message is rejected with an error naming the field. The limits are
 * {@link LIMITS}, documented in the README ("Recorded data").
 */
import * as v from 'valibot';
import { plainLabel } from '../display-text';
import { contentHash } from '../sample';
import { SITE_IDS } from '../sites/hosts';

export const LIMITS = {
  /** Characters of an answer's text: 2 Mi (about 350,000 words; a 1 MB answer with its markdown fits). Longer is rejected, never cut: the verdict is of the whole text. */
  answerText: 2_097_152,
  /** Characters of a pasted or selected text: 200,000 (about 30,000 words). Longer is rejected. */
  pastedText: 200_000,
  /** Characters of a prompt kept with its answer: 100,000; the rest is cut (the prompt is context only). */
  prompt: 100_000,
  /** Characters of visible reasoning kept: 200,000; the rest is cut. */
  reasoning: 200_000,
  /** Characters of a claimed model name: 120, after removing control and bidi characters; the rest is cut. */
  claimedModel: 120,
  /** Characters of a site's conversation or message id: 256; a longer one is replaced by `h` + its hash. */
  pageId: 256,
  /** Characters of a sample id (`site:conversation:message`), as pages send it back. */
  sampleId: 600,
  /** Characters of a page address: 2,048; a longer one loses its query and fragment, then is cut. */
  url: 2_048,
  /** Characters of a user's label: 200. */
  label: 200,
  /** Characters of a failing selector in a health report: 500; the rest is cut. */
  selector: 500,
  /** Ids in one delete request: 100,000 (more than any selection the dashboard makes). */
  idsPerRequest: 100_000,
  /** Listings in one `listListings` reply: 500. */
  listLimit: 500,
} as const;

const cut = (max: number) => v.transform((s: string) => (s.length > max ? s.slice(0, max) : s));

/** An id a page gave: kept when short, else replaced by a stable hash of itself, so re-reads still match. */
const PageId = v.nullable(
  v.pipe(
    v.string(),
    v.transform((s) => (s.length > LIMITS.pageId ? `h${contentHash(s)}${contentHash(s.slice(s.length >> 1))}` : s)),
  ),
);

/** An http(s) address; an over-long one keeps its origin and path (the parts that name the page), cut. */
const PageUrl = v.pipe(
  v.string(),
  v.check((s) => /^https?:\/\//i.test(s), 'must be an http or https address'),
  v.transform((s) => (s.length > LIMITS.url ? s.replace(/[?#].*$/s, '') : s)),
  cut(LIMITS.url),
);

const ClaimedModelSchema = v.pipe(
  v.nullable(v.object({ raw: v.string(), source: v.picklist(['message', 'picker', 'mode']) })),
  v.transform((c) => {
    const raw = c && plainLabel(c.raw).slice(0, LIMITS.claimedModel);
    return c && raw ? { ...c, raw } : null;
  }),
);

/** A content script runs in a page we do not control: check what it sends before storing it. */
export const CapturedAnswerSchema = v.pipe(
  v.object({
    site: v.picklist(SITE_IDS),
    url: PageUrl,
    conversationId: PageId,
    messageId: PageId,
    prompt: v.pipe(v.string(), cut(LIMITS.prompt)),
    text: v.pipe(
      v.string(),
      v.minLength(1, 'an answer must have text'),
      v.maxLength(LIMITS.answerText, `the answer is longer than ${LIMITS.answerText} characters`),
    ),
    reasoning: v.nullable(v.pipe(v.string(), cut(LIMITS.reasoning))),
    claimedModel: ClaimedModelSchema,
    // A shared-conversation page (lib/sites/share.ts): both or neither, and no conversation id with them.
    shared: v.optional(v.literal(true)),
    shareId: v.optional(v.pipe(v.string(), v.minLength(1, 'a share id must not be empty'), v.maxLength(LIMITS.pageId, 'not a share id'))),
  }),
  v.check(
    (a) => (a.shared === true) === (a.shareId !== undefined) && (a.shared !== true || a.conversationId === null),
    'a shared answer needs its share id and no conversation id',
  ),
);

export const HealthSchema = v.object({
  site: v.picklist(SITE_IDS),
  url: PageUrl,
  ok: v.boolean(),
  failingSelector: v.nullable(v.pipe(v.string(), cut(LIMITS.selector))),
  checkedAt: v.pipe(v.number(), v.finite()),
  problem: v.optional(v.nullable(v.picklist(['no-turns', 'no-answer-text']))),
  markupSeen: v.optional(v.pipe(v.string(), v.maxLength(10))),
});

export const TextSchema = v.pipe(
  v.string(),
  v.minLength(1, 'the text is empty'),
  v.maxLength(LIMITS.pastedText, `the text is longer than ${LIMITS.pastedText} characters`),
);

const LabelText = v.pipe(v.string(), v.maxLength(LIMITS.label, `a label has at most ${LIMITS.label} characters`));

export const ManualTextSchema = v.object({
  text: TextSchema,
  label: v.optional(v.nullable(LabelText)),
  // The page a selection came from may be any page (file:, about:): cut, not checked.
  sourceUrl: v.optional(v.nullable(v.pipe(v.string(), cut(LIMITS.url)))),
});

const SampleIdSchema = v.pipe(v.string(), v.maxLength(LIMITS.sampleId, 'not a sample id'));

// A tab's address is only read (never stored), and tabs can hold long ones: a generous cap.
export const TabSchema = v.object({ tabId: v.optional(v.number()), url: v.optional(v.pipe(v.string(), v.maxLength(8 * LIMITS.url))) });
/** The side panel's question: a tab, and the last answer it already shows. */
export const TabConversationSchema = v.object({
  ...TabSchema.entries,
  after: v.optional(v.object({ capturedAt: v.pipe(v.number(), v.finite()), id: SampleIdSchema })),
});
export const IdsSchema = v.object({ ids: v.pipe(v.array(SampleIdSchema), v.maxLength(LIMITS.idsPerRequest, 'too many ids')) });
export const IdSchema = v.object({ id: SampleIdSchema });
/** A researcher's label on one or many samples: what a filter and an export can show. */
export const LabelSchema = v.object({ ids: IdsSchema.entries.ids, label: v.nullable(LabelText) });
export const ListQuerySchema = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(LIMITS.listLimit))),
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
