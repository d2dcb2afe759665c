import browser, { type Runtime } from 'webextension-polyfill';
import { openModelPrintDB, type ModelPrintDatabase } from '../db';
import { notifySamplesChanged } from '../messaging/changes';
import { createMessageRouter } from '../messaging/router';
import { createEngine } from '../verdict/engine';
import { startContextMenu } from './context-menu';
import { createHandlers } from './handlers';
import { enforceRetention } from './record';
import { recomputeAll } from './verdicts';

/** Delay before the start-up housekeeping, so the message that woke the worker is answered first. */
const HOUSEKEEPING_DELAY_MS = 2_000;

/**
 * Wires the message router and the context menu to the browser. The database is opened lazily and once
 * per service-worker life: MV3 workers are stopped when idle and started again by the next message.
 */
export function startBackground(): void {
  let db: Promise<ModelPrintDatabase> | undefined;
  const getDb = () => (db ??= openModelPrintDB());
  const engine = createEngine();
  const route = createMessageRouter(createHandlers(getDb, { engine }));
  // Returning undefined for messages that are not ours leaves them to other listeners.
  const listener: Runtime.OnMessageListenerAsync = (message, sender) =>
    route(message, { tabId: sender.tab?.id, url: sender.url }) as Promise<unknown>;
  browser.runtime.onMessage.addListener(listener);
  startContextMenu();
  setTimeout(() => housekeeping(getDb, engine).catch((e: unknown) => console.error('[ModelPrint] housekeeping:', e)), HOUSEKEEPING_DELAY_MS);
}

/** Retention and lazy verdict recomputation (samples from database v1, or from older signatures). */
async function housekeeping(getDb: () => Promise<ModelPrintDatabase>, engine: ReturnType<typeof createEngine>) {
  const db = await getDb();
  const deleted = await enforceRetention(db, Date.now());
  const updated = await recomputeAll(db, engine, Date.now);
  if (deleted + updated > 0) await notifySamplesChanged();
}
