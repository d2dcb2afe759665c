/**
 * What the popup and the side panel ask about the current tab: its site, its conversation, the newest
 * answer and the pooled verdict. The tab's conversation comes from its URL through the site adapter
 * (the same `conversationId` the capture uses), so it needs no tab bookkeeping that a restarted service
 * worker would lose.
 */
import { findRecentSamples, getListings, listConversationSamples, listSharedSamples, type ModelPrintDatabase } from '../db';
import type { ConversationRef, ConversationVerdict, TabConversation, TabConversationQuery, TabRef, TabVerdict } from '../messaging/protocol';
import type { Sample } from '../sample';
import { autoRecord, isSiteEnabled } from '../settings';
import { adapterForUrl } from '../sites/registry';
import { threadOf } from '../sites/share';
import { judgeAnswers } from '../verdict/claims';
import { claimEvidence, poolAnswers } from '../verdict/conversation';
import type { VerdictEngine } from '../verdict/types';
import { withCurrentVerdicts } from './verdicts';

const byCapturedAt = (a: Sample, b: Sample) => a.capturedAt - b.capturedAt || a.id.localeCompare(b.id);

/** Origin and path: the query and hash of a chatbot URL do not change the conversation. */
function pageKey(url: string): string | null {
  try {
    const u = new URL(url);
    return u.origin + u.pathname;
  } catch {
    // Not a URL (about:blank, empty): no page to match.
    return null;
  }
}

/**
 * The answers of the tab's conversation, oldest first, with current verdicts. A page whose URL carries no
 * conversation id the adapter can read (a new chat before its first answer gets an address, an unknown URL
 * form) falls back to the answers read on the same page address, so the popup and the side panel agree.
 */
async function tabSamples(db: ModelPrintDatabase, engine: VerdictEngine, tab: TabRef, now: number) {
  const adapter = tab.url ? adapterForUrl(tab.url) : null;
  const site = adapter?.id ?? null;
  const recording = site !== null && (await isSiteEnabled(site)) && (await autoRecord.getValue());
  if (!adapter || !tab.url) return { site, recording, ref: null, samples: [] as Sample[], answers: [] };
  const thread = threadOf(adapter, new URL(tab.url));
  const key = pageKey(tab.url);
  // A shared-conversation page: its answers are keyed by the share id, apart from the reader's own.
  const ref: ConversationRef | null = thread.shared
    ? { site: adapter.id, shareId: thread.shareId }
    : thread.conversationId
      ? { site: adapter.id, conversationId: thread.conversationId }
      : null;
  const stored = thread.shared
    ? await listSharedSamples(db, adapter.id, thread.shareId)
    : thread.conversationId
      ? await listConversationSamples(db, adapter.id, thread.conversationId)
      : await findRecentSamples(db, (s) => s.site === adapter.id && pageKey(s.url) === key);
  const samples = (await withCurrentVerdicts(db, engine, stored, now)).sort(byCapturedAt);
  return { site, recording, ref, samples, answers: await evidenceOf(db, samples) };
}

/** The samples with the claims their listings hold (resolved when the listing was written). */
async function evidenceOf(db: ModelPrintDatabase, samples: readonly Sample[]) {
  const listings = await getListings(db, samples.map((s) => s.id));
  return samples.map((s, i) => claimEvidence(s, listings[i]));
}

function verdictOf(engine: VerdictEngine, found: Awaited<ReturnType<typeof tabSamples>>): TabVerdict {
  const { site, recording, ref, samples, answers } = found;
  const sample = samples[samples.length - 1];
  if (!site || !sample) return { site, recording, conversation: ref, sample: null, claim: null, conversationAnswers: 0 };
  return {
    site,
    recording,
    conversation: ref ?? (sample.conversationId ? { site: sample.site, conversationId: sample.conversationId } : null),
    sample,
    claim: judgeAnswers(engine.pool, answers, answers[answers.length - 1]),
    conversationAnswers: samples.length,
  };
}

export async function tabVerdict(db: ModelPrintDatabase, engine: VerdictEngine, tab: TabRef, now: number): Promise<TabVerdict> {
  return verdictOf(engine, await tabSamples(db, engine, tab, now));
}

/**
 * The tab's verdict and its conversation's answers with the pooled verdict, read once (the side panel).
 * With `after`, only the answers after that one cross the message boundary (the pool is of all): at 2,000
 * answers, the whole conversation per new answer was the side panel's unbounded growth (issue 15, failure 1).
 */
export async function tabConversation(db: ModelPrintDatabase, engine: VerdictEngine, query: TabConversationQuery, now: number): Promise<TabConversation> {
  const found = await tabSamples(db, engine, query, now);
  const { after } = query;
  const shown = after ? found.samples.filter((s) => byCapturedAt(s, { capturedAt: after.capturedAt, id: after.id } as Sample) > 0) : found.samples;
  const conversation: ConversationVerdict | null =
    found.samples.length > 0 ? { samples: shown, total: found.samples.length, ...poolAnswers(engine.pool, found.answers) } : null;
  return { tab: verdictOf(engine, found), conversation };
}
