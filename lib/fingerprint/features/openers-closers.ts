/**
 * Openers and closers ("Certainly!", "I hope this helps"): stock first and last moves of an answer. Dense
 * flags for a curated list (explainable), plus hashed first/last word sequences so unlisted habits count too.
 */
import { hashString } from '../hash';
import { CLOSERS, OPENERS } from '../wordlists/openers-closers';
import type { FeatureFamily } from './family';

/** How many leading/trailing words form positional tokens. */
const SPAN = 3;
const SEED_OPEN = 0x0a11ce01;
const SEED_CLOSE = 0x0a11ce02;

function startsWith(words: string[], seq: string[], at = 0): boolean {
  if (words.length < at + seq.length) return false;
  for (let i = 0; i < seq.length; i++) if (words[at + i] !== seq[i]) return false;
  return true;
}

function contains(words: string[], seq: string[]): boolean {
  for (let i = 0; i + seq.length <= words.length; i++) if (startsWith(words, seq, i)) return true;
  return false;
}

export const openersClosers: FeatureFamily = {
  id: 'openers-closers',
  version: 1,
  names: [...OPENERS.map(([n]) => `open:${n}`), ...CLOSERS.map(([n]) => `close:${n}`), 'close:question'],
  dense(a, out, o) {
    let i = o;
    for (const [, seq] of OPENERS) out[i++] = startsWith(a.firstWords, seq) ? 100 : 0;
    const last = a.lastWords;
    for (const [, seq] of CLOSERS) out[i++] = contains(last, seq) ? 100 : 0;
    out[i] = /\?\s*$/.test(a.text) ? 100 : 0;
  },
  sparse(a, sink) {
    let key = '';
    for (let i = 0; i < Math.min(SPAN, a.firstWords.length); i++) {
      key += a.firstWords[i] + ' ';
      sink.add(hashString(key, SEED_OPEN), 1);
    }
    const last = a.lastWords;
    key = '';
    for (let i = 0; i < Math.min(SPAN, last.length); i++) {
      key += last[i] + ' ';
      sink.add(hashString(key, SEED_CLOSE), 1); // how the last paragraph starts ("in summary", "i hope")
    }
    key = '';
    for (let i = Math.max(0, last.length - SPAN); i < last.length; i++) key += last[i] + ' ';
    if (key) sink.add(hashString('$' + key, SEED_CLOSE), 1);
  },
  describe(name) {
    const [kind, id] = name.split(':') as [string, string];
    if (id === 'question') return { phrase: 'ending on a question', kind: 'rate' };
    const list = kind === 'open' ? OPENERS : CLOSERS;
    const seq = list.find(([n]) => n === id)?.[1].join(' ') ?? id;
    return { phrase: kind === 'open' ? `the opener "${seq}"` : `the closer "${seq}"`, kind: 'rate' };
  },
};
