/**
 * Groups chosen in the dashboard: the samples filters (site, claimed model, resembled model or family, date
 * range) plus the researcher's own label. Pure over the dashboard's rows, so the same filter picks the same
 * answers every time; an export carries the filter so a finding can be reproduced.
 */
import { matches, type SampleFilter } from '../dashboard/query';
import type { SampleRow } from '../dashboard/row';

export interface GroupFilter extends Omit<SampleFilter, 'text' | 'minConfidence' | 'maxConfidence'> {
  /** The researcher's label; absent = any. */
  userLabel?: string;
}

export function selectRows(rows: readonly SampleRow[], f: GroupFilter): SampleRow[] {
  const { userLabel, ...filter } = f;
  return rows.filter((r) => matches(r, filter, undefined) && (userLabel === undefined || userLabel === '' || r.userLabel === userLabel));
}

/** A short name for a group, from its filter ("site chatgpt, claims gpt-4o"). */
export function describeFilter(f: GroupFilter): string {
  const parts: string[] = [];
  if (f.site) parts.push(`site ${f.site}`);
  if (f.claimed) parts.push(f.claimed === '\u0000none' ? 'no claimed model' : `claims ${f.claimed}`);
  if (f.userLabel) parts.push(`label "${f.userLabel}"`);
  if (f.resembled) parts.push(`resembles ${f.resembled.replace(/^(family|model):/, '')}`);
  if (f.from !== undefined) parts.push(`from ${new Date(f.from).toISOString().slice(0, 10)}`);
  if (f.to !== undefined) parts.push(`to ${new Date(f.to).toISOString().slice(0, 10)}`);
  return parts.length ? parts.join(', ') : 'every answer';
}
