/**
 * A plain note on what small groups can show. Bands from docs/comparison.md (npm run eval:compare): the power
 * of the test at 10, 25 and 50 answers per group for pairs of different labels and different families.
 */

/** Below this many answers in the smaller group, a note is shown. */
export const POWER_NOTE_BELOW = 50;

export function powerNote(nA: number, nB: number): string | null {
  const small = Math.min(nA, nB);
  const sizes = `with ${nA} and ${nB} answers`;
  if (small < 10) return `With so few answers (${nA} and ${nB}), only very large differences can be seen; "no difference found" means little.`;
  if (small < 25) return `${cap(sizes)}, only large differences can be seen (such as between vendors); close relatives often look alike.`;
  if (small < POWER_NOTE_BELOW) return `${cap(sizes)}, moderate differences can be missed; more answers per group make the test sharper.`;
  return null;
}

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
