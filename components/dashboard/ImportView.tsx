import { useState } from 'preact/hooks';
import { formatCount } from '@/lib/display-numbers';
import { formatRecordError } from '@/lib/dataset/errors';
import type { PlanSummary } from '@/lib/dataset/worker-protocol';
import { CancelledError, type DatasetJobs, type DatasetProgress } from './dataset-client';

type State =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string }
  | { status: 'summary'; summary: PlanSummary }
  | { status: 'importing'; summary: PlanSummary; progress: DatasetProgress | null }
  | { status: 'done'; imported: number; recomputed: number; dataset: string }
  | { status: 'error'; message: string };

const ERRORS_SHOWN = 10;

function Summary({ s }: { s: PlanSummary }) {
  return (
    <div data-testid="import-summary">
      <p>
        <strong>{s.dataset}</strong> ({s.kind}{s.manifest ? `, exported ${s.manifest.exportedAt.slice(0, 10)} by ModelPrint ${s.manifest.modelprintVersion}` : ''}): {formatCount(s.total)} records.
      </p>
      <ul>
        <li data-testid="import-new">{formatCount(s.fresh)} new</li>
        <li data-testid="import-duplicates">
          {formatCount(s.duplicates.total)} duplicates, skipped ({formatCount(s.duplicates.byId)} same id, {formatCount(s.duplicates.byContent)} same site, prompt and text)
        </li>
        <li data-testid="import-invalid">{formatCount(s.invalid)} invalid, never written</li>
      </ul>
      {s.staleVerdicts > 0 && <p class="muted">{formatCount(s.staleVerdicts)} verdicts come from another engine version and are recomputed where the text is included.</p>}
      {s.errors.length > 0 && (
        <>
          <p>First errors:</p>
          <ul class="import-errors" data-testid="import-errors">
            {s.errors.slice(0, ERRORS_SHOWN).map((e) => <li key={`${e.line}:${e.field}`}>{formatRecordError(e)}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}

/** Import a JSONL, JSON or bundle file (chosen or dropped): a summary first, written only once confirmed. */
export function ImportView({ jobs, onImported }: { jobs: DatasetJobs; onImported: () => void }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const [over, setOver] = useState(false);
  const fail = (e: unknown) => setState(e instanceof CancelledError ? { status: 'idle' } : { status: 'error', message: e instanceof Error ? e.message : String(e) });

  const choose = async (file: File | undefined) => {
    if (!file) return;
    setState({ status: 'reading', fileName: file.name });
    try {
      setState({ status: 'summary', summary: await jobs.plan(file) });
    } catch (e) {
      fail(e);
    }
  };
  const confirm = async (summary: PlanSummary) => {
    setState({ status: 'importing', summary, progress: null });
    try {
      const result = await jobs.commit((progress) => setState({ status: 'importing', summary, progress }));
      setState({ status: 'done', ...result, dataset: summary.dataset });
      onImported();
    } catch (e) {
      fail(e);
    }
  };
  const busy = state.status === 'reading' || state.status === 'importing';
  return (
    <section aria-labelledby="import-heading" class="view">
      <h2 id="import-heading">Import samples</h2>
      <div
        class={`dropzone${over ? ' dropzone--over' : ''}`}
        data-testid="import-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (!busy) void choose(e.dataTransfer?.files[0]);
        }}
      >
        <p>Drop a dataset here (JSONL, JSON or a .zip bundle exported by ModelPrint or made with <code>modelprint dataset from</code>), or</p>
        <label class="button">
          Choose a file…
          <input type="file" accept=".jsonl,.ndjson,.json,.zip,.parquet" class="visually-hidden" disabled={busy} data-testid="import-file" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        </label>
        <p class="muted">Nothing is written until you confirm; an import is written whole or not at all.</p>
      </div>
      <div aria-live="polite" data-testid="import-status">
        {state.status === 'reading' && <p>Reading {state.fileName}…</p>}
        {(state.status === 'summary' || state.status === 'importing') && <Summary s={state.summary} />}
        {state.status === 'summary' && (
          <div class="dataset-panel__actions">
            <button type="button" class="button button--primary" disabled={state.summary.fresh === 0} onClick={() => void confirm(state.summary)} data-testid="import-confirm">
              Import {formatCount(state.summary.fresh)} new sample{state.summary.fresh === 1 ? '' : 's'}
            </button>
            <button type="button" class="button" onClick={() => setState({ status: 'idle' })}>Cancel</button>
          </div>
        )}
        {state.status === 'importing' && (
          <p>
            Importing… {state.progress && `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)}`} <progress max={state.progress?.total || 1} value={state.progress?.done ?? 0} />{' '}
            <button type="button" class="button" onClick={() => jobs.cancel()}>Cancel</button>
          </p>
        )}
        {state.status === 'done' && (
          <p data-testid="import-done">
            Imported {formatCount(state.imported)} samples from {state.dataset}{state.recomputed > 0 ? `; ${formatCount(state.recomputed)} verdicts recomputed` : ''}.
          </p>
        )}
        {state.status === 'error' && <p role="alert" data-testid="import-error">Nothing was imported: {state.message}</p>}
      </div>
    </section>
  );
}
