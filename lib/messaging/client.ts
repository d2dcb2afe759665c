/**
 * The sending side of the protocol: content scripts and extension pages call `sendMessage`, typed by
 * {@link ProtocolMap}. The background answers through {@link createMessageRouter}.
 */
import browser from 'webextension-polyfill';
import { StorageProblemError } from '../storage-problem';
import type { Envelope, MessageData, MessageReturn, MessageType, Reply } from './protocol';
import { measureSince } from './timing';

export async function sendMessage<K extends MessageType>(
  type: K,
  data: MessageData<K>,
): Promise<MessageReturn<K>> {
  const envelope: Envelope<K> = { modelprint: 1, type, data };
  const start = performance.now();
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<K> | undefined;
  measureSince(`modelprint:send:${type}`, start);
  if (!reply) throw new Error(`ModelPrint: no answer to "${type}" (is the background running?)`);
  if (!reply.ok) {
    const message = `ModelPrint: "${type}" failed: ${reply.error}`;
    throw reply.problem ? new StorageProblemError(reply.problem, message) : new Error(message);
  }
  return reply.value;
}
