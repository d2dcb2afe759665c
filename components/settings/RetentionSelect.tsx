import { useState } from 'preact/hooks';
import { formatCount } from '@/lib/display-numbers';

const CHOICES = [0, 7, 30, 90, 365];

function label(days: number): string {
  return days === 0 ? 'Forever' : `${formatCount(days)} days`;
}

/** How long answers are kept. Changing it deletes older answers at once and says how many. */
export function RetentionSelect({ days, onChange }: { days: number; onChange: (days: number) => Promise<{ deleted: number }> }) {
  const [note, setNote] = useState<string | null>(null);
  const choices = CHOICES.includes(days) ? CHOICES : [...CHOICES, days].sort((a, b) => a - b);
  return (
    <div>
      <label for="retention">Keep recorded answers for</label>{' '}
      <select
        id="retention"
        value={String(days)}
        onChange={(e) => {
          const next = Number(e.currentTarget.value);
          onChange(next).then(
            ({ deleted }) => setNote(deleted > 0 ? `Deleted ${formatCount(deleted)} older answer${deleted === 1 ? '' : 's'}.` : null),
            (error: unknown) => setNote(`Could not apply: ${String(error)}`),
          );
        }}
      >
        {choices.map((d) => (
          <option key={d} value={String(d)}>
            {label(d)}
          </option>
        ))}
      </select>
      <p role="status" class="settings__help">
        {note}
      </p>
    </div>
  );
}
