import { useEffect, useState } from 'preact/hooks';
import { autoRecord, disabledSites, keepText, retentionDays, setSiteEnabled } from '@/lib/settings';
import { SITE_IDS, type SiteId } from '@/lib/sites/hosts';
import { siteLabel } from '@/lib/sites/site-labels';
import { DeleteEverything } from './DeleteEverything';
import { RetentionSelect } from './RetentionSelect';
import { messageSettingsApi, type SettingsApi } from './settings-api';
import './settings.css';

interface Values {
  disabled: SiteId[];
  autoRecord: boolean;
  keepText: boolean;
  retentionDays: number;
}

async function readValues(): Promise<Values> {
  const [disabled, auto, keep, days] = await Promise.all([
    disabledSites.getValue(),
    autoRecord.getValue(),
    keepText.getValue(),
    retentionDays.getValue(),
  ]);
  return { disabled, autoRecord: auto, keepText: keep, retentionDays: days };
}

/**
 * Every setting, saved as soon as it changes (WXT storage items, lib/settings.ts). Mounted by the options
 * page and by the dashboard.
 */
export function Settings({ api = messageSettingsApi }: { api?: SettingsApi }) {
  const [values, setValues] = useState<Values | null>(null);
  const refresh = () => readValues().then(setValues);
  useEffect(() => {
    void refresh();
  }, []);
  if (!values) return <p>Loading settings…</p>;

  const change = (write: Promise<void>) => write.then(refresh);
  return (
    <div class="settings" data-testid="settings">
      <fieldset>
        <legend>Sites</legend>
        <p class="settings__help">Answers are recorded only on the sites switched on.</p>
        {SITE_IDS.map((site) => (
          <label key={site} class="settings__row">
            <input
              type="checkbox"
              role="switch"
              checked={!values.disabled.includes(site)}
              onChange={(e) => change(setSiteEnabled(site, e.currentTarget.checked))}
            />{' '}
            {siteLabel(site)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Recording</legend>
        <label class="settings__row">
          <input type="checkbox" role="switch" checked={values.autoRecord} onChange={(e) => change(autoRecord.setValue(e.currentTarget.checked))} />{' '}
          Record answers automatically when they finish
        </label>
        <label class="settings__row">
          <input type="checkbox" role="switch" checked={values.keepText} aria-describedby="keep-text-help" onChange={(e) => change(keepText.setValue(e.currentTarget.checked))} />{' '}
          Keep the answer text
        </label>
        <p id="keep-text-help" class="settings__help">
          Off: new answers keep only their verdict and style features; their text and your prompt are dropped right
          after the verdict is computed. Answers already recorded are not changed.
        </p>
      </fieldset>
      <fieldset>
        <legend>Retention</legend>
        <RetentionSelect days={values.retentionDays} onChange={(days) => change(retentionDays.setValue(days)).then(() => api.applyRetention())} />
      </fieldset>
      <fieldset>
        <legend>Your data</legend>
        <DeleteEverything onDelete={() => api.deleteAll()} />
      </fieldset>
    </div>
  );
}
