import type { MapLabel, PlacedGroup } from '@/lib/dashboard/model-map';
import { formatCount } from '@/lib/dashboard/format';

const SIZE = 640;
/** Room around the unit disc for labels. */
const MARGIN = 90;

const toX = (v: number) => SIZE / 2 + v * (SIZE / 2 - MARGIN);
// SVG y grows downwards; flip so "up" on the map is positive like in the layout.
const toY = (v: number) => SIZE / 2 - v * (SIZE / 2 - MARGIN);

interface Props {
  labels: MapLabel[];
  groups: PlacedGroup[];
  colorOf: (family: string) => string;
}

export function ModelMapSvg({ labels, groups, colorOf }: Props) {
  const description =
    groups.length === 0
      ? `Map of ${labels.length} reference models; no pooled group to place yet.`
      : `Map of ${labels.length} reference models with ${groups.length} of your groups: ` +
        groups.map((g) => `${g.name} sits next to ${g.nearest}`).join('; ') +
        '. The table below lists the same.';
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={description} class="map__svg" data-testid="model-map">
        <circle cx={SIZE / 2} cy={SIZE / 2} r={SIZE / 2 - MARGIN} class="map__frame" />
        {labels.map((l) => {
          const x = toX(l.at[0]);
          const y = toY(l.at[1]);
          const right = l.at[0] >= 0;
          return (
            <g key={l.model} class="map__label">
              <circle cx={x} cy={y} r={5} fill={colorOf(l.family)}>
                <title>{`${l.model} (${l.family})`}</title>
              </circle>
              <text x={x + (right ? 8 : -8)} y={y + 4} text-anchor={right ? 'start' : 'end'}>{l.model}</text>
            </g>
          );
        })}
        {groups.map((g) => {
          const x = toX(g.at[0]);
          const y = toY(g.at[1]);
          return (
            <g key={g.key} class="map__group" data-testid="map-group">
              <rect x={x - 7} y={y - 7} width={14} height={14} />
              <text x={x} y={y - 12} text-anchor="middle">{g.name}</text>
              <title>{`${g.name}: ${formatCount(g.n)} answers, next to ${g.nearest}`}</title>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
