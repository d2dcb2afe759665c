/**
 * The dashboard page. This entry chunk is small on purpose: it starts reading the newest answers from
 * IndexedDB at once, and the page's components arrive as a dynamic import while that read runs, instead
 * of the read waiting for every component to be loaded and compiled.
 */
import { PAGE_SIZE } from '@/lib/dashboard/query';
import { idbSampleSource } from '@/components/dashboard/sample-source';
import '@/components/theme.css';
import '@/components/dashboard/dashboard.css';

/**
 * How long the page waits for the first page of answers before drawing anyway (with "Loading answers…"):
 * drawing that notice just before the rows would only put one more frame in front of them, but a slow
 * database (an upgrade in progress) must not leave the page blank.
 */
const FIRST_DRAW_WAIT_MS = 250;

const source = idbSampleSource({ prefetch: PAGE_SIZE });
const read = Promise.race([source.prefetched, new Promise((resolve) => setTimeout(resolve, FIRST_DRAW_WAIT_MS))]);
Promise.all([import('@/components/dashboard/mount'), read]).then(
  ([{ mountDashboard }]) => mountDashboard(document.getElementById('app')!, source),
  (error: unknown) => {
    console.error('[ModelPrint] the dashboard could not load:', error);
    document.getElementById('app')!.textContent = `The dashboard could not load: ${String(error)}`;
  },
);
