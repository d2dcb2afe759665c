import type { ComponentChildren } from 'preact';
import { STORAGE_ADVICE, type StorageProblemKind } from '@/lib/storage-problem';
import './storage-problem.css';

/**
 * A storage problem in plain words: what happened, what it means for the answers already stored, and the
 * steps to take, in order. Shown in place of an empty list, so a broken or full store is never mistaken for
 * "no answers recorded yet". `children`: the page's own actions (the dashboard's download and reset).
 */
export function StorageProblemNotice({
  problem,
  detail,
  children,
}: {
  problem: StorageProblemKind;
  /** The browser's own words, folded away: useful in a bug report, noise for most readers. */
  detail?: string;
  children?: ComponentChildren;
}) {
  const advice = STORAGE_ADVICE[problem];
  return (
    <div class="storage-problem" role="alert" data-testid="storage-problem" data-problem={problem}>
      <p class="storage-problem__title">
        <strong>{advice.title}</strong>
      </p>
      <p>{advice.data}</p>
      <ol class="storage-problem__steps">
        {advice.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {children}
      {detail && (
        <details class="storage-problem__detail">
          <summary>What the browser said</summary>
          <p>{detail}</p>
        </details>
      )}
    </div>
  );
}
