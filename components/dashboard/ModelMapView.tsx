import { useMemo, useState } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import { poolGroups, type GroupKind } from '@/lib/dashboard/groups';
import { layoutModels, placeGroups } from '@/lib/dashboard/model-map';
import type { DashboardEngine } from './dashboard-engine';
import { ModelMapSvg } from './ModelMapSvg';
import { GroupPlacementTable } from './GroupPlacementTable';
import { MapLegend } from './MapLegend';
import { claimedName, siteName } from './display-names';

interface Props {
  rows: SampleRow[];
  engine: DashboardEngine;
  colorOf: (family: string) => string;
}

type Show = GroupKind | 'both';

/** Reference models laid out by similarity, with the user's pooled groups placed among them. */
export function ModelMapView({ rows, engine, colorOf }: Props) {
  const [show, setShow] = useState<Show>('site');
  const labels = useMemo(() => {
    // pool([]) lists every label with its family, whatever the evidence: the map needs all of them.
    const family = new Map(engine.pool([]).models.map((m) => [m.model, m.family] as const));
    return layoutModels(engine.similarityMatrix(), (m) => family.get(m) ?? 'unknown');
  }, [engine]);
  const placed = useMemo(() => {
    const kinds: GroupKind[] = show === 'both' ? ['site', 'claimed'] : [show];
    return kinds.flatMap((kind) =>
      placeGroups(
        poolGroups(rows, kind, engine.pool).map((g) => ({
          key: g.key,
          name: kind === 'site' ? siteName(g.value) : claimedName(g.value),
          pooled: g.pooled,
        })),
        labels,
      ),
    );
  }, [rows, engine, labels, show]);

  return (
    <section aria-labelledby="map-heading" class="view">
      <h2 id="map-heading">Model map</h2>
      <p class="muted">
        Each dot is a reference model; models whose answers are often mistaken for each other sit close
        together (classical multidimensional scaling of the engine's similarity matrix). Your pooled groups
        are drawn as squares where their verdicts point: between their most likely models, weighted by
        probability. Distances are approximate: a flat map cannot keep all {labels.length} models' distances exact.
      </p>
      <fieldset class="segmented">
        <legend>Place on the map</legend>
        {([['site', 'Sites'], ['claimed', 'Claimed models'], ['both', 'Both']] as const).map(([value, text]) => (
          <label key={value}>
            <input type="radio" name="map-show" value={value} checked={show === value} onChange={() => setShow(value)} />
            {text}
          </label>
        ))}
      </fieldset>
      <div class="map-layout">
        <ModelMapSvg labels={labels} groups={placed} colorOf={colorOf} />
        <div class="map-layout__side">
          <MapLegend labels={labels} colorOf={colorOf} />
          <GroupPlacementTable groups={placed} />
        </div>
      </div>
    </section>
  );
}
