/**
 * The receiving side of the protocol, used by the background. Handlers are plain async functions keyed by
 * message type, so they are unit-tested without a browser; the router only unwraps envelopes, calls the
 * handler and wraps the value or the error into a {@link Reply}.
 */
import type { MessageData, MessageReturn, MessageType, ProtocolMap, Reply } from './protocol';
import { isEnvelope } from './protocol';
import { describeError, storageProblem } from '../storage-problem';
import { measureSince } from './timing';

/** Extra facts the browser gives about the sender (the tab a content script runs in). */
export interface SenderInfo {
  tabId?: number;
  url?: string;
}

export type Handlers = {
  [K in keyof ProtocolMap]: (
    data: MessageData<K>,
    sender: SenderInfo,
  ) => Promise<MessageReturn<K>> | MessageReturn<K>;
};

/**
 * Returns an `onMessage` listener. Messages that are not ours get `undefined` (so other listeners may
 * answer); ours always get a Reply, never a rejected promise, so the sender sees the real error text.
 */
export function createMessageRouter(handlers: Handlers) {
  return (message: unknown, sender: SenderInfo): Promise<Reply> | undefined => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type as MessageType] as
      | ((data: unknown, sender: SenderInfo) => unknown)
      | undefined;
    if (!handler) return Promise.resolve({ ok: false, error: `unknown message type "${message.type}"` });
    const start = performance.now();
    return Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value) => ({ ok: true, value }) as Reply,
        (error: unknown) => replyOf(error),
      )
      .finally(() => measureSince(`modelprint:handle:${message.type}`, start));
  };
}

/** An error as a reply: its text never empty (a full disk has none in Chromium), and its storage problem named. */
export function replyOf(error: unknown): Reply {
  const problem = storageProblem(error);
  return { ok: false, error: describeError(error), ...(problem ? { problem } : {}) };
}
