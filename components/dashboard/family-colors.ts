/**
 * Family colours shared by the charts and the model map, so one vendor has one colour on every tab.
 * Okabe–Ito plus Tol's muted set: distinguishable with the common colour-vision deficiencies, and mid-
 * luminance so they read on both the light and the dark theme. Colour is never the only cue: every chart
 * has a legend and a table, every map point a text label.
 */
import { OTHER, UNDETERMINED } from '@/lib/dashboard/timeline';

export const PALETTE = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00',
  '#882255', '#44AA99', '#999933', '#AA4499', '#6699CC', '#DDCC77',
] as const;
const GREY = '#8a8f98';

/**
 * Colours by rank: the caller passes families most important first (e.g. by how many of the user's
 * answers resemble them), so the families that matter get distinct colours and only the tail repeats.
 */
export function familyColors(ranked: readonly string[]): (family: string) => string {
  const index = new Map(ranked.map((f, i) => [f, i] as const));
  return (family) => {
    if (family === OTHER || family === UNDETERMINED) return GREY;
    const i = index.get(family);
    return i === undefined ? GREY : PALETTE[i % PALETTE.length]!;
  };
}
