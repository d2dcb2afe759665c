import type { Timeline } from '@/lib/dashboard/timeline';
import { UNDETERMINED } from '@/lib/dashboard/timeline';
import { formatDate, formatDateTime } from '@/lib/dashboard/date-format';
import { formatCount } from '@/lib/display-numbers';
import { familyName } from './display-names';

const W = 640;
const H = 200;
const PAD = { left: 40, right: 8, top: 20, bottom: 28 };

interface Props {
  timeline: Timeline;
  colorOf: (family: string) => string;
  /** Names the chart for assistive technology, e.g. "ChatGPT". */
  title: string;
}

const unitName = { minute: 'minute', hour: 'hour', day: 'day', week: 'week', month: 'month' } as const;
/** A bar never grows wider than this, so a chart of one or two buckets does not draw one huge block. */
const MAX_BAR_W = 56;

/** A bucket's start as the chart says it: with the time for minutes and hours, the date otherwise. */
const formatStart = (ms: number, unit: Timeline['unit']) => (unit === 'minute' || unit === 'hour' ? formatDateTime(ms) : formatDate(ms));

/** Stacked bars of resembled families per time bucket, with a legend and the same numbers as a table. */
export function FamilyChart({ timeline, colorOf, title }: Props) {
  const { buckets, keys, unit } = timeline;
  if (buckets.length === 0) return null;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / buckets.length;
  const barW = Math.min(MAX_BAR_W, Math.max(2, slot * 0.75));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  // Label at most ~8 buckets so dates do not collide.
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  const label = `${title}: resembled families per ${unitName[unit]}, ${formatStart(buckets[0]!.start, unit)} to ${formatStart(buckets[buckets.length - 1]!.start, unit)}. The same numbers are in the table below.`;

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} class="chart__svg">
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} class="chart__axis" />
        <text x={PAD.left - 6} y={y(max) + 4} text-anchor="end" class="chart__tick">{formatCount(max)}</text>
        <text x={PAD.left - 6} y={y(0)} text-anchor="end" class="chart__tick">0</text>
        {buckets.map((b, i) => {
          const x = PAD.left + i * slot + (slot - barW) / 2;
          let acc = 0;
          return (
            <g key={b.start}>
              {keys.map((k) => {
                const v = b.counts[k] ?? 0;
                if (v === 0) return null;
                const top = y(acc + v);
                const h = y(acc) - top;
                acc += v;
                return (
                  <rect key={k} x={x} y={top} width={barW} height={h} fill={colorOf(k)} class={k === UNDETERMINED ? 'chart__undetermined' : undefined}>
                    <title>{`${formatStart(b.start, unit)}: ${familyName(k)} ${formatCount(v)}`}</title>
                  </rect>
                );
              })}
              {b.total > 0 && (
                <text x={x + barW / 2} y={y(b.total) - 3} text-anchor="middle" class="chart__tick chart__count" data-testid="bar-count">
                  {formatCount(b.total)}
                </text>
              )}
              {i % every === 0 && (
                <text x={x + barW / 2} y={H - 8} text-anchor="middle" class="chart__tick">{formatStart(b.start, unit)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend" aria-label="Legend">
          {keys.map((k) => (
            <li key={k}><span class="swatch" style={{ background: colorOf(k) }} aria-hidden="true" />{familyName(k)}</li>
          ))}
        </ul>
        <details class="chart__table">
          <summary>Show as table</summary>
          <div class="table-scroll">
            <table>
              <thead>
                <tr><th scope="col">{unitName[unit][0]!.toUpperCase() + unitName[unit].slice(1)} starting</th>{keys.map((k) => <th scope="col" key={k}>{familyName(k)}</th>)}<th scope="col">All</th></tr>
              </thead>
              <tbody>
                {buckets.filter((b) => b.total > 0).map((b) => (
                  <tr key={b.start}>
                    <th scope="row">{formatStart(b.start, unit)}</th>
                    {keys.map((k) => <td class="num" key={k}>{formatCount(b.counts[k] ?? 0)}</td>)}
                    <td class="num">{formatCount(b.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
