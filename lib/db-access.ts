/**
 * A page's or the background's connection to the database: opened on the first request, kept while it works, never
 * kept when it failed. A cached rejected open would break every message for the worker's whole life (issue
 * 15, failure 2); a connection closed under us (another context deleting or upgrading the database, the
 * browser closing it) is opened again by the next request.
 */
import { deleteModelPrintDB, openModelPrintDB, type ModelPrintDatabase, type OpenHooks } from './db';

export interface DatabaseAccess {
  get(): Promise<ModelPrintDatabase>;
  /** Deletes the database and starts an empty one: the user's way out when it cannot be repaired. */
  reset(): Promise<void>;
}

export function createDatabaseAccess(
  open: (hooks: OpenHooks) => Promise<ModelPrintDatabase> = (hooks) => openModelPrintDB(undefined, hooks),
  remove: () => Promise<void> = () => deleteModelPrintDB(),
): DatabaseAccess {
  let current: Promise<ModelPrintDatabase> | undefined;
  const forget = (which: Promise<ModelPrintDatabase>) => {
    if (current === which) current = undefined;
  };
  const get = () => {
    if (current) return current;
    const opening: Promise<ModelPrintDatabase> = open({ onClose: () => forget(opening) });
    opening.catch(() => forget(opening));
    return (current = opening);
  };
  return {
    get,
    async reset() {
      const open = current;
      current = undefined;
      // Closed first: our own connection would otherwise block the delete.
      await open?.then((db) => db.close(), () => undefined);
      await remove();
      await get();
    },
  };
}
