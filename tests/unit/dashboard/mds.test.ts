import { describe, expect, it } from 'vitest';
import { classicalMds, similarityToDistance } from '@/lib/dashboard/mds';

const dist = (p: readonly number[], q: readonly number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);

describe('similarityToDistance', () => {
  it('is 0 on the diagonal, symmetric, and grows as similarity falls', () => {
    const d = similarityToDistance([
      [1, 0.9, 0.1],
      [0.8, 1, 0.2],
      [0.1, 0.2, 1],
    ]);
    expect(d[0]![0]).toBe(0);
    expect(d[0]![1]).toBeCloseTo(d[1]![0]!, 12);
    expect(d[0]![1]!).toBeLessThan(d[0]![2]!);
    expect(d[0]![1]).toBeCloseTo(Math.sqrt(2 - 2 * 0.85), 12);
  });
});

describe('classicalMds', () => {
  const cases: Array<[string, number[][], number]> = [
    ['no points', [], 0],
    ['one point sits at the centre', [[0]], 1],
  ];
  it.each(cases)('%s', (_name, d, n) => {
    const pts = classicalMds(d);
    expect(pts).toHaveLength(n);
    for (const p of pts) expect(p).toEqual([0, 0]);
  });

  it('recovers a square up to rotation and scale', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 1],
    ];
    const d = square.map((p) => square.map((q) => dist(p, q)));
    const pts = classicalMds(d);
    const ratio = dist(pts[0]!, pts[1]!) / dist(pts[0]!, pts[2]!);
    expect(ratio).toBeCloseTo(1 / Math.SQRT2, 6);
    // scaled so the farthest point is at radius 1
    expect(Math.max(...pts.map((p) => Math.hypot(p[0], p[1])))).toBeCloseTo(1, 9);
  });

  it('keeps two tight clusters apart', () => {
    const s = [
      [1, 0.95, 0.1, 0.1],
      [0.95, 1, 0.1, 0.1],
      [0.1, 0.1, 1, 0.95],
      [0.1, 0.1, 0.95, 1],
    ];
    const pts = classicalMds(similarityToDistance(s));
    expect(dist(pts[0]!, pts[1]!)).toBeLessThan(dist(pts[0]!, pts[2]!) / 3);
    expect(dist(pts[2]!, pts[3]!)).toBeLessThan(dist(pts[1]!, pts[3]!) / 3);
  });

  it('is deterministic and finite', () => {
    const n = 29;
    const s = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? 1 : 0.2 + 0.6 * Math.abs(Math.sin(i * 7 + j * 7)) * (i % 3 === j % 3 ? 1 : 0.3))),
    );
    const a = classicalMds(similarityToDistance(s));
    const b = classicalMds(similarityToDistance(s));
    expect(a).toEqual(b);
    expect(a.flat().every(Number.isFinite)).toBe(true);
  });

  it('puts identical points at the centre instead of dividing by zero', () => {
    expect(classicalMds([[0, 0], [0, 0]])).toEqual([[0, 0], [0, 0]]);
  });
});
