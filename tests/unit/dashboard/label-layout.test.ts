import { describe, expect, it } from 'vitest';
import { MAP_SIZE, mapLabelRequests } from '@/components/dashboard/ModelMapSvg';
import { clutter, layoutLabels, overlapArea, type LabelRequest } from '@/lib/dashboard/label-layout';
import { layoutModels, placeGroups } from '@/lib/dashboard/model-map';
import { pool, similarityMatrix } from '@/lib/fingerprint';

const OPTIONS = { width: MAP_SIZE, height: MAP_SIZE, fontSize: 12 };

describe('label layout', () => {
  it.each([
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 }, 25],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 }, 0],
    [{ x: 0, y: 0, width: 10, height: 10 }, { x: 2, y: 2, width: 2, height: 2 }, 4],
  ])('overlap of %o and %o is %i', (a, b, area) => {
    expect(overlapArea(a, b)).toBe(area);
  });

  it('separates labels of points that sit on top of each other', () => {
    const crowd: LabelRequest[] = ['gemini', 'gemma', 'seed', 'mimo', 'glm'].map((text, i) => ({
      id: text,
      x: 300 + i * 3,
      y: 300 + i * 2,
      text,
      radius: 5,
    }));
    const placed = layoutLabels(crowd, OPTIONS);
    expect(clutter(crowd, placed)).toBe(0);
    expect(placed.filter((p) => p.leader).length).toBeGreaterThan(0);
  });

  it('keeps every label inside the chart', () => {
    const edge: LabelRequest[] = [{ id: 'a', x: 638, y: 2, text: 'a-long-model-name', radius: 5 }];
    const [p] = layoutLabels(edge, OPTIONS);
    expect(p!.box.x).toBeGreaterThanOrEqual(0);
    expect(p!.box.x + p!.box.width).toBeLessThanOrEqual(MAP_SIZE);
    expect(p!.box.y).toBeGreaterThanOrEqual(0);
  });

  it('lays out the real reference map with groups on top of models without any overlap', () => {
    const sim = similarityMatrix();
    const family = new Map(pool([]).models.map((m) => [m.model, m.family] as const));
    const labels = layoutModels(sim, (m) => family.get(m) ?? 'unknown');
    // Groups whose verdicts point straight at a model: their squares and names land on its dot.
    const groups = placeGroups(
      labels.slice(0, 4).map((l, i) => ({
        key: `g${i}`,
        name: ['ChatGPT', 'Claude', 'Gemini', 'DeepSeek'][i]!,
        pooled: { n: 10, models: [{ model: l.model, family: l.family, p: 1 }] },
      })),
      labels,
    );
    expect(groups).toHaveLength(4);
    const requests = mapLabelRequests(labels, groups);
    expect(clutter(requests, layoutLabels(requests, OPTIONS))).toBe(0);
  });
});
