/** Upper bound of the 95% Wilson score interval of a proportion (hits of n); 1 when n = 0. */
export function wilsonUpper(hits: number, n: number): number {
  if (n <= 0) return 1;
  const z = 1.96, p = hits / n, z2 = z * z;
  return (p + z2 / (2 * n) + z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}
