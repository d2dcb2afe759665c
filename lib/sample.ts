import type { SiteId } from './sites/hosts';

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
}

/** A recorded answer as stored in IndexedDB. */
export interface Sample extends CapturedAnswer {
  /** Stable: `${site}:${conversationId ?? 'none'}:${messageId ?? 'h' + contentHash}`, so a re-read is not a new record. */
  id: string;
  /** Epoch milliseconds when the answer was read as complete. */
  capturedAt: number;
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

/** The stable sample id of a captured answer (see {@link Sample.id}). */
export function sampleId(answer: CapturedAnswer): string {
  const key = answer.messageId ?? `h${contentHash(answer.prompt + '\u0000' + answer.text)}`;
  return `${answer.site}:${answer.conversationId ?? 'none'}:${key}`;
}
