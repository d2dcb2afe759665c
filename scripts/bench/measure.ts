/** Timing helpers of `npm run bench`: wall and CPU time of a piece of work, medians, a seeded PRNG, markdown. */
import { Writable } from 'node:stream';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

/** Wall and CPU milliseconds of one piece of work. */
export interface Cost {
  wall: number;
  cpu: number;
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

export async function measure(work: () => unknown): Promise<Cost> {
  const c0 = cpuMs();
  const t0 = performance.now();
  await work();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

export function measureSync(work: () => unknown): Cost {
  const c0 = cpuMs();
  const t0 = performance.now();
  work();
  return { wall: performance.now() - t0, cpu: cpuMs() - c0 };
}

export const medianCost = (costs: Cost[]): Cost => ({ wall: median(costs.map((c) => c.wall)), cpu: median(costs.map((c) => c.cpu)) });

/** Deterministic PRNG (mulberry32) so every bench run samples the same texts. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const fmt = (x: number, digits = 2) => x.toFixed(digits);
export const table = (head: string[], rows: (string | number)[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
export const check = (ok: boolean) => (ok ? 'yes' : '**no**');

/** A sink that discards output, so the measurement is the work, not the terminal. */
export const nullSink = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
