import type { PlacedGroup } from '@/lib/dashboard/model-map';
import { formatCount } from '@/lib/display-numbers';

/** The map's groups as text: what the picture shows, for screen readers and for reading exactly. */
export function GroupPlacementTable({ groups }: { groups: PlacedGroup[] }) {
  if (groups.length === 0) {
    return (
      <p class="empty" data-testid="map-no-groups">
        No pooled group to place yet: groups appear once recorded answers have a decided verdict.
      </p>
    );
  }
  return (
    <div class="table-scroll">
      <table>
        <caption>Where your groups sit</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Answers pooled</th>
            <th scope="col">Nearest reference model on the map</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={g.key}>
              <th scope="row">{g.name}</th>
              <td class="num">{formatCount(g.n)}</td>
              <td>{g.nearest}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
