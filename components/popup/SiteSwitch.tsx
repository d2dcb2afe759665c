import { siteLabel } from '@/lib/sites/labels';
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
  return (
    <div class="site-switch">
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
