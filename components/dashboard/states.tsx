import type { ComponentChildren } from 'preact';
import type { SampleRow } from '@/lib/dashboard/row';
import type { DashboardEngine, EngineState } from './dashboard-engine';

/** The empty state: what ModelPrint does and how to get a first answer in, not just "nothing here". */
export function NoSamples() {
  return (
    <div class="empty" data-testid="dashboard-empty">
      <p><strong>No answers recorded yet.</strong></p>
      <p>
        Open a conversation on a supported chatbot site (for example chatgpt.com): ModelPrint records each
        finished answer there and says which known model it most resembles. Or paste any text in the{' '}
        <a href="#paste">Paste</a> tab. Nothing leaves your computer.
      </p>
    </div>
  );
}

/** Tabs that pool or map need the engine and every row; this says what they are waiting for. */
export function WaitFor({
  engine,
  rows,
  empty,
  children,
}: {
  engine: EngineState;
  /** Every row, or null while the full read runs. */
  rows: SampleRow[] | null;
  empty: boolean;
  children: (engine: DashboardEngine, rows: SampleRow[]) => ComponentChildren;
}) {
  if (empty) return <NoSamples />;
  if (engine.status === 'error') return <p role="alert">Could not load the fingerprint engine: {engine.message}</p>;
  if (engine.status === 'loading' || !rows) return <p role="status">Loading the engine and every answer…</p>;
  return <>{children(engine.engine, rows)}</>;
}
