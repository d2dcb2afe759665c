/**
 * Format versions. A record or manifest of an older version is upgraded to the current one before it is
 * validated; a newer one is refused, naming the ModelPrint version that wrote it when the bundle says.
 *
 * Version 1 is the first published format, so the table is empty: the next version adds its step here
 * (`UPGRADES[1]` turns a version-1 record into a version-2 one) and a test with a version-1 file.
 */
import { DatasetError } from './errors';
import { DATASET_FORMAT_VERSION } from './schema';

type Upgrade = (record: Record<string, unknown>) => Record<string, unknown>;

/** `UPGRADES[n]` turns a version-n record into a version-(n+1) record. */
const UPGRADES: Record<number, Upgrade> = {};

/** The version a raw record or manifest says it has (a missing one cannot be upgraded: it is invalid). */
export function versionOf(value: unknown): number | null {
  const v = value !== null && typeof value === 'object' ? (value as { formatVersion?: unknown }).formatVersion : undefined;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

/** Throws when the dataset is of a newer format than this ModelPrint reads. */
export function assertReadable(version: number | null, writtenBy?: string | null): void {
  if (version === null || version <= DATASET_FORMAT_VERSION) return;
  const needed = writtenBy ? `ModelPrint ${writtenBy} or newer` : 'a newer ModelPrint';
  throw new DatasetError(
    `this dataset uses format version ${version}; this ModelPrint reads up to version ${DATASET_FORMAT_VERSION}. Open it with ${needed}.`,
  );
}

/** The record at the current version (unchanged when it already is, or when its version is unknown). */
export function upgradeRecord(value: unknown): unknown {
  let version = versionOf(value);
  if (version === null || version >= DATASET_FORMAT_VERSION) return value;
  let record = value as Record<string, unknown>;
  while (version < DATASET_FORMAT_VERSION) {
    const step = UPGRADES[version];
    if (!step) return value; // not a version we ever wrote: validation names the field
    record = { ...step(record), formatVersion: version + 1 };
    version++;
  }
  return record;
}
