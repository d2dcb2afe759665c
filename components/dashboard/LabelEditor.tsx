import { useState } from 'preact/hooks';

interface Props {
  /** The label the samples have now (one sample), or null. */
  current: string | null;
  /** Labels already in use, offered as suggestions so a group keeps one spelling. */
  suggestions: readonly string[];
  /** What the label applies to, for the field's name ("3 answers", "this answer"). */
  target: string;
  onSave: (label: string | null) => Promise<void>;
}

/** At most this many characters: the background refuses longer labels. */
export const MAX_LABEL = 200;

/**
 * Set, change or remove a researcher's label (e.g. the model the researcher knows wrote an answer): the
 * label is what comparisons and custom references group by. Says what failed, never silently.
 */
export function LabelEditor({ current, suggestions, target, onSave }: Props) {
  const [value, setValue] = useState(current ?? '');
  const [state, setState] = useState<{ busy: boolean; note: string | null; error: string | null }>({ busy: false, note: null, error: null });
  const listId = `label-suggestions-${target.replace(/\W+/g, '-')}`;
  const save = async (label: string | null) => {
    setState({ busy: true, note: null, error: null });
    try {
      await onSave(label);
      setState({ busy: false, note: label ? `Labelled ${target} “${label}”.` : `Removed the label of ${target}.`, error: null });
      if (label === null) setValue('');
    } catch (e) {
      setState({ busy: false, note: null, error: e instanceof Error ? e.message : String(e) });
    }
  };
  const trimmed = value.trim();
  return (
    <form
      class="label-editor"
      data-testid="label-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) void save(trimmed);
      }}
    >
      <label>
        Label for {target}{' '}
        <input
          type="text"
          value={value}
          maxLength={MAX_LABEL}
          list={listId}
          dir="auto"
          onInput={(e) => setValue(e.currentTarget.value)}
          data-testid="label-input"
        />
      </label>
      <datalist id={listId}>
        {suggestions.map((s) => <option key={s} value={s} />)}
      </datalist>
      <button type="submit" class="button" disabled={state.busy || !trimmed || trimmed === current}>Set label</button>
      {(current !== null || target !== 'this answer') && (
        <button type="button" class="button" disabled={state.busy} onClick={() => void save(null)}>Remove label</button>
      )}
      {state.note && <span role="status" class="muted">{state.note}</span>}
      {state.error && <span role="alert" class="error">Could not label: {state.error}</span>}
    </form>
  );
}
