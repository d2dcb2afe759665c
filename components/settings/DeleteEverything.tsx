import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount } from '@/lib/display-numbers';

type Step = 'idle' | 'confirm' | 'deleting' | { deleted: number } | { error: string };

/**
 * Delete every recorded answer, after an explicit confirmation in the page (not `window.confirm`, which
 * extension popups and side panels do not show reliably). Focus moves to the confirmation so keyboard and
 * screen reader users land on it.
 */
export function DeleteEverything({ onDelete }: { onDelete: () => Promise<{ deleted: number }> }) {
  const [step, setStep] = useState<Step>('idle');
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);

  if (step === 'confirm' || step === 'deleting') {
    return (
      <div class="delete-all" role="group" aria-labelledby="delete-all-q">
        <p id="delete-all-q">
          <strong>Delete every recorded answer and verdict?</strong> This cannot be undone. Settings are kept.
        </p>
        <button
          ref={confirmRef}
          type="button"
          class="button button--danger"
          disabled={step === 'deleting'}
          onClick={() => {
            setStep('deleting');
            onDelete().then(
              ({ deleted }) => setStep({ deleted }),
              (error: unknown) => setStep({ error: String(error) }),
            );
          }}
        >
          Yes, delete everything
        </button>{' '}
        <button type="button" class="button" onClick={() => setStep('idle')}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <div class="delete-all">
      <button type="button" class="button button--danger" onClick={() => setStep('confirm')}>
        Delete everything…
      </button>
      {typeof step === 'object' && (
        <p role="status" data-testid="delete-status">
          {'deleted' in step ? `Deleted ${formatCount(step.deleted)} answer${step.deleted === 1 ? '' : 's'}.` : `Not deleted: ${step.error}`}
        </p>
      )}
    </div>
  );
}
