import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { PAGE_SIZE, distinctValues } from '@/lib/dashboard/query';
import { formatCount } from '@/lib/display-numbers';
import { useEngine, type EngineLoader } from './dashboard-engine';
import { familyColors } from './family-colors';
import { lazy } from './lazy';
import type { PasteApi } from './paste-api';
import type { DatasetJobs } from './dataset-client';
import type { SampleSource } from './sample-source';
import { SamplesView } from './SamplesView';
import { TABS, useHashRoute } from './use-hash-route';
import { useSampleRows } from './use-sample-rows';
import { runInWorker, type WorkerRunner } from './reference-worker-client';
import { backgroundReferencesApi, type ReferencesApi } from './references-api';
import { NoSamples, WaitFor } from './states';
import { RescueActions, type RescueApi } from './RescueActions';
import { StorageProblemNotice } from '../storage/StorageProblemNotice';
import './dashboard.css';

// Everything but the samples table is loaded on first use (and, once every row is read, ahead of it).
const GroupsView = lazy(() => import('./GroupsView').then((m) => m.GroupsView));
const ModelMapView = lazy(() => import('./ModelMapView').then((m) => m.ModelMapView));
const PasteView = lazy(() => import('./PasteView').then((m) => m.PasteView));
const SampleDetail = lazy(() => import('./SampleDetail').then((m) => m.SampleDetail));
const SettingsView = lazy(() => import('./SettingsView').then((m) => m.SettingsView));
const ImportView = lazy(() => import('./ImportView').then((m) => m.ImportView));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => m.ExportDialog));
const CompareView = lazy(() => import('./CompareView').then((m) => m.CompareView));
const ReferencesView = lazy(() => import('./ReferencesView').then((m) => m.ReferencesView));
// Import, export, Compare and References are left out: research tabs, loaded on first use, so the idle preload
// does not grow and delay the views most people open.
const LATER_VIEWS = [GroupsView, ModelMapView, PasteView, SampleDetail, SettingsView];
type ExportSelection = { ids: string[]; filters: Record<string, string> } | null;

interface Props {
  source: SampleSource;
  loadEngine: EngineLoader;
  paste: PasteApi;
  /** Calls back when the background stored or deleted samples; returns the function that stops watching. */
  watch?: (onChange: () => void) => () => void;
  /** Saving and resetting a database that cannot be opened (default: the browser's). */
  rescue?: RescueApi;
  /** Export and import (the page's Web Worker, see mount.tsx); without it neither is offered. */
  datasets?: DatasetJobs;
  /** Tells the other open pages that an import wrote samples. */
  announce?: () => Promise<void>;
  /** Issue 11: the worker that builds references and runs comparisons, and the background's reference messages. */
  worker?: WorkerRunner;
  references?: ReferencesApi;
}

/** New answers often arrive in bursts (a page of history read at once): re-read once per burst. */
const RELOAD_DELAY_MS = 500;

