import { displayLabel } from '@/lib/display-text';
import type { SampleFilter } from '@/lib/dashboard/query';
import { NONE } from '@/lib/dashboard/query';
import { fromDateInputValue, toDateInputValue } from '@/lib/dashboard/date-format';
import { formatPercent } from '@/lib/display-numbers';
import { claimedName, familyName, siteName } from './display-names';

export interface FilterOptions {
  sites: string[];
  claimed: string[];
  families: string[];
  models: string[];
  labels: string[];
  /** Datasets samples were imported from; the origin filter shows only when there is one. */
  origins?: string[];
}

/** Confidence ranges as presets: quicker by keyboard than two numeric fields, and enough to triage. */
export const CONFIDENCE_RANGES: Record<string, { min?: number; max?: number }> = {
  '': {},
  '90': { min: 0.9 },
  '75': { min: 0.75 },
  '50': { min: 0.5 },
  '-50': { max: 0.4999 },
  '-25': { max: 0.2499 },
};

function rangeLabel({ min, max }: { min?: number; max?: number }): string {
  if (min !== undefined) return `At least ${formatPercent(min)}`;
  if (max !== undefined) return `Below ${formatPercent(Math.ceil(max * 100) / 100)}`;
  return 'Any';
}

function rangeKey(f: SampleFilter): string {
  const hit = Object.entries(CONFIDENCE_RANGES).find(
    ([, r]) => r.min === f.minConfidence && r.max === f.maxConfidence,
  );
  return hit?.[0] ?? '';
}

interface Props {
  filter: SampleFilter;
  options: FilterOptions;
  onChange: (next: SampleFilter) => void;
  /** While only the newest page is loaded, filtering would search a fraction of the samples. */
  disabled?: boolean;
  /** While the texts are not read yet, the text search would find nothing. */
  textDisabled?: boolean;
}

export function SampleFilters({ filter, options, onChange, disabled = false, textDisabled = false }: Props) {
  const set = (patch: Partial<SampleFilter>) => onChange({ ...filter, ...patch });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const active = Object.values(filter).some((v) => v !== undefined && v !== '');
  return (
    <form class="filters" role="search" aria-label="Filter answers" onSubmit={(e) => e.preventDefault()}>
      <fieldset disabled={disabled}>
        <legend class="visually-hidden">Filters</legend>
        <label>
          Search text
          <input type="search" value={filter.text ?? ''} disabled={textDisabled} onInput={(e) => set({ text: value(e) })} data-testid="filter-text" />
        </label>
        <label>
          Site
          <select value={filter.site ?? ''} onChange={(e) => set({ site: value(e) || undefined })} data-testid="filter-site">
            <option value="">All sites</option>
            {options.sites.map((s) => <option key={s} value={s}>{siteName(s)}</option>)}
          </select>
        </label>
        <label>
          Claimed model
          <select value={filter.claimed ?? ''} onChange={(e) => set({ claimed: value(e) || undefined })} data-testid="filter-claimed">
            <option value="">Any</option>
            {options.claimed.map((c) => <option key={c} value={c}>{claimedName(c)}</option>)}
            <option value={NONE}>{claimedName(null)}</option>
          </select>
        </label>
        <label>
          Resembles
          <select value={filter.resembled ?? ''} onChange={(e) => set({ resembled: value(e) || undefined })} data-testid="filter-resembled">
            <option value="">Any</option>
            <optgroup label="Families">
              {options.families.map((f) => <option key={f} value={`family:${f}`}>{familyName(f)}</option>)}
            </optgroup>
            <optgroup label="Models">
              {options.models.map((m) => <option key={m} value={`model:${m}`}>{m}</option>)}
            </optgroup>
            <option value={NONE}>Undetermined</option>
          </select>
        </label>
        {options.origins && options.origins.length > 0 && (
          <label>
            Origin
            <select value={filter.origin ?? ''} onChange={(e) => set({ origin: value(e) || undefined })} data-testid="filter-origin">
              <option value="">Any</option>
              <option value={NONE}>Recorded here</option>
              {options.origins.map((o) => <option key={o} value={o}>Imported: {o}</option>)}
            </select>
          </label>
        )}
        <label>
          Label
          <select value={filter.label ?? ''} onChange={(e) => set({ label: value(e) || undefined })} data-testid="filter-label">
            <option value="">Any</option>
            {options.labels.map((l) => <option key={l} value={l}>{displayLabel(l)}</option>)}
            <option value={NONE}>No label</option>
          </select>
        </label>
        <label>
          From
          <input type="date" value={filter.from === undefined ? '' : toDateInputValue(filter.from)} onChange={(e) => set({ from: fromDateInputValue(value(e)) })} />
        </label>
        <label>
          To
          <input type="date" value={filter.to === undefined ? '' : toDateInputValue(filter.to)} onChange={(e) => set({ to: fromDateInputValue(value(e), true) })} />
        </label>
        <label>
          Confidence
          <select value={rangeKey(filter)} onChange={(e) => { const r = CONFIDENCE_RANGES[value(e)]; set({ minConfidence: r?.min, maxConfidence: r?.max }); }} data-testid="filter-confidence">
            {Object.entries(CONFIDENCE_RANGES).map(([k, r]) => <option key={k} value={k}>{rangeLabel(r)}</option>)}
          </select>
        </label>
        <button type="button" class="button" disabled={!active} onClick={() => onChange({})}>
          Clear filters
        </button>
      </fieldset>
    </form>
  );
}
