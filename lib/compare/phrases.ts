/**
 * Feature names in words ("em dashes", "the word \"however\"") and a comparison of two group means as a
 * sentence: "group A uses em dashes 3.1x as often as group B". Own wording from the engine's public feature
 * names (prefix:name), so it needs no engine internals.
 */

const PUNCT: Record<string, string> = {
  comma: 'commas', period: 'full stops', semicolon: 'semicolons', colon: 'colons', exclamation: 'exclamation marks',
  question: 'question marks', 'em-dash': 'em dashes', 'spaced-em-dash': 'spaced em dashes', 'en-dash': 'en dashes',
  hyphenated: 'hyphenated words', parenthesis: 'parentheses', quote: 'quotation marks', apostrophe: 'apostrophes',
  ellipsis: 'ellipses', emoji: 'emoji', arrow: 'arrows', slash: 'slashes', ampersand: 'ampersands', digit: 'digits',
  'uppercase-word': 'all-caps words',
};

/** Features that are a size or a share rather than a habit counted per word. */
const MEASURES: Record<string, string> = {
  'len:log-words': 'answer length (log words)', 'len:sentence-mean': 'average sentence length', 'len:sentence-sd': 'spread of sentence lengths',
  'len:long-sentences': 'share of long sentences', 'len:short-sentences': 'share of short sentences', 'len:paragraph-mean': 'average paragraph length',
  'len:paragraphs': 'number of paragraphs', 'len:word-chars': 'average word length', 'len:line-chars': 'average line length',
  'vocab:mattr': 'vocabulary richness (moving type-token ratio)', 'vocab:hapax': 'share of words used once', 'vocab:long-words': 'share of long words',
  'vocab:non-latin': 'share of non-Latin words', 'md:code-share': 'share of code', 'md:blank-line-share': 'share of blank lines',
};

/** The feature in words, e.g. "em dashes", "the word \"however\"", "headings". */
export function featureWords(name: string): string {
  if (MEASURES[name]) return MEASURES[name]!;
  const colon = name.indexOf(':');
  const kind = name.slice(0, colon), key = name.slice(colon + 1).replace(/-/g, ' ');
  switch (kind) {
    case 'fw':
    case 'hedge':
    case 'sig':
      return `the word "${key}"`;
    case 'punct':
      return PUNCT[name.slice(colon + 1)] ?? key;
    case 'md':
      return `markdown ${key}`;
    case 'open':
      return `the opener "${key}"`;
    case 'close':
      return `the closer "${key}"`;
    default:
      return name;
  }
}

const fmt = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));

/** One sentence comparing the group means `a` and `b` of a feature. */
export function featurePhrase(name: string, a: number, b: number, nameA = 'group A', nameB = 'group B'): string {
  const what = featureWords(name);
  if (MEASURES[name]) {
    if (a <= 0 || b <= 0) return `${what}: ${nameA} ${a.toFixed(2)}, ${nameB} ${b.toFixed(2)}`;
    return a >= b ? `${nameA}'s ${what} is ${fmt(a / b)}x ${nameB}'s` : `${nameA}'s ${what} is ${fmt(b / a)}x smaller than ${nameB}'s`;
  }
  if (a > 0 && b <= 0) return `${nameA} uses ${what}, ${nameB} never does`;
  if (b > 0 && a <= 0) return `${nameB} uses ${what}, ${nameA} never does`;
  if (a <= 0 && b <= 0) return `neither group uses ${what}`;
  return a >= b ? `${nameA} uses ${what} ${fmt(a / b)}x as often as ${nameB}` : `${nameB} uses ${what} ${fmt(b / a)}x as often as ${nameA}`;
}
