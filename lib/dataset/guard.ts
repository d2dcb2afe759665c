/**
 * Keys that must never reach an object of ours. `JSON.parse` makes them plain own properties, so they do
 * no harm there, but a later spread or `Object.assign` would set a prototype: refused with a clear message
 * rather than silently dropped (valibot's `record` skips them without a word).
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The keys leading to the first forbidden key inside `value` (innermost last), or null. Paths are built only on a hit. */
function forbiddenPath(value: unknown, depth: number): string[] | null {
  if (value === null || typeof value !== 'object' || depth > 8) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = forbiddenPath(value[i], depth + 1);
      if (hit !== null) return [String(i), ...hit];
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (FORBIDDEN.has(key)) return [key];
    const hit = forbiddenPath((value as Record<string, unknown>)[key], depth + 1);
    if (hit !== null) return [key, ...hit];
  }
  return null;
}

/** The dotted path of the first forbidden key inside `value`, or null. Depth-limited: records are shallow. */
export function findForbiddenKey(value: unknown): string | null {
  return forbiddenPath(value, 0)?.join('.') ?? null;
}
