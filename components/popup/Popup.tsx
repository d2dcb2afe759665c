import { useEffect, useState } from 'preact/hooks';
import { watchSampleChanges, type ChangeKind } from '@/lib/messaging/changes';
import { storageStatus } from '@/lib/messaging/storage-status';
import { StorageProblemNotice } from '../storage/StorageProblemNotice';
import { sendMessage } from '@/lib/messaging/client';
import { formatCount } from '@/lib/display-numbers';
import { browserActions, type PopupActions } from './actions';
import { loadPopupData, type PopupData } from './popup-data';
import { CurrentAnswer } from './CurrentAnswer';
import { HealthWarnings } from './HealthWarnings';
import { SampleList } from './SampleList';
import { SiteSwitch } from './SiteSwitch';
import { useLiveData, type LiveData } from '../use-live-data';
import './popup.css';

export type { PopupData };

/** Set once, when the popup first draws its data; then once when it draws the count of stored answers. */
export const POPUP_READY_MARK = 'modelprint:popup-ready';
export const POPUP_COUNTED_MARK = 'modelprint:popup-counted';

/** Loads what it shows through the message protocol, so the background stays the only database owner. */
export function Popup({
  initial,
  load = loadPopupData,
  count = countStoredSamples,
  actions = browserActions,
  subscribe = watchPopupChanges,
}: {
  /** The data, when it was read before the popup was drawn (see entrypoints/popup/main.tsx). */
  initial?: PopupData;
  load?: () => Promise<PopupData>;
  /** How many answers are stored: asked once the data is drawn, and again after each reload. */
  count?: () => Promise<number>;
  actions?: PopupActions;
  subscribe?: (onChange: () => void) => () => void;
}) {
  const [state, reload] = useLiveData(load, subscribe, undefined, initial);
  const ready = state.status === 'ready';
  // The e2e test reads when the popup first showed its data (the "Scale" figure at 50,000 samples).
  useEffect(() => {
    if (ready && performance.getEntriesByName(POPUP_READY_MARK).length === 0) performance.mark(POPUP_READY_MARK);
  }, [ready]);
  const total = useCountAfter(state, count);

  const toggleSite = async (enabled: boolean) => {
    if (state.status !== 'ready' || !state.tab.site) return;
    await actions.setSiteEnabled(state.tab.site, enabled);
    reload();
  };

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>ModelPrint</h1>
        {state.status === 'ready' && total !== null && (
          <span class="popup__count">
            {formatCount(total)} answer{total === 1 ? '' : 's'} recorded
          </span>
        )}
      </header>
      {state.status === 'loading' && <p class="popup__status">Loading…</p>}
      {state.status === 'error' &&
        (state.problem ? (
          <StorageProblemNotice problem={state.problem} detail={state.message} />
        ) : (
          <p class="popup__status" role="alert">
            Could not read recorded answers: {state.message}
          </p>
        ))}
      {state.status === 'ready' && (
        <>
          {state.storage && <StorageProblemNotice problem={state.storage.problem} detail={state.storage.detail} />}
          {/* A layout warning concerns one site: shown on that site's tabs only. */}
          <HealthWarnings reports={state.health.filter((r) => r.site === state.tab.site)} />
          <section class="popup__section" aria-labelledby="popup-tab">
            <h2 id="popup-tab">This tab</h2>
            <CurrentAnswer tab={state.tab} />
            {state.tab.site && (
              <SiteSwitch site={state.tab.site} enabled={state.siteEnabled} autoRecord={state.autoRecord} onChange={toggleSite} />
            )}
          </section>
          <nav class="popup__links" aria-label="More ModelPrint">
            <button type="button" class="button" onClick={() => actions.openSidePanel(state.tab.tabId)}>
              Side panel
            </button>
            <button type="button" class="button" data-testid="open-dashboard" onClick={() => actions.openDashboard()}>
              Dashboard
            </button>
            <button type="button" class="button" onClick={() => actions.openSettings()}>
              Settings
            </button>
          </nav>
          <section class="popup__section" aria-labelledby="popup-recent">
            <h2 id="popup-recent">Recent answers</h2>
            <SampleList listings={state.listings} />
          </section>
        </>
      )}
    </main>
  );
}

/**
 * The count of stored answers, asked after `data` is drawn (an effect runs after the frame) and again
 * whenever it changes. Chromium counts by walking the records: at 50,000 answers that is ~150 ms of the
 * database's time, which the list and the tab's verdict must not wait for. The last count stays on screen
 * while the next is asked; a failed count is left out (the list says what it can).
 */
function useCountAfter(data: LiveData<PopupData>, count: () => Promise<number>): number | null {
  const [total, setTotal] = useState<number | null>(null);
  const ready = data.status === 'ready';
  useEffect(() => {
    if (!ready) return undefined;
    let live = true;
    count().then(
      (n) => {
        if (!live) return;
        setTotal(n);
        if (performance.getEntriesByName(POPUP_COUNTED_MARK).length === 0) performance.mark(POPUP_COUNTED_MARK);
      },
      (e: unknown) => console.warn('[ModelPrint] could not count the recorded answers:', e),
    );
    return () => {
      live = false;
    };
  }, [data, ready, count]);
  return total;
}

const countStoredSamples = () => sendMessage('countSamples', {});

/** New samples, and a save that failed for lack of space (which stores nothing, so sends no change). */
function watchPopupChanges(onChange: (change?: ChangeKind) => void): () => void {
  const stopSamples = watchSampleChanges(onChange);
  const stopStorage = storageStatus.watch(() => onChange());
  return () => {
    stopSamples();
    stopStorage();
  };
}
