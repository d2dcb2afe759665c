/**
 * Numbers for people, in their locale: probabilities the verdict layer's way (never a flat 0 or 100%) and
 * counts, so the popup, the side panel, the dashboard and the CLI print the same figures.
 */

/**
 * A probability as a percentage in the user's locale. Below 1% one decimal is kept and below 0.1% it
 * says "< 0.1%", so a small number never reads as a flat 0 (which would overclaim certainty); above 99%
 * it says "> 99%", never "100%": no verdict of a style is certain.
 */
export function formatPercent(p: number, locale?: string): string {
  const f = (digits: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits });
  if (p > 0 && p < 0.001) return `< ${f(1).format(0.001)}`;
  if (p > 0.99) return `> ${f(0).format(0.99)}`;
  return f(p < 0.01 ? 1 : 0).format(p);
}

export function formatCount(n: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(n);
}
