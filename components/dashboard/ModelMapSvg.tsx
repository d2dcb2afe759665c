import type { MapLabel, PlacedGroup } from '@/lib/dashboard/model-map';
import { layoutLabels, type LabelRequest } from '@/lib/dashboard/label-layout';
import { formatCount } from '@/lib/display-numbers';

export const MAP_SIZE = 640;
/** Room around the unit disc for labels. */
const MARGIN = 70;
const FONT = 12;
const DOT = 5;
const SQUARE = 7;

const toX = (v: number) => MAP_SIZE / 2 + v * (MAP_SIZE / 2 - MARGIN);
// SVG y grows downwards; flip so "up" on the map is positive like in the layout.
const toY = (v: number) => MAP_SIZE / 2 - v * (MAP_SIZE / 2 - MARGIN);

interface Props {
  labels: MapLabel[];
  groups: PlacedGroup[];
  colorOf: (family: string) => string;
}

/**
 * Where every text goes: the user's groups first (they matter most), then the models; a label is moved
 * away from its point, with a leader line, when its neighbours leave no room (lib/dashboard/label-layout.ts).
 */
export function mapLabelRequests(labels: readonly MapLabel[], groups: readonly PlacedGroup[]): LabelRequest[] {
  return [
    ...groups.map((g) => ({ id: `group:${g.key}`, x: toX(g.at[0]), y: toY(g.at[1]), text: g.name, radius: SQUARE, bold: true })),
    ...labels.map((l) => ({ id: `model:${l.model}`, x: toX(l.at[0]), y: toY(l.at[1]), text: l.model, radius: DOT })),
  ];
}

function Leader({ x, y, box }: { x: number; y: number; box: { x: number; y: number; width: number; height: number } }) {
  const tx = Math.min(Math.max(x, box.x), box.x + box.width);
  const ty = Math.min(Math.max(y, box.y), box.y + box.height);
  return <line x1={x} y1={y} x2={tx} y2={ty} class="map__leader" />;
}

export function ModelMapSvg({ labels, groups, colorOf }: Props) {
  const requests = mapLabelRequests(labels, groups);
  const placed = new Map(layoutLabels(requests, { width: MAP_SIZE, height: MAP_SIZE, fontSize: FONT }).map((p) => [p.id, p] as const));
  const description =
    groups.length === 0
      ? `Map of ${labels.length} reference models; no pooled group to place yet.`
      : `Map of ${labels.length} reference models with ${groups.length} of your groups: ` +
        groups.map((g) => `${g.name} sits next to ${g.nearest}`).join('; ') +
        '. The table lists the same.';
  return (
    <figure class="map">
      <svg viewBox={`0 0 ${MAP_SIZE} ${MAP_SIZE}`} role="img" aria-label={description} class="map__svg" data-testid="model-map">
        <circle cx={MAP_SIZE / 2} cy={MAP_SIZE / 2} r={MAP_SIZE / 2 - MARGIN} class="map__frame" />
        {labels.map((l) => {
          const x = toX(l.at[0]);
          const y = toY(l.at[1]);
          const p = placed.get(`model:${l.model}`)!;
          return (
            <g key={l.model} class="map__label">
              {p.leader && <Leader x={x} y={y} box={p.box} />}
              <circle cx={x} cy={y} r={DOT} fill={colorOf(l.family)}>
                <title>{`${l.model} (${l.family})`}</title>
              </circle>
              <text x={p.textX} y={p.textY}>{l.model}</text>
            </g>
          );
        })}
        {groups.map((g) => {
          const x = toX(g.at[0]);
          const y = toY(g.at[1]);
          const p = placed.get(`group:${g.key}`)!;
          return (
            <g key={g.key} class="map__group" data-testid="map-group">
              {p.leader && <Leader x={x} y={y} box={p.box} />}
              <rect x={x - SQUARE} y={y - SQUARE} width={2 * SQUARE} height={2 * SQUARE} />
              <text x={p.textX} y={p.textY}>{g.name}</text>
              <title>{`${g.name}: ${formatCount(g.n)} answers, next to ${g.nearest}`}</title>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
