/**
 * One pass over canonical text that every feature family reads: lines with their markdown kind, prose words
 * and sentence lengths. Computed once per call so families never re-tokenise.
 */
import { canonicalize } from './canonicalize';
import { defaultTokenizer } from './tokenize';
import type { Tokenizer } from './types';

export type LineKind = 'blank' | 'heading' | 'bullet' | 'ordered' | 'table' | 'quote' | 'fence' | 'code' | 'hr' | 'text';

export interface Analysis {
  /** Canonical text (see canonicalize.ts). */
  text: string;
  lines: string[];
  kinds: LineKind[];
  /** Lower-cased word tokens of all non-code lines, in order. */
  words: string[];
  /** Words per sentence, over non-code lines. */
  sentenceLengths: number[];
  /** Words per paragraph (block of consecutive non-blank prose lines). */
  paragraphLengths: number[];
  /** Words of the first and of the last prose paragraph (openers and closers). */
  firstWords: string[];
  lastWords: string[];
  /** Number of characters of code (inside fences). */
  codeChars: number;
}

const SENTENCE_END = /(?<=[.!?\u3002\uFF01\uFF1F])\s+|(?<=[\u3002\uFF01\uFF1F])/;

function kindOf(line: string, inCode: boolean): LineKind {
  if (line === '```') return 'fence';
  if (inCode) return 'code';
  if (line === '') return 'blank';
  if (line === '---') return 'hr';
  const c = line.charCodeAt(0);
  if (c === 35 /* # */ && /^#{1,6} /.test(line)) return 'heading';
  const t = line.trimStart();
  if (t.startsWith('- ')) return 'bullet';
  if (/^\d{1,3}\. /.test(t)) return 'ordered';
  if (c === 124 /* | */) return 'table';
  if (c === 62 /* > */) return 'quote';
  return 'text';
}

export function analyze(raw: string, tokenize: Tokenizer = defaultTokenizer, canonical = false): Analysis {
  const text = canonical ? raw : canonicalize(raw);
  const lines = text.length > 0 ? text.split('\n') : [];
  const kinds: LineKind[] = new Array(lines.length);
  const words: string[] = [];
  const sentenceLengths: number[] = [];
  const paragraphLengths: number[] = [];
  let firstWords: string[] = [];
  let lastWords: string[] = [];
  let para: string[] = [];
  let codeChars = 0;
  let inCode = false;
  const closePara = () => {
    if (para.length === 0) return;
    paragraphLengths.push(para.length);
    if (firstWords.length === 0) firstWords = para;
    lastWords = para;
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const k = kindOf(line, inCode);
    kinds[i] = k;
    if (k === 'fence') { inCode = !inCode; closePara(); continue; }
    if (k === 'code') { codeChars += line.length + 1; continue; }
    if (k === 'blank' || k === 'hr' || k === 'heading' || k === 'table') closePara();
    if (k === 'blank' || k === 'hr') continue;
    const lineWords: string[] = [];
    for (const s of line.split(SENTENCE_END)) {
      const w = tokenize(s);
      if (w.length === 0) continue;
      sentenceLengths.push(w.length);
      for (const x of w) { words.push(x); lineWords.push(x); }
    }
    if (k === 'heading' || k === 'table') continue; // not part of a prose paragraph
    for (const x of lineWords) para.push(x);
  }
  closePara();
  return { text, lines, kinds, words, sentenceLengths, paragraphLengths, firstWords, lastWords, codeChars };
}
