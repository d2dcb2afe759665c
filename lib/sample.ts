import type { SiteId } from './sites/hosts';
import type { StoredVerdict } from './verdict/types';

/** Samples the user pasted or selected themselves, not read from a chatbot site by an adapter. */
export const MANUAL_SITE = 'manual';
/** Where a stored sample comes from: a site adapter, or the user by hand. */
export type SampleSite = SiteId | typeof MANUAL_SITE;

/** Where a claimed model name was read from: per message beats the page's picker; a mode is not a model. */
export type ClaimSource = 'message' | 'picker' | 'mode';

/** The model the chatbot page says answered, kept as the raw string the page showed. */
export interface ClaimedModel {
  raw: string;
  source: ClaimSource;
}

/**
 * One completed assistant answer as a site adapter reads it from the page.
 * `text` is markdown rebuilt from the DOM with reasoning blocks and UI chrome removed.
 */
export interface CapturedAnswer {
  site: SiteId;
  url: string;
  conversationId: string | null;
  /** The page's own id for the answer when it has one; otherwise null and the content hash identifies it. */
  messageId: string | null;
  prompt: string;
  text: string;
  /** Reasoning / "thought" text shown by the page, kept apart from the answer; null when there is none. */
  reasoning: string | null;
  claimedModel: ClaimedModel | null;
  /**
   * true when the answer was read on a shared-conversation page (a share link someone sent): it was
   * written for someone else's prompts. Absent on the reader's own conversations (and on every sample
   * recorded before shared pages were read). `conversationId` is then null and `shareId` keys the thread.
   */
  shared?: true;
  /** The share link's id (`chatgpt.com/share/<shareId>`), present exactly when `shared` is. */
  shareId?: string;
}

/** A recorded answer as stored in IndexedDB. */
export interface Sample extends Omit<CapturedAnswer, 'site'> {
  site: SampleSite;
  /**
   * Stable: `${site}:${conversationId ?? 'none'}:${messageId ?? 'h' + contentHash}`, so a re-read is not a
   * new record; on a share page `${site}:share:${shareId}:${…}` (no conversation id is the word "share").
   */
  id: string;
  /** Epoch milliseconds when the answer was read as complete. */
  capturedAt: number;
  /**
   * The engine's verdict, computed by the background when the sample is saved (database v2). Absent on
   * samples recorded before v2 until the background recomputes them; stale when its `version` differs from
   * the bundled signatures'.
   */
  verdict?: StoredVerdict;
  /** Length of the answer text in characters, kept when the text itself is not (setting "keep text" off). */
  textLength?: number;
  /** true when the text was dropped after the verdict was computed (setting "keep text" off). */
  textDropped?: boolean;
  /** The engine's named features, stored instead of the text when the text is not kept. */
  features?: Record<string, number>;
  /** A researcher's own label for the sample (e.g. the model they know answered); null or absent: none. */
  userLabel?: string | null;
  /** A researcher's free notes on the sample (kept through export and import); null or absent: none. */
  notes?: string | null;
  /** Where the sample comes from (database v4): absent when it was recorded in this browser. */
  origin?: SampleOrigin;
}

/** A sample imported from a dataset: which one (its manifest name, or the file name) and when. */
export interface SampleOrigin {
  kind: 'imported';
  dataset: string;
  /** Epoch milliseconds. */
  importedAt: number;
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a cheap, stable content key (not a security hash). */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The start of every sample id read on one share page. A share page shows the owner's message ids, so
 * without the `share:` segment the reader's copy and the owner's own sample could share an id; with it,
 * they never do, and one key range lists a share page's samples (`listSharedSamples`).
 */
export function sharedIdPrefix(site: SampleSite, shareId: string): string {
  return `${site}:share:${shareId}:`;
}

/** The stable sample id of a captured answer (see {@link Sample.id}). */
export function sampleId(answer: CapturedAnswer): string {
  const key = answer.messageId ?? `h${contentHash(answer.prompt + '\u0000' + answer.text)}`;
  if (answer.shared && answer.shareId) return sharedIdPrefix(answer.site, answer.shareId) + key;
  return `${answer.site}:${answer.conversationId ?? 'none'}:${key}`;
}
