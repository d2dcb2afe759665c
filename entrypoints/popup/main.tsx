/**
 * The popup. This entry chunk is small on purpose (as the dashboard's): it asks the background for what
 * the popup shows at once, and the components arrive as a dynamic import while the answers are on their
 * way, instead of the messages waiting for every component to be loaded and compiled. The popup is drawn
 * with its data when the data is there by then, so no "Loading…" frame comes before it.
 */
import { loadPopupData } from '@/components/popup/popup-data';
import '@/components/theme.css';

/**
 * How long the popup waits for its data before drawing anyway (with "Loading…"): a background that is slow
 * to wake must not leave the popup blank.
 */
const FIRST_DRAW_WAIT_MS = 250;

const first = loadPopupData();
const read = Promise.race([
  // A failure is the popup's to show (its first load takes `first`): here it only means "not read".
  first.catch(() => null),
  new Promise<null>((resolve) => setTimeout(() => resolve(null), FIRST_DRAW_WAIT_MS)),
]);
Promise.all([import('@/components/popup/mount'), read]).then(
  ([{ mountPopup }, data]) => mountPopup(document.getElementById('app')!, first, data),
  (error: unknown) => {
    console.error('[ModelPrint] the popup could not load:', error);
    document.getElementById('app')!.textContent = `The popup could not load: ${String(error)}`;
  },
);
