import { useState } from 'preact/hooks';

type State = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; created: boolean } | { status: 'error'; message: string };

/** "Save this sample", with an optional label (e.g. the model a researcher knows wrote it). */
export function SaveSample({ onSave }: { onSave: (label: string | null) => Promise<{ created: boolean }> }) {
  const [label, setLabel] = useState('');
  const [state, setState] = useState<State>({ status: 'idle' });
  if (state.status === 'saved') {
    return (
      <p role="status" data-testid="save-status">
        {state.created ? 'Saved. It is listed in the dashboard.' : 'This text was already saved.'}
      </p>
    );
  }
  return (
    <form
      class="save-sample"
      onSubmit={(e) => {
        e.preventDefault();
        setState({ status: 'saving' });
        onSave(label.trim() || null).then(
          ({ created }) => setState({ status: 'saved', created }),
          (error: unknown) => setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
        );
      }}
    >
      <label for="save-label">Your label (optional)</label>
      <input
        id="save-label"
        type="text"
        value={label}
        maxLength={200}
        placeholder="e.g. the model you know wrote it"
        onInput={(e) => setLabel(e.currentTarget.value)}
      />
      <button type="submit" class="button button--primary" disabled={state.status === 'saving'}>
        Save this sample
      </button>
      {state.status === 'error' && <p role="alert">Not saved: {state.message}</p>}
    </form>
  );
}
