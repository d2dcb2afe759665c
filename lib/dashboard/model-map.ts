/**
 * The model map: reference models laid out by classical MDS of the engine's similarity matrix, and the
 * user's pooled groups placed among them, so "site X sits next to model Y" can be seen.
 */
import type { ModelScore } from '../fingerprint/types';
import { classicalMds, similarityToDistance, type Point } from './mds';

export interface MapLabel {
  model: string;
  family: string;
  at: Point;
}

export interface PlacedGroup {
  key: string;
  name: string;
  n: number;
  at: Point;
  /** The reference model closest to the group's point on the map. */
  nearest: string;
}

/**
 * How many of a group's most probable labels decide its position. A weighted average over all 29 labels
 * would pull every group towards the centre (the tail of small probabilities adds up); the top few,
 * renormalised, keep a confident group on its model and put an ambiguous one between its candidates.
 */
export const PLACEMENT_TOP_K = 3;

export function layoutModels(
  sim: { labels: readonly string[]; matrix: readonly (readonly number[])[] },
  familyOf: (model: string) => string,
): MapLabel[] {
  const points = classicalMds(similarityToDistance(sim.matrix));
  return sim.labels.map((model, i) => ({ model, family: familyOf(model), at: points[i]! }));
}

/** Probability-weighted average of the positions of the group's top labels; null when none is on the map. */
export function placeByProbabilities(
  models: readonly ModelScore[],
  labels: readonly MapLabel[],
  topK = PLACEMENT_TOP_K,
): Point | null {
  const where = new Map(labels.map((l) => [l.model, l.at] as const));
  const top = [...models]
    .filter((m) => where.has(m.model) && Number.isFinite(m.p) && m.p > 0)
    .sort((a, b) => b.p - a.p)
    .slice(0, topK);
  const total = top.reduce((acc, m) => acc + m.p, 0);
  if (top.length === 0 || !(total > 0)) return null;
  let x = 0;
  let y = 0;
  for (const m of top) {
    const [mx, my] = where.get(m.model)!;
    x += (m.p / total) * mx;
    y += (m.p / total) * my;
  }
  return [x, y];
}

export function nearestLabel(at: Point, labels: readonly MapLabel[]): string {
  let best = labels[0]?.model ?? '';
  let bestD = Infinity;
  for (const l of labels) {
    const d = Math.hypot(l.at[0] - at[0], l.at[1] - at[1]);
    if (d < bestD) [best, bestD] = [l.model, d];
  }
  return best;
}

export function placeGroups(
  groups: ReadonlyArray<{ key: string; name: string; pooled: { n: number; models: ModelScore[] } | null }>,
  labels: readonly MapLabel[],
): PlacedGroup[] {
  return groups.flatMap((g) => {
    if (!g.pooled || g.pooled.n === 0) return [];
    const at = placeByProbabilities(g.pooled.models, labels);
    return at ? [{ key: g.key, name: g.name, n: g.pooled.n, at, nearest: nearestLabel(at, labels) }] : [];
  });
}
