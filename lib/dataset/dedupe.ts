/**
 * The one dedupe rule, for the dashboard's import and the CLI's merge alike: a record is a duplicate when
 * its id is already known, or when a record with the same site, prompt and text is (the same answer saved
 * under another id, e.g. recorded by two colleagues in one shared conversation). The first one wins.
 */
import { contentKeyOf } from './content-key';
import type { DatasetRecord } from './schema';

export type DuplicateReason = 'id' | 'content';

/** What is already known: the database's samples, or the records of the files merged so far. */
export interface KnownSamples {
  ids: Set<string>;
  contentKeys: Set<string>;
}

export const recordContentKey = (r: DatasetRecord) => (r.textDropped ? null : contentKeyOf(r.site, r.prompt, r.text));

/**
 * Splits records into new ones and duplicates. `known` grows with every new record, so two copies inside
 * the input are caught too.
 */
export function splitDuplicates<T extends { record: DatasetRecord }>(items: T[], known: KnownSamples) {
  const fresh: T[] = [];
  const duplicates: Array<T & { reason: DuplicateReason }> = [];
  for (const item of items) {
    const key = recordContentKey(item.record);
    if (known.ids.has(item.record.id)) duplicates.push({ ...item, reason: 'id' });
    else if (key !== null && known.contentKeys.has(key)) duplicates.push({ ...item, reason: 'content' });
    else {
      fresh.push(item);
      known.ids.add(item.record.id);
      if (key !== null) known.contentKeys.add(key);
    }
  }
  return { fresh, duplicates };
}
