import { useState } from 'preact/hooks';
import { formatCount } from '@/lib/display-numbers';
import { LabelEditor } from './LabelEditor';

interface Props {
  count: number;
  /** How many answers the current filters match, for "select all matching". */
  matching: number;
  onSelectMatching: () => void;
  onClear: () => void;
  onDelete: () => Promise<void>;
  /** Labels (null: unlabels) every selected answer. */
  onLabel: (label: string | null) => Promise<void>;
  /** Labels in use, offered as suggestions. */
  labels: readonly string[];
}

const answers = (n: number) => `${formatCount(n)} answer${n === 1 ? '' : 's'}`;

/** Multi-select actions: label and delete. Deleting asks once, inline (no browser dialog), and says what failed. */
export function SelectionBar({ count, matching, onSelectMatching, onClear, onDelete, onLabel, labels }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (count === 0 && !error) {
    return matching > 0 ? (
      <div class="selection">
        <button type="button" class="button" onClick={onSelectMatching}>Select all {answers(matching)}</button>
      </div>
    ) : null;
  }
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      setConfirming(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="selection" data-testid="selection-bar">
      <span>{answers(count)} selected</span>
      {count < matching && <button type="button" class="button" onClick={onSelectMatching}>Select all {answers(matching)}</button>}
      <button type="button" class="button" onClick={onClear}>Clear selection</button>
      {!confirming ? (
        <button type="button" class="button button--danger" onClick={() => setConfirming(true)} disabled={count === 0}>
          Delete selected…
        </button>
      ) : (
        <span role="group" aria-label="Confirm deletion" class="confirm">
          <span>Delete {answers(count)} for good?</span>
          <button type="button" class="button button--danger" onClick={remove} disabled={busy} autoFocus>
            Delete {answers(count)}
          </button>
          <button type="button" class="button" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
        </span>
      )}
      {error && <p role="alert" class="error">Could not delete: {error}</p>}
      {count > 0 && <LabelEditor current={null} suggestions={labels} target={`the ${answers(count)}`} onSave={onLabel} />}
    </div>
  );
}