/** The dashboard page: tabs in the URL hash, samples read once and shared by every tab. */
export function Dashboard({ source, loadEngine, paste, watch, rescue, datasets: jobs, announce, worker = runInWorker, references = backgroundReferencesApi }: Props) {
  const tab = useHashRoute();
  const [exporting, setExporting] = useState<{ selection: ExportSelection } | null>(null);
  const { state, removeRows, labelRows, reload } = useSampleRows(source, PAGE_SIZE);
  // One full read at a time: a change that arrives while the rows are still being read waits for them
  // (at 50,000 samples a read takes seconds, and overlapping reads would each hold every sample).
  const settled = useRef(false);
  settled.current = state.status === 'error' || (state.status === 'ready' && state.complete);
  useEffect(() => {
    if (!watch) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => (settled.current ? reload() : later()), RELOAD_DELAY_MS);
    };
    const stop = watch(later);
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [watch, reload]);
  const [openId, setOpenId] = useState<string | null>(null);
  // Once needed it stays loaded (useEngine keeps the module for the page's life).
  const [engineNeeded, setEngineNeeded] = useState(false);
  const wantsEngine = tab === 'groups' || tab === 'map' || tab === 'references' || openId !== null;
  useEffect(() => {
    if (wantsEngine) setEngineNeeded(true);
  }, [wantsEngine]);
  const engine = useEngine(loadEngine, engineNeeded || wantsEngine);

  const ready = state.status === 'ready' ? state : null;
  /** Every row, once the full read is done (until then listings only: of the first page, then of all). */
  const full = ready?.complete ? ready.rows : null;
  // Families most of the user's answers resemble get the first, most distinct colours.
  const colorOf = useMemo(() => familyColors(distinctValues(full ?? [], (r) => r.family).map((v) => v.value)), [full]);
  const remove = useCallback(
    async (ids: string[]) => {
      await source.remove(ids);
      removeRows(new Set(ids));
    },
    [source, removeRows],
  );
  const label = useCallback(
    async (ids: string[], value: string | null) => {
      const trimmed = value?.trim() || null;
      await source.setLabel(ids, trimmed);
      labelRows(new Set(ids), trimmed);
    },
    [source, labelRows],
  );

  // Once every row is read the page is idle: load the other views' code then, so a tab opens at once.
  useEffect(() => {
    if (full) for (const view of LATER_VIEWS) void view.preload();
  }, [full]);

  const count = ready?.rows.length ?? 0;
  const hasRows = count > 0;
  return (
    <div class="dashboard">
      <header class="dashboard__header">
        <h1>ModelPrint</h1>
        {full && (
          <span class="muted" data-testid="total-count">
            {formatCount(count)} answer{count === 1 ? '' : 's'} recorded
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
        {state.status === 'error' &&
          (state.problem ? (
            <StorageProblemNotice problem={state.problem} detail={state.message}>
              {state.problem === 'database-unavailable' && <RescueActions api={rescue} onReset={reload} />}
            </StorageProblemNotice>
          ) : (
            <p role="alert">Could not read the recorded answers: {state.message}</p>
          ))}
        {state.status === 'loading' && (tab === 'samples' || tab === 'groups' || tab === 'map') && <p role="status">Loading answers…</p>}
        {tab === 'samples' && ready && (hasRows ? (
          ready.complete ? (
            <SamplesView complete rows={ready.rows} onOpen={setOpenId} onDelete={remove} onLabel={label} onExport={jobs && ((selection) => setExporting({ selection }))} />
          ) : (
            <SamplesView complete={false} listed={ready.listed} rows={ready.rows} loaded={ready.loaded} onOpen={setOpenId} onDelete={remove} onLabel={label} onExport={jobs && ((selection) => setExporting({ selection }))} />
          )
        ) : <NoSamples />)}
        {tab === 'groups' && ready && (
          <WaitFor engine={engine} rows={full} empty={!hasRows}>
            {(e, rows) => <GroupsView rows={rows} engine={e} colorOf={colorOf} />}
          </WaitFor>
        )}
        {tab === 'map' && ready && (
          <WaitFor engine={engine} rows={full} empty={false}>
            {(e, rows) => <ModelMapView rows={rows} engine={e} colorOf={colorOf} />}
          </WaitFor>
        )}
        {tab === 'samples' && jobs && exporting && (
          <ExportDialog jobs={jobs} total={count} selection={exporting.selection} onClose={() => setExporting(null)} />
        )}
        {tab === 'compare' && ready && (!hasRows ? <NoSamples /> : full ? (
          <CompareView rows={full} run={worker} listReferences={references.list} />
        ) : <p role="status">Loading every answer…</p>)}
        {tab === 'references' && ready && (
          <WaitFor engine={engine} rows={full} empty={false}>
            {(e, rows) => <ReferencesView rows={rows} bundledLabels={e.similarityMatrix().labels} run={worker} api={references} />}
          </WaitFor>
        )}
        {tab === 'paste' && <PasteView api={paste} onSaved={reload} />}
        {tab === 'import' && (jobs ? (
          <ImportView
            jobs={jobs}
            onImported={() => {
              // The worker wrote the samples: tell every open page (popup, side panel), then re-read here.
              void announce?.().catch((e: unknown) => console.warn('[ModelPrint] could not announce the import:', e));
              reload();
            }}
          />
        ) : <p role="status">Import is not available here.</p>)}
        {tab === 'settings' && <SettingsView onDataChanged={reload} />}
      </main>
      {openId !== null && (
        <SampleDetail
          id={openId}
          source={source}
          engine={engine}
          onClose={() => setOpenId(null)}
          onDelete={remove}
          onLabel={label}
          labels={ready ? distinctValues(ready.rows, (r) => r.userLabel ?? null).map((v) => v.value) : []}
        />
      )}
    </div>
  );
}
