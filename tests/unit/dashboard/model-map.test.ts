import { describe, expect, it } from 'vitest';
import {
  layoutModels,
  nearestLabel,
  placeByProbabilities,
  placeGroups,
  type MapLabel,
} from '@/lib/dashboard/model-map';

const labels: MapLabel[] = [
  { model: 'a', family: 'fa', at: [-1, 0] },
  { model: 'b', family: 'fa', at: [1, 0] },
  { model: 'c', family: 'fc', at: [0, 1] },
  { model: 'd', family: 'fd', at: [0, -1] },
];
const m = (model: string, p: number) => ({ model, family: 'f', p });

describe('placeByProbabilities', () => {
  const cases: Array<[string, Array<ReturnType<typeof m>>, readonly [number, number] | null]> = [
    ['a certain group sits on its model', [m('a', 1)], [-1, 0]],
    ['an even split sits halfway', [m('a', 0.5), m('b', 0.5)], [0, 0]],
    ['weights follow probability', [m('a', 0.75), m('b', 0.25)], [-0.5, 0]],
    ['only the top three count, renormalised', [m('a', 0.4), m('c', 0.3), m('d', 0.3), m('b', 0.0001)], [-0.4, 0]],
    ['labels missing from the map are ignored', [m('zz', 0.9), m('c', 0.1)], [0, 1]],
    ['nothing placeable gives null', [m('zz', 1)], null],
    ['zero probabilities give null', [m('a', 0)], null],
  ];
  it.each(cases)('%s', (_name, models, want) => {
    const got = placeByProbabilities(models, labels);
    if (want === null) expect(got).toBeNull();
    else {
      expect(got![0]).toBeCloseTo(want[0], 9);
      expect(got![1]).toBeCloseTo(want[1], 9);
    }
  });
});

describe('nearestLabel and placeGroups', () => {
  it('names the closest model', () => {
    expect(nearestLabel([0.2, 0.7], labels)).toBe('c');
  });

  it('places pooled groups and skips groups without evidence', () => {
    const placed = placeGroups(
      [
        { key: 'site:x', name: 'X', pooled: { n: 4, models: [m('b', 0.8), m('c', 0.2)] } },
        { key: 'site:y', name: 'Y', pooled: { n: 0, models: [m('a', 1)] } },
        { key: 'site:z', name: 'Z', pooled: null },
      ],
      labels,
    );
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ key: 'site:x', name: 'X', n: 4, nearest: 'b' });
  });
});

describe('layoutModels', () => {
  it('keeps similar models together and attaches families', () => {
    const laid = layoutModels(
      {
        labels: ['gpt-a', 'gpt-b', 'claude-a'],
        matrix: [
          [1, 0.9, 0.1],
          [0.9, 1, 0.1],
          [0.1, 0.1, 1],
        ],
      },
      (model) => model.split('-')[0]!,
    );
    expect(laid.map((l) => l.family)).toEqual(['gpt', 'gpt', 'claude']);
    const d = (i: number, j: number) => Math.hypot(laid[i]!.at[0] - laid[j]!.at[0], laid[i]!.at[1] - laid[j]!.at[1]);
    expect(d(0, 1)).toBeLessThan(d(0, 2));
  });
});
