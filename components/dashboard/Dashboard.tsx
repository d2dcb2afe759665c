import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { distinctValues } from '@/lib/dashboard/query';
import { formatCount } from '@/lib/dashboard/format';
import { useEngine, type EngineLoader } from './engine';
import { familyColors } from './family-colors';
import { GroupsView } from './GroupsView';
import { ModelMapView } from './ModelMapView';
import { PasteView, type PasteApi } from './PasteView';
import { SampleDetail } from './SampleDetail';
import type { SampleSource } from './sample-source';
import { SamplesView, PAGE_SIZE } from './SamplesView';
import { SettingsView } from './SettingsView';
import { TABS, useHashRoute } from './use-hash-route';
import { useSampleRows } from './use-sample-rows';
import { NoSamples, WaitFor } from './states';
import './dashboard.css';

interface Props {
  source: SampleSource;
  loadEngine: EngineLoader;
  paste: PasteApi;
  /** Calls back when the background stored or deleted samples; returns the function that stops watching. */
  watch?: (onChange: () => void) => () => void;
}

/** New answers often arrive in bursts (a page of history read at once): re-read once per burst. */
const RELOAD_DELAY_MS = 500;

/** The dashboard page: tabs in the URL hash, samples read once and shared by every tab. */
export function Dashboard({ source, loadEngine, paste, watch }: Props) {
  const tab = useHashRoute();
  const { state, removeRows, reload } = useSampleRows(source, PAGE_SIZE);
  useEffect(() => {
    if (!watch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(reload, RELOAD_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [watch, reload]);
  const [openId, setOpenId] = useState<string | null>(null);
  // Once needed it stays loaded (useEngine keeps the module for the page's life).
  const [engineNeeded, setEngineNeeded] = useState(false);
  const wantsEngine = tab === 'groups' || tab === 'map' || openId !== null;
  useEffect(() => {
    if (wantsEngine) setEngineNeeded(true);
  }, [wantsEngine]);
  const engine = useEngine(loadEngine, engineNeeded || wantsEngine);

  const rows = state.status === 'ready' ? state.rows : [];
  // Families most of the user's answers resemble get the first, most distinct colours.
  const colorOf = useMemo(() => familyColors(distinctValues(rows, (r) => r.family).map((v) => v.value)), [rows]);
  const remove = useCallback(
    async (ids: string[]) => {
      await source.remove(ids);
      removeRows(new Set(ids));
    },
    [source, removeRows],
  );

  const hasRows = rows.length > 0;
  return (
    <div class="dashboard">
      <header class="dashboard__header">
        <h1>ModelPrint</h1>
        {state.status === 'ready' && state.complete && (
          <span class="muted" data-testid="total-count">
            {formatCount(rows.length)} answer{rows.length === 1 ? '' : 's'} recorded
          </span>
        )}
      </header>
      <nav class="tabs" aria-label="Dashboard sections">
        <ul>
          {TABS.map((t) => (
            <li key={t.id}>
              <a href={`#${t.id}`} aria-current={tab === t.id ? 'page' : undefined}>{t.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        {state.status === 'error' && <p role="alert">Could not read the recorded answers: {state.message}</p>}
        {state.status === 'loading' && (tab === 'samples' || tab === 'groups' || tab === 'map') && <p role="status">Loading answers…</p>}
        {tab === 'samples' && state.status === 'ready' && (hasRows ? (
          <SamplesView rows={rows} complete={state.complete} loaded={state.loaded} onOpen={setOpenId} onDelete={remove} />
        ) : <NoSamples />)}
        {tab === 'groups' && state.status === 'ready' && (
          <WaitFor engine={engine} complete={state.complete} empty={!hasRows}>
            {(e) => <GroupsView rows={rows} engine={e} colorOf={colorOf} />}
          </WaitFor>
        )}
        {tab === 'map' && state.status === 'ready' && (
          <WaitFor engine={engine} complete={state.complete} empty={false}>
            {(e) => <ModelMapView rows={rows} engine={e} colorOf={colorOf} />}
          </WaitFor>
        )}
        {tab === 'paste' && <PasteView api={paste} onSaved={reload} />}
        {tab === 'settings' && <SettingsView onDataChanged={reload} />}
      </main>
      {openId !== null && (
        <SampleDetail id={openId} source={source} engine={engine} onClose={() => setOpenId(null)} onDelete={remove} />
      )}
    </div>
  );
}
