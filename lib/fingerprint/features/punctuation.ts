/**
 * Punctuation and typography, per 100 words. Only marks that survive rendering and canonicalisation are
 * counted: curly vs straight quotes and `--` vs `—` are merged by canonicalize(), so they are not features.
 */
import type { FeatureFamily } from './family';
import { rate } from './family';

const MARKS: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['comma', 'commas', /[,\uFF0C\u3001]/g],
  ['period', 'full stops', /[.\u3002](?!\.)/g],
  ['semicolon', 'semicolons', /[;\uFF1B]/g],
  ['colon', 'colons', /[:\uFF1A]/g],
  ['exclamation', 'exclamation marks', /[!\uFF01]/g],
  ['question', 'question marks', /[?\uFF1F]/g],
  ['em-dash', 'em dashes', /\u2014/g],
  ['spaced-em-dash', 'spaced em dashes (" — ")', / \u2014 /g],
  ['en-dash', 'en dashes', /\u2013/g],
  ['hyphenated', 'hyphenated words', /\p{L}-\p{L}/gu],
  ['parenthesis', 'parentheses', /[(\uFF08]/g],
  ['quote', 'quotation marks', /"/g],
  ['apostrophe', 'apostrophes', /\p{L}'\p{L}/gu],
  ['ellipsis', 'ellipses', /\.\.\./g],
  ['emoji', 'emoji', /\p{Extended_Pictographic}/gu],
  ['arrow', 'arrows', /[\u2190-\u21FF]|->|=>/g],
  ['slash', 'slashes', /\p{L}\/\p{L}/gu],
  ['ampersand', 'ampersands', /&/g],
  ['digit', 'digits', /\p{N}/gu],
  ['uppercase-word', 'all-caps words', /\b[A-Z]{2,}\b/g],
];

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

export const punctuation: FeatureFamily = {
  id: 'punctuation',
  version: 1,
  names: MARKS.map(([n]) => `punct:${n}`),
  dense(a, out, offset) {
    const w = a.words.length;
    for (let i = 0; i < MARKS.length; i++) out[offset + i] = rate(count(a.text, MARKS[i]![2]), w);
  },
  describe(name) {
    const m = MARKS.find(([n]) => `punct:${n}` === name);
    return { phrase: m ? m[1] : name, kind: 'rate' };
  },
};
