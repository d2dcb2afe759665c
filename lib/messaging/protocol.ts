import type { CapturedAnswer, Sample, SampleSite } from '../sample';
import type { SampleListing } from '../sample-listing';
import type { SiteId } from '../sites/hosts';
import type { PooledVerdict } from '../verdict/conversation';
import type { ClaimJudgement } from '../verdict/claims';
import type { Attribution } from '../verdict/types';
import type { StorageProblemKind } from '../storage-problem';
import type { CustomReference } from '../references/types';
import type { StoredReference } from '../references/stored';

/** What a content script reports about whether its adapter recognises the page. */
export interface SiteHealthReport {
  site: SiteId;
  url: string;
  /** true when the adapter found the turns it expects; false when a supported page shows none. */
  ok: boolean;
  /** The selector that matched nothing, named for the console and the popup. */
  failingSelector: string | null;
  checkedAt: number;
  /**
   * What is not recognised: no turn at all, or turns whose finished answer read as empty (a half-recognised
   * page). Absent in reports stored before 2026-12.
   */
  problem?: 'no-turns' | 'no-answer-text' | null;
  /** The newest date the adapter's selectors were seen live (`YYYY-MM[-DD]`): how old its knowledge is. */
  markupSeen?: string;
}

/**
 * Every message between content scripts, the background service worker and the extension pages.
 * One entry per message: the argument is what is sent, the return type what the background answers.
 */
export interface ProtocolMap {
  /**
   * Content script → background: store a completed answer with its verdict. Answers whether it was new;
   * `skipped` says why nothing was stored (the user switched the site or auto-recording off).
   */
  saveAnswer(answer: CapturedAnswer): { id: string; created: boolean; skipped?: SaveSkipReason };
  /** Content script → background: the adapter's selector health on this page. */
  reportSiteHealth(report: SiteHealthReport): void;
  /** Popup → background: the stored listings of the newest samples, newest first (a row each, not the samples). */
  listListings(query: { limit?: number }): SampleListing[];
  /**
   * Popup → background: how many samples are stored. Asked apart from the listings, once they are drawn:
   * Chromium counts by walking the records (~150 ms at 50,000 on a busy machine).
   */
  countSamples(query: Record<string, never>): number;
  /** Page → background: the latest health report of every site that has sent one. */
  listSiteHealth(query: Record<string, never>): SiteHealthReport[];

  /** Popup → background: the newest answer of the tab's conversation, with its claim judged. */
  latestSampleForTab(tab: TabRef): TabVerdict;
  /**
   * Side panel → background, in one round trip: the tab's verdict and every answer of its conversation
   * (or, without a conversation id in the URL, of its page), oldest first, with the pooled verdict. With
   * `after`, only the answers after that one (the panel already shows the others); the pool is of all.
   */
  tabConversation(query: TabConversationQuery): TabConversation;
  /** Verdict page → background: attribute a text without storing anything. */
  attributeText(input: { text: string }): { attribution: Attribution; words: number };
  /** Verdict/dashboard page → background: store a pasted or selected text as a sample of site `manual`. */
  saveText(input: ManualText): { id: string; created: boolean };
  /** Verdict page → background: the text handed over by the context menu (kept in session storage). */
  pendingSelection(query: { id: string }): PendingSelection | null;
  /** Dashboard → background: label (or, with null, unlabel) one or many samples. */
  setUserLabels(input: { ids: string[]; label: string | null }): { updated: number };
  deleteSamples(input: { ids: string[] }): { deleted: number };
  /** Settings → background: delete every recorded sample. */
  deleteAllSamples(input: Record<string, never>): { deleted: number };
  /** Settings → background: apply the retention setting now (it also runs after each save). */
  applyRetention(input: Record<string, never>): { deleted: number };
  /** Dashboard → background: delete the database and start an empty one (when it cannot be repaired). */
  resetDatabase(input: Record<string, never>): { reset: true };
  /** References view → background: the user's custom references (issue 11), enabled or not. */
  listCustomReferences(query: Record<string, never>): StoredReference[];
  /** References view → background: store a reference built in the page's worker (disabled until enabled). */
  saveCustomReference(input: { reference: CustomReference }): { id: string };
  /** References view → background: import every reference of a signature pack, or none (the error says why). */
  importSignaturePack(input: { pack: unknown }): { imported: string[] };
  setCustomReferenceEnabled(input: { id: string; enabled: boolean }): { updated: boolean };
  deleteCustomReference(input: { id: string }): { deleted: boolean };
}

/** The messages of custom references (handled by lib/background/custom-references.ts). */
export type ReferenceMessage = 'listCustomReferences' | 'saveCustomReference' | 'importSignaturePack' | 'setCustomReferenceEnabled' | 'deleteCustomReference';

export type SaveSkipReason = 'site-disabled' | 'auto-record-off';

/** A browser tab as a page names it; the background uses whichever it can. */
export interface TabRef {
  tabId?: number;
  url?: string;
}

/** A conversation of the reader's, or a shared-conversation page (its answers keyed by the share id). */
export type ConversationRef = { site: SampleSite; conversationId: string } | { site: SiteId; shareId: string };

export interface TabVerdict {
  /** The supported site the tab shows, or null (not a chatbot page, or a URL we may not read). */
  site: SiteId | null;
  /** Recording on that site (site switch and auto-record both on). */
  recording: boolean;
  /** The conversation of the newest answer seen in this tab, or null. */
  conversation: ConversationRef | null;
  sample: Sample | null;
  /** The latest answer's claim judged on the pooled evidence of the conversation's answers with that claim. */
  claim: ClaimJudgement | null;
  /** Answers stored for the conversation. */
  conversationAnswers: number;
}

export interface ConversationVerdict extends PooledVerdict {
  samples: Sample[];
  /** Answers in the conversation: more than `samples` holds when only those after a cursor were asked for. */
  total?: number;
}

/** A tab, and optionally the last answer of its conversation the asker already has. */
export interface TabConversationQuery extends TabRef {
  after?: SampleCursor;
}

/** A place in a conversation's answers, oldest first: capture time, then id. */
export interface SampleCursor {
  capturedAt: number;
  id: string;
}

export interface TabConversation {
  tab: TabVerdict;
  /** Null when nothing is recorded for the tab's conversation or page. */
  conversation: ConversationVerdict | null;
}

export interface ManualText {
  text: string;
  /** The researcher's label (e.g. the model they know wrote it). */
  label?: string | null;
  /** Where the text came from (page of the selection), kept as the sample's url. */
  sourceUrl?: string | null;
}

export interface PendingSelection {
  text: string;
  pageUrl: string | null;
  pageTitle: string | null;
  createdAt: number;
}

export type MessageType = keyof ProtocolMap;
export type MessageData<K extends MessageType> = Parameters<ProtocolMap[K]>[0];
export type MessageReturn<K extends MessageType> = ReturnType<ProtocolMap[K]>;

/** The envelope on the wire. `modelprint: 1` keeps our messages apart from anyone else's. */
export interface Envelope<K extends MessageType = MessageType> {
  modelprint: 1;
  type: K;
  data: MessageData<K>;
}

/**
 * The reply on the wire: a value, or an error message (errors cannot cross the boundary as objects), never
 * empty, with the storage problem it stands for so the page can say what to do.
 */
export type Reply<K extends MessageType = MessageType> =
  | { ok: true; value: MessageReturn<K> }
  | { ok: false; error: string; problem?: StorageProblemKind };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { modelprint?: unknown }).modelprint === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}
