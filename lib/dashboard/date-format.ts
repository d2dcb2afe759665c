/**
 * Dates for the user's locale (numbers: lib/display-numbers.ts). Date formatters are cached per locale: building
 * an Intl formatter costs far more than using one, and the samples table formats 50 dates per page.
 */

const cache = new Map<string, Intl.DateTimeFormat>();

function cached(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** `undefined` means the browser's locale, which is what the pages use. */
export type Locale = string | undefined;

export function formatDateTime(ms: number, locale?: Locale): string {
  return cached(
    `dt|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(ms);
}

export function formatDate(ms: number, locale?: Locale): string {
  return cached(`d|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(ms);
}

/** Local calendar date as `yyyy-mm-dd`, the value format of `<input type="date">`. */
export function toDateInputValue(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * Parses an `<input type="date">` value as local midnight; `endOfDay` gives the last millisecond of that
 * day so a "to" filter includes the whole day. Empty or malformed input gives undefined (no bound).
 */
export function fromDateInputValue(value: string, endOfDay = false): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const start = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  if (!Number.isFinite(start)) return undefined;
  return endOfDay ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime() - 1 : start;
}
