import { useMemo } from 'preact/hooks';
import type { SampleRow } from '@/lib/dashboard/row';
import { poolGroups, type GroupKind } from '@/lib/dashboard/groups';
import type { DashboardEngine } from './dashboard-engine';
import { GroupCard } from './GroupCard';

interface Props {
  rows: SampleRow[];
  engine: DashboardEngine;
  colorOf: (family: string) => string;
}

const SECTIONS: Array<{ kind: GroupKind; title: string; intro: string }> = [
  { kind: 'site', title: 'By site', intro: 'Every answer recorded on one site, pooled into one verdict.' },
  {
    kind: 'claimed',
    title: 'By claimed model',
    intro: 'Every answer whose page named the same model, pooled, and compared with that claim.',
  },
  { kind: 'label', title: 'By your label', intro: 'Texts you saved with a label, pooled per label.' },
];

/** Pooled verdicts per site and per claimed model, each with its families over time. */
export function GroupsView({ rows, engine, colorOf }: Props) {
  const groups = useMemo(
    () => SECTIONS.map((s) => ({ ...s, groups: poolGroups(rows, s.kind, engine.pool) })),
    [rows, engine],
  );
  return (
    <section aria-labelledby="groups-heading" class="view">
      <h2 id="groups-heading">Sites &amp; models</h2>
      <p class="muted">
        One answer is weak evidence; many answers from one source, pooled, say much more. Bars show which
        families the answers resembled over time.
      </p>
      {groups.filter((section) => section.groups.length > 0).map((section) => (
        <section key={section.kind} aria-labelledby={`groups-${section.kind}`}>
          <h3 id={`groups-${section.kind}`}>{section.title}</h3>
          <p class="muted">{section.intro}</p>
          <div class="cards">
            {section.groups.map((g) => (
              <GroupCard key={g.key} group={g} pool={engine.pool} colorOf={colorOf} />
            ))}
          </div>
        </section>
      ))}
    </section>
  );
}
