import { render } from 'preact';
import { samplesChanged, watchSamples } from '@/lib/messaging/changes';
import { Dashboard } from './Dashboard';
import { workerDatasetJobs } from './dataset-client';
import { loadEngine } from './dashboard-engine';
import { messagePasteApi } from './paste-api';
import type { SampleSource } from './sample-source';

/** Draws the dashboard into `root`, reading from `source` (whose first page may already be on its way). */
export function mountDashboard(root: HTMLElement, source: SampleSource): void {
  render(
    <Dashboard
      source={source}
      loadEngine={loadEngine}
      paste={messagePasteApi}
      watch={watchSamples}
      datasets={workerDatasetJobs()}
      announce={() => samplesChanged.setValue({ at: Date.now(), addedOnly: true })}
    />,
    root,
  );
}
