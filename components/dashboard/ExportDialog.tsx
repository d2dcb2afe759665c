import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatCount } from '@/lib/display-numbers';
import type { DatasetFormat } from '@/lib/dataset/write';
import { NO_PRIVACY, type PrivacyOptions } from '@/lib/dataset/schema';
import { CancelledError, type DatasetJobs, type DatasetProgress } from './dataset-client';
import { download } from './download';

interface Props {
  jobs: DatasetJobs;
  total: number;
  /** The samples the current filters select, and the filters as the manifest records them; null: no filter. */
  selection: { ids: string[]; filters: Record<string, string> } | null;
  onClose: () => void;
  version?: string;
}

type State =
  | { status: 'idle' }
  | { status: 'running'; progress: DatasetProgress | null }
  | { status: 'done'; fileName: string; count: number; bytes: number }
  | { status: 'error'; message: string };

const PRIVACY: Array<[keyof PrivacyOptions, string]> = [
  ['omitPrompts', 'Leave out prompts'],
  ['omitTexts', 'Leave out answer and reasoning texts (features and verdicts stay)'],
  ['omitUrls', 'Leave out page addresses'],
  ['hashConversationIds', 'Replace conversation ids with salted hashes'],
];

const STAGES: Record<string, string> = { writing: 'Writing', zip: 'Zipping' };

/** Export as JSONL, Parquet or a bundle, in the dataset worker: a progress bar, a cancel button, then a download. */
export function ExportDialog({ jobs, total, selection, onClose, version = browser.runtime.getManifest().version }: Props) {
  const [scope, setScope] = useState<'all' | 'filtered'>(selection ? 'filtered' : 'all');
  const [format, setFormat] = useState<DatasetFormat>('bundle');
  const [privacy, setPrivacy] = useState<PrivacyOptions>(NO_PRIVACY);
  const [features, setFeatures] = useState(false);
  const [state, setState] = useState<State>({ status: 'idle' });
  const filtered = scope === 'filtered' && selection !== null;
  const count = filtered ? selection.ids.length : total;

  const start = async () => {
    setState({ status: 'running', progress: null });
    try {
      const { blob, fileName } = await jobs.exportFile(
        { format, privacy, features, filters: filtered ? selection.filters : null, modelprintVersion: version },
        filtered ? selection.ids : null,
        (progress) => setState({ status: 'running', progress }),
      );
      download(blob, fileName);
      setState({ status: 'done', fileName, count, bytes: blob.size });
    } catch (e) {
      setState(e instanceof CancelledError ? { status: 'idle' } : { status: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };
  const running = state.status === 'running';
  const p = running ? state.progress : null;
  return (
    <div class="dataset-panel" role="dialog" aria-labelledby="export-heading" data-testid="export-dialog">
      <h3 id="export-heading">Export samples</h3>
      <fieldset disabled={running}>
        <legend>Which samples</legend>
        <label><input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> Every sample ({formatCount(total)})</label>
        <label>
          <input type="radio" name="export-scope" checked={filtered} disabled={!selection} onChange={() => setScope('filtered')} /> The current filter selection
          {selection ? ` (${formatCount(selection.ids.length)})` : ' (no filter set)'}
        </label>
      </fieldset>
      <fieldset disabled={running}>
        <legend>Format</legend>
        <label><input type="radio" name="export-format" checked={format === 'bundle'} onChange={() => setFormat('bundle')} /> Dataset bundle (.zip: JSONL, Parquet, manifest, schema, dataset card)</label>
        <label><input type="radio" name="export-format" checked={format === 'jsonl'} onChange={() => setFormat('jsonl')} /> JSONL (pandas, DuckDB)</label>
        <label><input type="radio" name="export-format" checked={format === 'parquet'} onChange={() => setFormat('parquet')} /> Parquet (DuckDB, pandas, Spark)</label>
      </fieldset>
      <fieldset disabled={running}>
        <legend>Privacy (stated in the manifest and the card)</legend>
        {PRIVACY.map(([key, label]) => (
          <label key={key}>
            <input type="checkbox" checked={privacy[key]} onChange={(e) => setPrivacy({ ...privacy, [key]: e.currentTarget.checked })} data-testid={`privacy-${key}`} /> {label}
          </label>
        ))}
        <label>
          <input type="checkbox" checked={features || privacy.omitTexts} disabled={privacy.omitTexts} onChange={(e) => setFeatures(e.currentTarget.checked)} /> Add each answer's feature vector (about 1 ms per answer)
        </label>
      </fieldset>
      <div class="dataset-panel__actions">
        {running ? (
          <button type="button" class="button" onClick={() => jobs.cancel()}>Cancel</button>
        ) : (
          <button type="button" class="button button--primary" disabled={count === 0} onClick={() => void start()} data-testid="export-start">
            Export {formatCount(count)} sample{count === 1 ? '' : 's'}
          </button>
        )}
        <button type="button" class="button" disabled={running} onClick={onClose}>Close</button>
      </div>
      <div aria-live="polite" data-testid="export-status">
        {running && (
          <p>
            {p ? `${STAGES[p.stage] ?? p.stage}: ${formatCount(p.done)} of ${formatCount(p.total)}` : 'Starting…'}{' '}
            <progress max={p?.total || 1} value={p?.done ?? 0} />
          </p>
        )}
        {state.status === 'done' && <p>Exported {formatCount(state.count)} samples to {state.fileName} ({(state.bytes / 1024 / 1024).toFixed(1)} MB).</p>}
        {state.status === 'error' && <p role="alert">The export failed: {state.message}</p>}
      </div>
    </div>
  );
}
