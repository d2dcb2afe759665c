import { siteLabel } from '@/lib/sites/site-labels';
import type { SiteId } from '@/lib/sites/hosts';

/** The per-site recording switch: a real checkbox with the switch role, so it is keyboard operable. */
export function SiteSwitch({
  site,
  enabled,
  autoRecord,
  onChange,
}: {
  site: SiteId;
  enabled: boolean;
  autoRecord: boolean;
  onChange: (enabled: boolean) => void;
}) {
  const paused = !enabled || !autoRecord;
  return (
    <div class="site-switch">
      {paused && (
        <p class="site-switch__paused" role="status" data-testid="paused">
          {enabled ? 'Paused on every site' : `Paused on ${siteLabel(site)}`}: new answers here are not recorded.
        </p>
      )}
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={enabled}
          data-testid="site-switch"
          onChange={(e) => onChange(e.currentTarget.checked)}
        />{' '}
        Record answers on {siteLabel(site)}
      </label>
      {!autoRecord && <p class="site-switch__note">Automatic recording is off for every site (see Settings).</p>}
    </div>
  );
}
