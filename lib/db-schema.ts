/**
 * What each database version must contain, as data, so an open can check what is really there. A database
 * can report a version whose stores are missing: another context that opened `modelprint` without a version
 * leaves version 1 with no stores, and the cumulative `if (oldVersion < N)` upgrade would then skip creating
 * them and abort on the first store it expects (issue 15, failure 2). lib/db.ts upgrades from
 * {@link presentVersion} instead, and repairs a database at any version whose {@link schemaGaps} are not empty.
 *
 * A new database version adds its stores and indexes here as well as its `if (oldVersion < N)` block
 * (tests/unit/db-repair.test.ts fails when a store or index is missing from this table).
 */

/** An object store a version creates, or indexes it adds to an existing store (`keyPath` omitted). */
interface StoreSpec {
  keyPath?: string;
  indexes: Record<string, string | string[]>;
}

export const SCHEMA: ReadonlyArray<{ version: number; stores: Record<string, StoreSpec> }> = [
  {
    version: 1,
    stores: {
      samples: {
        keyPath: 'id',
        indexes: { 'by-capturedAt': 'capturedAt', 'by-site': 'site', 'by-conversation': ['site', 'conversationId'] },
      },
      siteHealth: { keyPath: 'site', indexes: {} },
    },
  },
  {
    version: 2,
    stores: {
      samples: {
        indexes: {
          'by-claimedModel': 'claimedModel.raw',
          'by-resembledFamily': 'verdict.attribution.family',
          'by-verdictVersion': 'verdict.version',
          'by-userLabel': 'userLabel',
        },
      },
    },
  },
  { version: 3, stores: { listings: { keyPath: 'id', indexes: { 'by-capturedAt': 'capturedAt' } } } },
  // v4: imported samples by origin, listings by content key (and written again with claim, origin, key).
  {
    version: 4,
    stores: {
      samples: { indexes: { 'by-origin': 'origin.dataset' } },
      listings: { indexes: { 'by-contentKey': 'contentKey' } },
    },
  },
  // v5: the user's custom references (lib/references).
  { version: 5, stores: { customReferences: { keyPath: 'reference.id', indexes: {} } } },
];

/** What an open database (or its upgrade transaction) shows of itself. */
export interface SchemaView {
  objectStoreNames: DOMStringList | ArrayLike<string>;
  /** The store's key path and index names, or null when the store does not exist. */
  store(name: string): { keyPath: string | string[] | null; indexNames: ArrayLike<string> } | null;
}

const has = (list: ArrayLike<string>, name: string) => Array.prototype.includes.call(list, name);

/** What `step` needs and `view` lacks, as readable phrases ("store listings", "index samples.by-site"). */
function stepGaps(view: SchemaView, stores: Record<string, StoreSpec>): string[] {
  const gaps: string[] = [];
  for (const [name, spec] of Object.entries(stores)) {
    const store = has(view.objectStoreNames, name) ? view.store(name) : null;
    if (!store) {
      gaps.push(`store ${name}`);
      continue;
    }
    for (const index of Object.keys(spec.indexes)) if (!has(store.indexNames, index)) gaps.push(`index ${name}.${index}`);
  }
  return gaps;
}

/** Everything the schema up to `version` needs that the database lacks; empty when it is complete. */
export function schemaGaps(view: SchemaView, version: number = Infinity): string[] {
  return SCHEMA.filter((s) => s.version <= version).flatMap((s) => stepGaps(view, s.stores));
}

/**
 * Stores whose key path is not ours: created by something else under our name. They cannot be repaired in
 * place (records would have to move to new keys), so the open reports them instead of guessing.
 */
export function foreignStores(view: SchemaView): string[] {
  return SCHEMA.flatMap((s) =>
    Object.entries(s.stores)
      .filter(([name, spec]) => spec.keyPath !== undefined && has(view.objectStoreNames, name))
      .filter(([name, spec]) => String(view.store(name)?.keyPath) !== spec.keyPath)
      .map(([name]) => name),
  );
}

/** The highest version whose every store and index is present, at most `reported`: where the upgrade starts. */
export function presentVersion(view: SchemaView, reported: number): number {
  let present = 0;
  for (const step of SCHEMA) {
    if (step.version > reported || stepGaps(view, step.stores).length > 0) break;
    present = step.version;
  }
  return present;
}

/** The index's key path of `store` as the schema declares it (for upgrade blocks that create it). */
export function indexKeyPath(store: string, index: string): string | string[] {
  for (const step of SCHEMA) {
    const path = step.stores[store]?.indexes[index];
    if (path !== undefined) return path;
  }
  throw new Error(`ModelPrint: index ${store}.${index} is not in the schema table (lib/db-schema.ts)`);
}
