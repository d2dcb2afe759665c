import type { CapturedAnswer, Sample } from '../sample';
import type { SiteId } from '../sites/hosts';

/** What a content script reports about whether its adapter recognises the page. */
export interface SiteHealthReport {
  site: SiteId;
  url: string;
  /** true when the adapter found the turns it expects; false when a supported page shows none. */
  ok: boolean;
  /** The selector that matched nothing, named for the console and the popup. */
  failingSelector: string | null;
  checkedAt: number;
}

/**
 * Every message between content scripts, the background service worker and the extension pages.
 * One entry per message: the argument is what is sent, the return type what the background answers.
 */
export interface ProtocolMap {
  /** Content script → background: store a completed answer. Answers whether it was new. */
  saveAnswer(answer: CapturedAnswer): { id: string; created: boolean };
  /** Content script → background: the adapter's selector health on this page. */
  reportSiteHealth(report: SiteHealthReport): void;
  /** Page → background: newest samples first. */
  listSamples(query: { limit?: number; offset?: number }): { samples: Sample[]; total: number };
  /** Page → background: the latest health report of every site that has sent one. */
  listSiteHealth(query: Record<string, never>): SiteHealthReport[];
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

/** The reply on the wire: a value, or an error message (errors cannot cross the boundary as objects). */
export type Reply<K extends MessageType = MessageType> =
  | { ok: true; value: MessageReturn<K> }
  | { ok: false; error: string };

export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { modelprint?: unknown }).modelprint === 1 &&
    typeof (message as { type?: unknown }).type === 'string'
  );
}
