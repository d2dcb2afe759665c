import { useEffect, useState } from 'preact/hooks';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { sendMessage } from '@/lib/messaging/client';
import type { Sample } from '@/lib/sample';
import { HealthWarnings } from './HealthWarnings';
import { SampleList } from './SampleList';
import './popup.css';

/** How many recent answers the popup lists; the dashboard shows all of them. */
const POPUP_LIMIT = 20;

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; samples: Sample[]; total: number; health: SiteHealthReport[] };

/** Loads what it shows through the message protocol, so the background stays the only database owner. */
export function Popup({ load = loadPopupData }: { load?: typeof loadPopupData }) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    load().then(
      (data) => setState({ status: 'ready', ...data }),
      (error: unknown) => setState({ status: 'error', message: String(error) }),
    );
  }, [load]);

  return (
    <main class="popup">
      <header class="popup__header">
        <h1>ModelPrint</h1>
        {state.status === 'ready' && (
          <span class="popup__count">
            {state.total.toLocaleString()} answer{state.total === 1 ? '' : 's'} recorded
          </span>
        )}
      </header>
      {state.status === 'loading' && <p class="popup__status">Loading…</p>}
      {state.status === 'error' && (
        <p class="popup__status" role="alert">
          Could not read recorded answers: {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <HealthWarnings reports={state.health} />
          <SampleList samples={state.samples} />
        </>
      )}
    </main>
  );
}

export async function loadPopupData() {
  const [{ samples, total }, health] = await Promise.all([
    sendMessage('listSamples', { limit: POPUP_LIMIT }),
    sendMessage('listSiteHealth', {}),
  ]);
  return { samples, total, health };
}
