/**
 * Places text labels next to points on a chart so that no two labels overlap and no label covers a point.
 * Greedy over a fixed list of candidate positions around each point (right, left, above, below, the four
 * diagonals), first close, then further out with a leader line; the first free candidate wins, and when
 * none is free the one that overlaps least. Deterministic: the same input always gives the same picture.
 * Enough for a few dozen labels (the model map's 33 models and a handful of groups); for hundreds a
 * force or simulated-annealing placer would do better.
 */

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  id: string;
  /** The point the label names, in chart pixels. */
  x: number;
  y: number;
  text: string;
  /** Half the size of the point's mark, kept clear of every label. */
  radius: number;
  /** Bold text is wider. */
  bold?: boolean;
}

export interface PlacedLabel {
  id: string;
  box: Box;
  /** Where the text's baseline starts (text-anchor start). */
  textX: number;
  textY: number;
  /** True when the label sits away from its point and needs a line to it. */
  leader: boolean;
}

export interface LayoutOptions {
  /** Chart size; labels stay inside. */
  width: number;
  height: number;
  /** Font size in pixels; text width is estimated from it (no DOM measuring, so it runs in tests). */
  fontSize?: number;
}

/** Average advance of a character of a sans-serif face, as a share of the font size; bold a bit wider. */
const CHAR_EM = 0.6;
const BOLD_EM = 0.66;
const GAPS = [4, 16, 30, 46, 64, 84];
/** Unit directions: E, W, N, S, NE, NW, SE, SW. */
const DIRECTIONS: ReadonlyArray<readonly [number, number]> = [
  [1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1],
];

export function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The box of a label of size `w`×`h` placed in direction (dx, dy) at `gap` from a mark of `radius`. */
function candidate(l: LabelRequest, w: number, h: number, [dx, dy]: readonly [number, number], gap: number): Box {
  const off = l.radius + gap;
  const x = dx > 0 ? l.x + off : dx < 0 ? l.x - off - w : l.x - w / 2;
  const y = dy > 0 ? l.y + off : dy < 0 ? l.y - off - h : l.y - h / 2;
  return { x, y, width: w, height: h };
}

export function layoutLabels(requests: readonly LabelRequest[], options: LayoutOptions): PlacedLabel[] {
  const font = options.fontSize ?? 12;
  const h = Math.ceil(font * 1.25);
  const marks: Box[] = requests.map((r) => ({ x: r.x - r.radius, y: r.y - r.radius, width: 2 * r.radius, height: 2 * r.radius }));
  const placed: PlacedLabel[] = [];
  requests.forEach((r, index) => {
    const w = Math.ceil(r.text.length * font * (r.bold ? BOLD_EM : CHAR_EM)) + 2;
    let best: { box: Box; cost: number; gap: number } | null = null;
    for (const gap of GAPS) {
      for (const dir of DIRECTIONS) {
        const box = candidate(r, w, h, dir, gap);
        const outside =
          Math.max(0, -box.x) + Math.max(0, box.x + w - options.width) + Math.max(0, -box.y) + Math.max(0, box.y + h - options.height);
        let cost = outside * h * 10;
        for (const p of placed) cost += overlapArea(box, p.box);
        marks.forEach((m, i) => {
          if (i !== index) cost += overlapArea(box, m) * 4;
        });
        if (!best || cost < best.cost) best = { box, cost, gap };
        if (cost === 0) break;
      }
      if (best && best.cost === 0) break;
    }
    const { box, gap } = best!;
    placed.push({ id: r.id, box, textX: box.x + 1, textY: box.y + font, leader: gap > GAPS[0]! });
  });
  return placed;
}

/** Total overlap between labels, and between labels and marks: 0 for a clean picture (used by tests). */
export function clutter(requests: readonly LabelRequest[], placed: readonly PlacedLabel[]): number {
  let total = 0;
  placed.forEach((a, i) => {
    for (const b of placed.slice(i + 1)) total += overlapArea(a.box, b.box);
    requests.forEach((r, j) => {
      if (j !== i) total += overlapArea(a.box, { x: r.x - r.radius, y: r.y - r.radius, width: 2 * r.radius, height: 2 * r.radius });
    });
  });
  return total;
}
