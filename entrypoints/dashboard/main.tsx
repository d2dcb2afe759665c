import { render } from 'preact';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { loadEngine } from '@/components/dashboard/engine';
import { messagePasteApi } from '@/components/dashboard/PasteView';
import { idbSampleSource } from '@/components/dashboard/sample-source';
import { PAGE_SIZE } from '@/components/dashboard/SamplesView';
import { watchSamples } from '@/lib/messaging/changes';
import '@/components/theme.css';

render(
  <Dashboard source={idbSampleSource({ prefetch: PAGE_SIZE })} loadEngine={loadEngine} paste={messagePasteApi} watch={watchSamples} />,
  document.getElementById('app')!,
);
