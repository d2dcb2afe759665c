import type { MapLabel } from '@/lib/dashboard/model-map';
import { familyName } from '@/lib/verdict/vendor-names';

interface Props {
  labels: MapLabel[];
  colorOf: (family: string) => string;
}

/**
 * What the map's colours and shapes mean: one swatch per vendor on the map (vendors sharing the grey of
 * "other" are listed together), and the square of the user's groups.
 */
export function MapLegend({ labels, colorOf }: Props) {
  const families = [...new Set(labels.map((l) => l.family))];
  const byColor = new Map<string, string[]>();
  for (const f of families) byColor.set(colorOf(f), [...(byColor.get(colorOf(f)) ?? []), f]);
  return (
    <div class="map-legend" data-testid="map-legend">
      <h3>Legend</h3>
      <ul class="legend legend--column">
        {[...byColor].map(([color, fams]) => (
          <li key={color}>
            <span class="swatch swatch--round" style={{ background: color }} aria-hidden="true" />
            {fams.map(familyName).join(', ')} models
          </li>
        ))}
        <li>
          <span class="swatch swatch--square" aria-hidden="true" />
          your groups (sites or claimed models), placed where their pooled verdicts point
        </li>
      </ul>
    </div>
  );
}
