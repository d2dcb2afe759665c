import browser, { type Runtime } from 'webextension-polyfill';
import type { ModelPrintDatabase } from '../db';
import { createChangeNotifier, type ChangeNotifier } from '../messaging/changes';
import { isEnvelope } from '../messaging/protocol';
import { createMessageRouter, replyOf } from '../messaging/router';
import { loadBundledSignatures } from '../verdict/bundled-signatures';
import { createEngine } from '../verdict/engine';
import type { Signatures } from '../fingerprint/core';
import { startContextMenu } from './context-menu';
import { createDatabaseAccess } from '../db-access';
import { createHandlers } from './handlers';
import { startPauseBadge } from './pause-badge';
import { enforceRetention } from './record';
import { recomputeAll } from './verdicts';

/** Delay before the start-up housekeeping, so the message that woke the worker is answered first. */
const HOUSEKEEPING_DELAY_MS = 2_000;

/**
 * Wires the message router and the context menu to the browser. The database is opened lazily, kept for the
 * service worker's life (MV3 workers are stopped when idle and started again by the next message), and
 * opened again after a failure or a close (lib/background/database.ts).
 */
export function startBackground(): void {
  const database = createDatabaseAccess();
  const changed = createChangeNotifier();
  const getDb = database.get;
  // The signatures are fetched once per worker life; no message is handled before they are decoded.
  let signatures: Signatures | undefined;
  const load = () => loadBundledSignatures().then((s) => void (signatures = s));
  let ready = load();
  const engine = createEngine(() => {
    if (!signatures) throw new Error('ModelPrint: reference signatures are not loaded');
    return signatures;
  });
  const route = createMessageRouter(createHandlers(getDb, { engine, changed, resetDatabase: database.reset }));
  // Returning undefined for messages that are not ours leaves them to other listeners. A failed load is
  // retried by the next message, and until then every message gets the error as its reply.
  const listener = (message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
    if (!isEnvelope(message)) return undefined;
    if (!signatures) ready = ready.catch(load);
    return ready.then(
      () => route(message, { tabId: sender.tab?.id, url: sender.url }) as Promise<unknown>,
      (error: unknown) => replyOf(error),
    );
  };
  // (The polyfill's type wants a promise always; undefined is how a listener declines a message.)
  browser.runtime.onMessage.addListener(listener as Runtime.OnMessageListenerAsync);
  startContextMenu();
  startPauseBadge();
  setTimeout(
    () => ready.then(() => housekeeping(getDb, engine, changed)).catch((e: unknown) => console.error('[ModelPrint] housekeeping:', e)),
    HOUSEKEEPING_DELAY_MS,
  );
}

/** Retention and lazy verdict recomputation (samples from database v1, or from older signatures). */
async function housekeeping(getDb: () => Promise<ModelPrintDatabase>, engine: ReturnType<typeof createEngine>, changed: ChangeNotifier) {
  const db = await getDb();
  const deleted = await enforceRetention(db, Date.now());
  const updated = await recomputeAll(db, engine, Date.now);
  if (deleted + updated > 0) await changed();
}
