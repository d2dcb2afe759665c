/** Shares with their intervals as horizontal bars with whiskers: the ranking's picture. */
interface Entry {
  key: string;
  label: string;
  share: number;
  low: number;
  high: number;
}

const ROW = 22, LABEL = 170, WIDTH = 520;

export function SharesChart({ title, entries }: { title: string; entries: Entry[] }) {
  const max = Math.max(0.05, ...entries.map((e) => e.high));
  const x = (v: number) => LABEL + (v / max) * (WIDTH - LABEL - 50);
  const height = entries.length * ROW + 8;
  return (
    <figure class="chart">
      <svg class="chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={title}>
        {entries.map((e, i) => (
          <g key={e.key} transform={`translate(0 ${i * ROW + 4})`}>
            <text x={LABEL - 6} y={ROW / 2 + 4} text-anchor="end" class="chart__tick">{e.label}</text>
            <rect x={LABEL} y={4} width={Math.max(1, x(e.share) - LABEL)} height={ROW - 8} fill="currentColor" opacity={0.35} />
            <line x1={x(e.low)} x2={x(e.high)} y1={ROW / 2} y2={ROW / 2} stroke="currentColor" stroke-width={2} />
            <line x1={x(e.low)} x2={x(e.low)} y1={6} y2={ROW - 6} stroke="currentColor" />
            <line x1={x(e.high)} x2={x(e.high)} y1={6} y2={ROW - 6} stroke="currentColor" />
            <text x={x(e.high) + 6} y={ROW / 2 + 4} class="chart__tick">{e.share.toFixed(2)}</text>
          </g>
        ))}
      </svg>
      <figcaption class="muted">{title}: bars are shares, whiskers the 95% bootstrap interval.</figcaption>
    </figure>
  );
}
