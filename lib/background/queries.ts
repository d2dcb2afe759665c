/**
 * What the popup and the side panel ask about the current tab: its site, its conversation, the newest
 * answer and the pooled verdict. The tab's conversation comes from its URL through the site adapter
 * (the same `conversationId` the capture uses), so it needs no tab bookkeeping that a restarted service
 * worker would lose.
 */
import { findLatestSample, listConversationSamples, type ModelPrintDatabase } from '../db';
import type { ConversationQuery, ConversationVerdict, TabRef, TabVerdict } from '../messaging/protocol';
import type { Sample } from '../sample';
import { autoRecord, isSiteEnabled } from '../settings';
import { resolveClaim } from '../sites/claims';
import { adapterForUrl } from '../sites/registry';
import { judgeClaimInContext, poolSamples } from '../verdict/conversation';
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

export async function tabVerdict(db: ModelPrintDatabase, engine: VerdictEngine, tab: TabRef, now: number): Promise<TabVerdict> {
  const adapter = tab.url ? adapterForUrl(tab.url) : null;
  const site = adapter?.id ?? null;
  const recording = site !== null && (await isSiteEnabled(site)) && (await autoRecord.getValue());
  const empty: TabVerdict = { site, recording, conversation: null, sample: null, claim: null, conversationAnswers: 0 };
  if (!adapter || !tab.url) return empty;

  const conversationId = adapter.conversationId(new URL(tab.url));
  let samples: Sample[];
  if (conversationId) {
    samples = await listConversationSamples(db, adapter.id, conversationId);
  } else {
    // No conversation id in the URL (a page the adapter cannot key): the newest answer read on this page.
    const key = pageKey(tab.url);
    const latest = await findLatestSample(db, (s) => s.site === adapter.id && pageKey(s.url) === key);
    samples = latest ? [latest] : [];
  }
  if (samples.length === 0) return { ...empty, conversation: conversationId ? { site: adapter.id, conversationId } : null };

  samples = (await withCurrentVerdicts(db, engine, samples, now)).sort(byCapturedAt);
  const sample = samples[samples.length - 1]!;
  return {
    site,
    recording,
    conversation: sample.conversationId ? { site: sample.site, conversationId: sample.conversationId } : null,
    sample,
    claim: judgeClaimInContext(engine.pool, resolveClaim(sample.claimedModel), sample.claimedModel?.raw ?? null, samples),
    conversationAnswers: samples.length,
  };
}

export async function conversationVerdict(
  db: ModelPrintDatabase,
  engine: VerdictEngine,
  ref: ConversationQuery,
  now: number,
): Promise<ConversationVerdict> {
  const stored = await listConversationSamples(db, ref.site, ref.conversationId);
  const samples = (await withCurrentVerdicts(db, engine, stored, now)).sort(byCapturedAt);
  // Only what the panel lacks crosses the message boundary: at 2,000 answers, the whole conversation per
  // new answer was the side panel's unbounded growth (issue 15, failure 1).
  const after = ref.after;
  const shown = after ? samples.filter((s) => byCapturedAt(s, { capturedAt: after.capturedAt, id: after.id } as Sample) > 0) : samples;
  return { samples: shown, total: samples.length, ...poolSamples(engine.pool, samples) };
}
