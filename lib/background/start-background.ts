import browser, { type Runtime } from 'webextension-polyfill';
import type { ModelPrintDatabase } from '../db';
import { createChangeNotifier, type ChangeNotifier } from '../messaging/changes';
import { isEnvelope } from '../messaging/protocol';
import { createMessageRouter, replyOf } from '../messaging/router';
import { loadBundledSignatures } from '../verdict/fetch-signatures';
import { createEngine } from '../verdict/verdict-engine';
import type { Signatures } from '../fingerprint/core';
import { startContextMenu } from './context-menu';
import { createDatabaseAccess } from '../db-access';
import { createHandlers } from './handlers';
import { startPauseBadge } from './pause-badge';
import { createReferenceHandlers, createReferenceState } from './custom-references';
import { enforceRetention } from './record-answer';
import { recomputeAll } from './verdicts';

/** Delay before the start-up housekeeping, so the message that woke the worker is answered first. */
const HOUSEKEEPING_DELAY_MS = 2_000;

/**
 * Wires the message router and the context menu to the browser. The database is opened lazily, kept for the
 * service worker's life (MV3 workers are stopped when idle and started again by the next message), and
 * opened again after a failure or a close (`createDatabaseAccess`, lib/db-access.ts).
 */
export function startBackground(): void {
  const database = createDatabaseAccess();
  const changed = createChangeNotifier();
  const getDb = database.get;
  // The signatures are fetched once per worker life; no message is handled before they are decoded.
  let signatures: Signatures | undefined;
  // Enabled custom references (issue 11) are read with the signatures, before any message is handled.
  const references = createReferenceState();
  // A database that cannot be opened must not stop every message (the reset message among them): the
  // references are then simply not loaded, and the storage problem is reported by the messages that need it.
  const loadReferences = () =>
    getDb()
      .then((d) => references.reload(d))
      .catch((e: unknown) => console.warn('[ModelPrint] custom references not loaded:', e));
  const load = () => Promise.all([loadBundledSignatures(), loadReferences()]).then(([s]) => void (signatures = s));
  let ready = load();
  const engine = createEngine(() => {
    if (!signatures) throw new Error('ModelPrint: reference signatures are not loaded');
    return signatures;
  }, references.enabled);
  const referencesChanged = async () => {
    await changed();
    // Stored verdicts are stale now (the engine's version names the enabled references): recompute them.
    void getDb()
      .then((d) => recomputeAll(d, engine, Date.now))
      .then(async (n) => {
        if (n > 0) await changed();
      })
      .catch((e: unknown) => console.error('[ModelPrint] recompute:', e));
  };
  const route = createMessageRouter({
    ...createHandlers(getDb, { engine, changed, resetDatabase: database.reset }),
    ...createReferenceHandlers(getDb, references, referencesChanged),
  });
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
