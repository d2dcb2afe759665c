/**
 * "Why": the engine's own sentences about which habits matched, behind a disclosure so the popup stays
 * one glance. `<details>` is keyboard operable and announced as expandable without any script.
 */
export function Explanation({ lines, summary = 'Why this verdict?' }: { lines: readonly string[]; summary?: string }) {
  if (lines.length === 0) return null;
  return (
    <details class="explanation" data-testid="explanation">
      <summary>{summary}</summary>
      <ul>
        {lines.map((line, i) => (
          // Engine text, rendered as text.
          <li key={i}>{line}</li>
        ))}
      </ul>
    </details>
  );
}
