import { useState } from 'preact/hooks';
import type { Attribution } from '@/lib/verdict/types';
import { VerdictView } from '@/components/verdict/VerdictView';
import { StorageProblemNotice } from '@/components/storage/StorageProblemNotice';
import { describeError, storageProblem, type StorageProblemKind } from '@/lib/storage-problem';
import type { PasteApi } from './paste-api';

type Result =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'error'; message: string; problem: StorageProblemKind | null }
  | { status: 'verdict'; attribution: Attribution; words: number }
  | { status: 'saved'; created: boolean };

/** Fingerprint any text without storing it, or store it with the user's label. */
export function PasteView({ api, onSaved }: { api: PasteApi; onSaved: () => void }) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [result, setResult] = useState<Result>({ status: 'idle' });
  const run = async (action: () => Promise<Result>) => {
    setResult({ status: 'busy' });
    try {
      setResult(await action());
    } catch (e) {
      setResult({ status: 'error', message: describeError(e), problem: storageProblem(e) });
    }
  };
  const empty = text.trim() === '';
  return (
    <section aria-labelledby="paste-heading" class="view">
      <h2 id="paste-heading">Paste a text</h2>
      <form class="paste" onSubmit={(e) => { e.preventDefault(); void run(async () => ({ status: 'verdict', ...(await api.attribute(text)) })); }}>
        <label for="paste-text">Text to fingerprint</label>
        <textarea id="paste-text" rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="paste-text" />
        <p class="muted" id="paste-hint">Fingerprinting stores nothing. “Save” records the text as a sample, with your label if you give one.</p>
        <div class="paste__actions">
          <button type="submit" class="button button--primary" disabled={empty || result.status === 'busy'} aria-describedby="paste-hint">
            Fingerprint without saving
          </button>
          <label>
            Label (optional, e.g. the model you know wrote it)
            <input type="text" value={label} onInput={(e) => setLabel(e.currentTarget.value)} data-testid="paste-label" />
          </label>
          <button
            type="button"
            class="button"
            disabled={empty || result.status === 'busy'}
            onClick={() => void run(async () => {
              const { created } = await api.save(text, label.trim() || null);
              onSaved();
              return { status: 'saved', created };
            })}
          >
            Save{label.trim() ? ' with label' : ''}
          </button>
        </div>
      </form>
      <div aria-live="polite" data-testid="paste-result">
        {result.status === 'busy' && <p>Working…</p>}
        {result.status === 'error' &&
          (result.problem ? (
            <StorageProblemNotice problem={result.problem} detail={result.message} />
          ) : (
            <p role="alert">Could not do that: {result.message}</p>
          ))}
        {result.status === 'verdict' && <VerdictView attribution={result.attribution} words={result.words} />}
        {result.status === 'saved' && (
          <p role="status">{result.created ? 'Saved. It is in the Samples tab.' : 'This text was already saved; nothing changed.'}</p>
        )}
      </div>
    </section>
  );
}
