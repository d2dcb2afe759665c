/** Sentence, paragraph and answer length distributions: verbosity is one of the strongest model habits. */
import type { FeatureFamily, FeatureDescription } from './family';

const DESCRIPTIONS: Record<string, FeatureDescription> = {
  'len:log-words': { phrase: 'answer length', kind: 'level', unit: 'log words' },
  'len:sentence-mean': { phrase: 'sentence length', kind: 'level', unit: 'words per sentence' },
  'len:sentence-sd': { phrase: 'variation in sentence length', kind: 'level', unit: 'words (standard deviation)' },
  'len:long-sentences': { phrase: 'long sentences (over 30 words)', kind: 'rate' },
  'len:short-sentences': { phrase: 'short sentences (under 8 words)', kind: 'rate' },
  'len:paragraph-mean': { phrase: 'paragraph length', kind: 'level', unit: 'words per paragraph' },
  'len:paragraphs': { phrase: 'number of paragraphs', kind: 'level', unit: 'paragraphs' },
  'len:word-chars': { phrase: 'word length', kind: 'level', unit: 'characters per word' },
  'len:line-chars': { phrase: 'line length', kind: 'level', unit: 'characters per line' },
};

export const lengths: FeatureFamily = {
  id: 'lengths',
  version: 1,
  names: Object.keys(DESCRIPTIONS),
  dense(a, out, o) {
    const s = a.sentenceLengths;
    let sum = 0, sq = 0, long = 0, short = 0;
    for (const n of s) { sum += n; sq += n * n; if (n > 30) long++; if (n < 8) short++; }
    const mean = s.length > 0 ? sum / s.length : 0;
    const sd = s.length > 1 ? Math.sqrt(Math.max(0, sq / s.length - mean * mean)) : 0;
    let chars = 0;
    for (const w of a.words) chars += w.length;
    const p = a.paragraphLengths;
    let pSum = 0;
    for (const n of p) pSum += n;
    let lineChars = 0, lines = 0;
    for (const l of a.lines) if (l.length > 0) { lineChars += l.length; lines++; }
    out[o] = Math.log1p(a.words.length);
    out[o + 1] = mean;
    out[o + 2] = sd;
    out[o + 3] = s.length > 0 ? (100 * long) / s.length : 0;
    out[o + 4] = s.length > 0 ? (100 * short) / s.length : 0;
    out[o + 5] = p.length > 0 ? pSum / p.length : 0;
    out[o + 6] = p.length;
    out[o + 7] = a.words.length > 0 ? chars / a.words.length : 0;
    out[o + 8] = lines > 0 ? lineChars / lines : 0;
  },
  describe: (name) => DESCRIPTIONS[name] ?? { phrase: name, kind: 'level' },
};
