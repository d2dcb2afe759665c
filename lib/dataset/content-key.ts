/**
 * The key that finds "the same answer" under another id: site, prompt and text (the issue's dedupe rule).
 * 53 bits (cyrb53): among 50,000 samples the 32-bit `contentHash` of lib/sample.ts would give a false
 * duplicate with a chance of about 1 in 4, this one about 1 in 7 million.
 */

function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The content key, or null when there is no text to compare (not kept, or left out of an export). */
export function contentKeyOf(site: string, prompt: string | null, text: string | null): string | null {
  if (text === null || text === '') return null;
  return `${site}:${cyrb53(`${prompt ?? ''}\u0000${text}`).toString(16).padStart(14, '0')}`;
}
