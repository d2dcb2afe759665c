/**
 * The popup. This entry chunk is small on purpose (as the dashboard's): it asks the background for what
 * the popup shows at once, and the components arrive as a dynamic import while the answers are on their
 * way, instead of the messages waiting for every component to be loaded and compiled.
 */
import { loadPopupData } from '@/components/popup/popup-data';
import '@/components/theme.css';

const first = loadPopupData();
// Handled here too, so a failure is not an unhandled rejection before the popup takes it (and shows it).
first.catch(() => undefined);
import('@/components/popup/mount').then(
  ({ mountPopup }) => mountPopup(document.getElementById('app')!, first),
  (error: unknown) => {
    console.error('[ModelPrint] the popup could not load:', error);
    document.getElementById('app')!.textContent = `The popup could not load: ${String(error)}`;
  },
);
