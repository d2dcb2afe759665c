import { useMemo, useState } from 'preact/hooks';
import { formatCount } from '@/lib/display-numbers';

/** How many features the detail view lists before "show all": the fingerprint has hundreds. */
const SHOWN = 30;

const number = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 3 });

/** The answer's named stylometric features, largest first, as a table (names are the engine's). */
export function FeatureTable({ features }: { features: Record<string, number> }) {
  const [all, setAll] = useState(false);
  const sorted = useMemo(
    () => Object.entries(features).filter(([, v]) => Number.isFinite(v) && v !== 0).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || (a[0] < b[0] ? -1 : 1)),
    [features],
  );
  if (sorted.length === 0) return <p class="muted">No features: the text is empty.</p>;
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <>
      {/* It scrolls: focusable and named, so the keyboard can scroll it too. */}
      <div class="table-scroll features" tabIndex={0} role="region" aria-label="Features">
        <table data-testid="feature-table">
          <caption>
            {all ? 'All' : `The ${formatCount(shown.length)} largest of`} {formatCount(sorted.length)} non-zero features
          </caption>
          <thead>
            <tr><th scope="col">Feature</th><th scope="col">Value</th></tr>
          </thead>
          <tbody>
            {shown.map(([name, v]) => (
              <tr key={name}><th scope="row"><code>{name}</code></th><td class="num">{number.format(v)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > SHOWN && (
        <button type="button" class="button" onClick={() => setAll(!all)}>
          {all ? `Show the ${SHOWN} largest` : `Show all ${formatCount(sorted.length)}`}
        </button>
      )}
    </>
  );
}
