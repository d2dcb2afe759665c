/**
 * Keys that must never reach an object of ours. `JSON.parse` makes them plain own properties, so they do
 * no harm there, but a later spread or `Object.assign` would set a prototype: refused with a clear message
 * rather than silently dropped (valibot's `record` skips them without a word).
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The dotted path of the first forbidden key inside `value`, or null. Depth-limited: records are shallow. */
export function findForbiddenKey(value: unknown, path = '', depth = 0): string | null {
  if (value === null || typeof value !== 'object' || depth > 8) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findForbiddenKey(value[i], `${path}${path ? '.' : ''}${i}`, depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    const here = `${path}${path ? '.' : ''}${key}`;
    if (FORBIDDEN.has(key)) return here;
    const hit = findForbiddenKey((value as Record<string, unknown>)[key], here, depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}
