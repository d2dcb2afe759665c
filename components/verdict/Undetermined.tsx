import { reasonText } from '@/lib/verdict/reason-text';

/** The "undetermined" state: the engine abstained, and says why. Never shown as a low-confidence guess. */
export function Undetermined({ reason, words }: { reason: string | null; words?: number }) {
  return (
    <div class="undetermined" role="status" data-testid="undetermined">
      <p class="undetermined__title">
        <strong>Undetermined</strong>
      </p>
      <p class="undetermined__reason">{reasonText(reason)}</p>
      {reason === 'too-short' && words !== undefined && (
        <p class="undetermined__hint">
          This answer has {words} word{words === 1 ? '' : 's'}. Longer answers, or several answers of the same
          conversation pooled together, give a verdict.
        </p>
      )}
    </div>
  );
}
