/**
 * Text read from a page, made safe to show anywhere: the bidi embedding, override and isolate controls
 * (U+202A-U+202E, U+2066-U+2069) are removed, so a stored answer or a model name never renders reversed
 * or hides what follows it ("Trojan Source", issue 15), and so are the zero-width spaces the fingerprint
 * ignores anyway (U+200B, U+2060, U+FEFF). The joiners U+200C / U+200D (emoji, Indic and Persian
 * scripts) and the marks U+200E / U+200F (which reorder nothing on their own) are kept.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200B\u2060\uFEFF]/g;

export function legible(text: string): string {
  return text.replace(CONTROLS, '');
}

/** Link targets that run code or smuggle a document when followed; a capture keeps their text only. */
export function isUnsafeHref(href: string): boolean {
  // Browsers ignore leading control characters and spaces, and tabs or newlines inside the scheme.
  return /^(?:javascript|vbscript|data):/i.test(href.replace(/[\u0000-\u0020]/g, ''));
}
