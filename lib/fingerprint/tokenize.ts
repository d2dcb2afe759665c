/**
 * Word tokenisation. `Intl.Segmenter` is the reference (it splits Chinese, Japanese and Thai into words), but
 * it costs ~1 µs per segment, so text in space-delimited scripts takes a regex fast path that yields the same
 * words for them; only runs of spaceless scripts go through the segmenter. Tokens are lower-cased.
 */
import type { Tokenizer } from './types';

const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}]+)*/gu;
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | null | undefined;
function getSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('und', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Words of a text through Intl.Segmenter only (the reference behaviour, slower). */
export const segmenterTokenizer: Tokenizer = (text) => {
  const seg = getSegmenter();
  if (!seg) return regexWords(text);
  const out: string[] = [];
  for (const s of seg.segment(text)) if (s.isWordLike) out.push(s.segment.toLowerCase());
  return out;
};

function regexWords(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].toLowerCase());
  return out;
}

/** Default tokenizer: regex for space-delimited scripts, Intl.Segmenter for spaceless runs (CJK, Thai...). */
export const defaultTokenizer: Tokenizer = (text) => {
  if (!SPACELESS.test(text)) return regexWords(text);
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (SPACELESS.test(w)) { for (const t of segmenterTokenizer(w)) out.push(t); }
    else out.push(w.toLowerCase());
  }
  return out;
};
