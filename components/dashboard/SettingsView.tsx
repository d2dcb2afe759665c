import { useMemo } from 'preact/hooks';
import { Settings } from '@/components/settings/Settings';
import { messageSettingsApi, type SettingsApi } from '@/components/settings/settings-api';

/**
 * The shared settings (components/settings, also the options page), in a dashboard tab. Deleting
 * everything or shortening retention changes the samples, so the dashboard re-reads them at once.
 */
export function SettingsView({ onDataChanged, api = messageSettingsApi }: { onDataChanged: () => void; api?: SettingsApi }) {
  const wrapped = useMemo<SettingsApi>(
    () => ({
      deleteAll: async () => {
        const result = await api.deleteAll();
        onDataChanged();
        return result;
      },
      applyRetention: async () => {
        const result = await api.applyRetention();
        if (result.deleted > 0) onDataChanged();
        return result;
      },
    }),
    [api, onDataChanged],
  );
  return (
    <section aria-labelledby="settings-heading" class="view">
      <h2 id="settings-heading">Settings</h2>
      <Settings api={wrapped} />
    </section>
  );
}
