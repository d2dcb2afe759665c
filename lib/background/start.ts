import browser, { type Runtime } from 'webextension-polyfill';
import { openModelPrintDB, type ModelPrintDatabase } from '../db';
import { createMessageRouter } from '../messaging/router';
import { createHandlers } from './handlers';

/**
 * Wires the message router to the browser. The database is opened lazily and once per service-worker
 * life: MV3 workers are stopped when idle and started again by the next message.
 */
export function startBackground(): void {
  let db: Promise<ModelPrintDatabase> | undefined;
  const getDb = () => (db ??= openModelPrintDB());
  const route = createMessageRouter(createHandlers(getDb));
  // Returning undefined for messages that are not ours leaves them to other listeners.
  const listener: Runtime.OnMessageListenerAsync = (message, sender) =>
    route(message, { tabId: sender.tab?.id, url: sender.url }) as Promise<unknown>;
  browser.runtime.onMessage.addListener(listener);
}
