/**
 * Strings a page gave us (a model name, a label, an address), made safe to show in the extension's own
 * labels (issue 15, failures 6 and 9): no control or bidi-override characters (a U+202E in a model slug
 * displayed the rest of the label reversed), one line, and cut to a length a label can take (a
 * 5,000-character slug made the dashboard 11 million pixels wide). Pure: shared by the background's checks
 * and the pages' components.
 */

/** C0/C1 controls and the format characters that reorder or hide text (bidi embeddings and isolates, zero-width). */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** How many characters a label shows before it is cut with "…" (the whole is in its tooltip). */
export const LABEL_CHARS = 80;

/** A page-provided label as one plain line: no control or bidi characters, spaces collapsed. */
export function plainLabel(raw: string): string {
  return raw.replace(/\s+/g, ' ').replace(CONTROLS, '').trim();
}

/** {@link plainLabel}, cut to `max` characters with "…". */
export function displayLabel(raw: string, max: number = LABEL_CHARS): string {
  const plain = plainLabel(raw);
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
