import { useEffect, useRef, useState } from 'preact/hooks';
import type { Sample } from '@/lib/sample';
import { formatDateTime } from '@/lib/dashboard/date-format';
import type { EngineState } from './dashboard-engine';
import { FeatureTable } from './FeatureTable';
import { LabelEditor } from './LabelEditor';
import { SampleVerdict } from './SampleVerdict';
import { claimedName, siteName } from './display-names';
import type { SampleSource } from './sample-source';
import { PageText } from '../PageText';

interface Props {
  id: string;
  source: SampleSource;
  engine: EngineState;
  onClose: () => void;
  onDelete: (ids: string[]) => Promise<void>;
  onLabel: (ids: string[], label: string | null) => Promise<void>;
  /** Labels in use, offered as suggestions. */
  labels?: readonly string[];
}

type Loaded = { status: 'loading' } | { status: 'missing' } | { status: 'error'; message: string } | { status: 'ready'; sample: Sample };

/** Only http(s) page addresses become links: a stored URL is data from a page, not trusted markup. */
function safeHref(url: string): string | undefined {
  try {
    return /^https?:$/.test(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined; // not a URL at all (e.g. a pasted text's empty source): shown as plain text
  }
}

/** One answer in a modal dialog: its text (always as text), verdict and features. Esc closes it. */
export function SampleDetail({ id, source, engine, onClose, onDelete, onLabel, labels = [] }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    setLoaded({ status: 'loading' });
    source.get(id).then(
      (sample) => live && setLoaded(sample ? { status: 'ready', sample } : { status: 'missing' }),
      (e: unknown) => live && setLoaded({ status: 'error', message: String(e) }),
    );
    return () => {
      live = false;
    };
  }, [id, source]);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
  }, []);

  const s = loaded.status === 'ready' ? loaded.sample : null;
  const features =
    s?.features ?? (s && !s.textDropped && engine.status === 'ready' ? engine.engine.fingerprint(s.text) : null);
  const href = s ? safeHref(s.url) : undefined;
  return (
    <dialog ref={dialog} class="detail" aria-labelledby="detail-heading" onClose={onClose} data-testid="sample-detail">
      <header class="detail__header">
        <h2 id="detail-heading">{s ? `Answer recorded ${formatDateTime(s.capturedAt)}` : 'Answer'}</h2>
        <button type="button" class="button" onClick={() => dialog.current?.close() ?? onClose()}>Close</button>
      </header>
      {loaded.status === 'loading' && <p>Loading…</p>}
      {loaded.status === 'missing' && <p role="alert">This answer no longer exists (it was deleted).</p>}
      {loaded.status === 'error' && <p role="alert">Could not read this answer: {loaded.message}</p>}
      {s && (
        <>
          <dl class="facts">
            <dt>Site</dt><dd>{siteName(s.site)}</dd>
            <dt>Claimed model</dt><dd><bdi dir="auto">{claimedName(s.claimedModel?.raw ?? null)}</bdi>{s.claimedModel && <span class="muted"> (from the {s.claimedModel.source})</span>}</dd>
            <dt>Your label</dt>
            <dd>
              <LabelEditor
                current={s.userLabel ?? null}
                suggestions={labels}
                target="this answer"
                onSave={async (label) => {
                  await onLabel([s.id], label);
                  setLoaded({ status: 'ready', sample: label === null ? { ...s, userLabel: undefined } : { ...s, userLabel: label } });
                }}
              />
            </dd>
            <dt>Page</dt><dd class="break">{href ? <a href={href} target="_blank" rel="noreferrer noopener"><PageText text={s.url} max={300} /></a> : s.url ? <PageText text={s.url} max={300} /> : '–'}</dd>
          </dl>
          <h3>Verdict</h3>
          <SampleVerdict sample={s} />
          {s.prompt && (<><h3>Prompt</h3><TextBlock label="Prompt">{s.prompt}</TextBlock></>)}
          <h3>Answer</h3>
          {/* Recorded text is rendered as text (Preact escapes it), never as HTML. */}
          {s.textDropped ? <p class="muted">The text was not kept (setting “keep text” was off); only its features and verdict are stored.</p> : <TextBlock label="Answer" testId="detail-text">{s.text}</TextBlock>}
          {s.reasoning && (<details><summary>Reasoning shown by the page</summary><TextBlock label="Reasoning">{s.reasoning}</TextBlock></details>)}
          <h3>Features</h3>
          {features ? <FeatureTable features={features} /> : engine.status === 'error' ? <p role="alert">Could not load the engine: {engine.message}</p> : <p>Computing features…</p>}
          <DeleteOne onDelete={async () => { await onDelete([s.id]); dialog.current?.close(); }} />
        </>
      )}
    </dialog>
  );
}

/**
 * A recorded text, as text. Long texts scroll in their box, so the box takes the focus (and is named) for
 * keyboard users to scroll it (WCAG 2.1.1; axe's scrollable-region-focusable).
 */
function TextBlock({ label, testId, children }: { label: string; testId?: string; children: string }) {
  return <div class="text-block" tabIndex={0} role="region" aria-label={label} data-testid={testId}>{children}</div>;
}

/** Deleting asks once, inline, like the table's multi-select delete. */
function DeleteOne({ onDelete }: { onDelete: () => Promise<void> }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <p>
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)}>Delete this answer…</button>
      </p>
    );
  }
  return (
    <p role="group" aria-label="Confirm deletion" class="confirm">
      <span>Delete this answer for good?</span>
      <button type="button" class="button button--danger" autoFocus onClick={() => onDelete().catch((e: unknown) => setError(String(e)))}>
        Delete
      </button>
      <button type="button" class="button" onClick={() => setConfirming(false)}>Cancel</button>
      {error && <span role="alert" class="error">Could not delete: {error}</span>}
    </p>
  );
}
