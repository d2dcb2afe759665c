/**
 * Numbers and dates for the user's locale. Formatters are cached per locale: building an Intl formatter
 * costs far more than using one, and the samples table formats hundreds of cells per page.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

/** `undefined` means the browser's locale, which is what the pages use. */
export type Locale = string | undefined;

export function formatCount(n: number, locale?: Locale): string {
  return cached(`n|${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A probability 0..1 as a whole percent ("87 %" / "87%" depending on locale); below 1 % keeps one decimal. */
export function formatPercent(p: number, locale?: Locale): string {
  const safe = Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0;
  const digits = safe > 0 && safe < 0.01 ? 1 : 0;
  return cached(
    `p${digits}|${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }),
  ).format(safe);
}

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
