import { formatPercent } from '@/lib/display-numbers';
import './verdict.css';

export interface Bar {
  key: string;
  label: string;
  p: number;
}

/**
 * Probabilities as labelled horizontal bars, largest first. The bar is decoration (aria-hidden): the
 * label and the locale-formatted percentage are the content a screen reader reads.
 */
export function ProbabilityBars({ bars, caption, max = 5 }: { bars: readonly Bar[]; caption: string; max?: number }) {
  const shown = bars.slice(0, max);
  return (
    <figure class="bars">
      <figcaption class="bars__caption">{caption}</figcaption>
      <ol class="bars__list">
        {shown.map((b, i) => (
          <li key={b.key} class={`bar${i === 0 ? ' bar--top' : ''}`} data-testid="probability-bar">
            <span class="bar__label">{b.label}</span>
            <span class="bar__track" aria-hidden="true">
              <span class="bar__fill" style={{ width: `${Math.max(0, Math.min(1, b.p)) * 100}%` }} />
            </span>
            <span class="bar__value">{formatPercent(b.p)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
