import { useEffect, useState } from 'preact/hooks';
import type { PendingSelection } from '@/lib/messaging/protocol';
import type { Attribution } from '@/lib/verdict/types';
import { SaveSample } from './SaveSample';
import { VerdictView } from './VerdictView';
import './verdict-page.css';

export interface VerdictPageApi {
  /** The selection handed over by the context menu, or null when it is gone (browser restarted). */
  selection(id: string): Promise<PendingSelection | null>;
  attribute(text: string): Promise<{ attribution: Attribution; words: number }>;
  save(input: { text: string; label: string | null; sourceUrl: string | null }): Promise<{ id: string; created: boolean }>;
}

type Result = { status: 'idle' } | { status: 'working' } | { status: 'error'; message: string } | { status: 'done'; attribution: Attribution; words: number; text: string };

/**
 * The verdict of a selected (or pasted) text, shown without storing anything; "Save this sample" stores
 * it on request. The text is edited in a textarea and shown only as text.
 */
export function VerdictPage({ selectionId, api }: { selectionId: string | null; api: VerdictPageApi }) {
  const [source, setSource] = useState<PendingSelection | null>(null);
  const [missing, setMissing] = useState(false);
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>({ status: 'idle' });

  const run = (t: string) => {
    if (!t.trim()) return;
    setResult({ status: 'working' });
    api.attribute(t).then(
      (r) => setResult({ status: 'done', ...r, text: t }),
      (error: unknown) => setResult({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  };

  useEffect(() => {
    if (!selectionId) return;
    api.selection(selectionId).then(
      (s) => {
        if (!s) return setMissing(true);
        setSource(s);
        setText(s.text);
        run(s.text);
      },
      (error: unknown) => setResult({ status: 'error', message: String(error) }),
    );
  }, [selectionId]);

  return (
    <main class="verdict-page">
      <h1>ModelPrint: which model does this text resemble?</h1>
      {missing && (
        <p role="alert" data-testid="selection-missing">
          The selected text is no longer available (it is kept only until the browser closes). Select it again, or
          paste it below.
        </p>
      )}
      {source && (source.pageTitle || source.pageUrl) && (
        <p class="verdict-page__source">
          Selected on <cite>{source.pageTitle || source.pageUrl}</cite>
        </p>
      )}
      <form
        class="verdict-page__form"
        onSubmit={(e) => {
          e.preventDefault();
          run(text);
        }}
      >
        <label for="verdict-text">Text</label>
        <textarea id="verdict-text" rows={8} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="verdict-text" />
        <button type="submit" class="button" disabled={!text.trim()}>
          Fingerprint this text
        </button>
      </form>
      <section aria-live="polite" aria-labelledby="verdict-result">
        <h2 id="verdict-result">Verdict</h2>
        {result.status === 'idle' && <p class="verdict-page__note">Nothing is stored unless you save it.</p>}
        {result.status === 'working' && <p>Comparing…</p>}
        {result.status === 'error' && <p role="alert">Could not compute a verdict: {result.message}</p>}
        {result.status === 'done' && (
          <>
            <VerdictView attribution={result.attribution} words={result.words} />
            <SaveSample
              key={result.text}
              onSave={(label) => api.save({ text: result.text, label, sourceUrl: source?.pageUrl ?? null })}
            />
          </>
        )}
      </section>
    </main>
  );
}
