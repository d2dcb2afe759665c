import { useMemo } from 'preact/hooks';
import { distinctValues, NONE } from '@/lib/dashboard/query';
import { fromDateInputValue, toDateInputValue } from '@/lib/dashboard/date-format';
import type { SampleRow } from '@/lib/dashboard/row';
import type { GroupFilter } from '@/lib/compare/group-filter';
import { claimedName, familyName, siteName } from './display-names';

interface Props {
  /** Prefix of the controls' ids and test ids ("a", "b"). */
  id: string;
  legend: string;
  rows: SampleRow[];
  filter: GroupFilter;
  onChange: (next: GroupFilter) => void;
  /** Answers the filter selects now. */
  count: number;
}

/** One group of a comparison, chosen with the dashboard's filters plus the researcher's label. */
export function GroupPicker({ id, legend, rows, filter, onChange, count }: Props) {
  const options = useMemo(
    () => ({
      sites: distinctValues(rows, (r) => r.site),
      claimed: distinctValues(rows, (r) => r.claimed ?? NONE),
      labels: distinctValues(rows, (r) => r.userLabel),
      families: distinctValues(rows, (r) => r.family),
    }),
    [rows],
  );
  const set = (patch: Partial<GroupFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const field = (name: string) => `${id}-${name}`;
  return (
    <fieldset class="filters" data-testid={`group-${id}`}>
      <legend>{legend}</legend>
      <label for={field('site')}>Site</label>
      <select id={field('site')} value={filter.site ?? ''} onChange={(e) => set({ site: value(e) || undefined })}>
        <option value="">Any</option>
        {options.sites.map((o) => <option key={o.value} value={o.value}>{siteName(o.value)} ({o.count})</option>)}
      </select>
      <label for={field('claimed')}>Claimed model</label>
      <select id={field('claimed')} value={filter.claimed ?? ''} onChange={(e) => set({ claimed: value(e) || undefined })}>
        <option value="">Any</option>
        {options.claimed.map((o) => <option key={o.value} value={o.value}>{claimedName(o.value)} ({o.count})</option>)}
      </select>
      <label for={field('label')}>Your label</label>
      <select id={field('label')} value={filter.userLabel ?? ''} onChange={(e) => set({ userLabel: value(e) || undefined })}>
        <option value="">Any</option>
        {options.labels.map((o) => <option key={o.value} value={o.value}>{o.value} ({o.count})</option>)}
      </select>
      <label for={field('resembled')}>Resembles</label>
      <select id={field('resembled')} value={filter.resembled ?? ''} onChange={(e) => set({ resembled: value(e) || undefined })}>
        <option value="">Any</option>
        {options.families.map((o) => <option key={o.value} value={`family:${o.value}`}>{familyName(o.value)} ({o.count})</option>)}
      </select>
      <label for={field('from')}>From</label>
      <input id={field('from')} type="date" value={filter.from === undefined ? '' : toDateInputValue(filter.from)} onChange={(e) => set({ from: fromDateInputValue(value(e)) })} />
      <label for={field('to')}>To</label>
      <input id={field('to')} type="date" value={filter.to === undefined ? '' : toDateInputValue(filter.to)} onChange={(e) => set({ to: fromDateInputValue(value(e), true) })} />
      <output class="muted" data-testid={`group-${id}-count`}>{count} answer{count === 1 ? '' : 's'}</output>
    </fieldset>
  );
}
