import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../lib/fingerprint';
import { DENSE_NAMES } from '../../../lib/fingerprint/features';
import { defaultTokenizer, segmenterTokenizer } from '../../../lib/fingerprint/tokenize';

describe('fingerprint features', () => {
  const table: Array<[string, string, string, number]> = [
    ['em dashes per 100 words', 'One two three four \u2014 five six seven eight nine ten.', 'punct:em-dash', 10],
    ['a rendered `--` counts as an em dash', 'One two three four -- five six seven eight nine ten.', 'punct:em-dash', 10],
    ['commas per 100 words', 'a, b, c, d', 'punct:comma', 75],
    ['bulleted lines share', 'Intro\n\n- a\n- b\n- c', 'md:bullet-lines', 75],
    ['star bullets count like dashes', 'Intro\n\n* a\n* b\n* c', 'md:bullet-lines', 75],
    ['list items led by a bold term', '- **Speed**: fast\n- **Size**: small', 'md:bold-lead-items', 100],
    ['code blocks', 'Text\n```\ncode\n```\nmore\n```js\nx\n```', 'md:code-blocks', 2],
    ['the opener "Certainly"', 'Certainly! Here is the answer.', 'open:certainly', 100],
    ['no opener "Certainly" elsewhere', 'Here is the answer. Certainly.', 'open:certainly', 0],
    ['the closer "I hope this helps"', 'Answer.\n\nI hope this helps!', 'close:hope-this-helps', 100],
    ['ending on a question', 'Want more?', 'close:question', 100],
    ['mean sentence length', 'One two three. Four five six seven eight.', 'len:sentence-mean', 4],
    ['function word "the" per 100 words', 'the cat and the dog', 'fw:the', 40],
    ['hedges per 1,000 words', 'this might work', 'hedge:might', 1000 / 3],
    ['closing summary heading', '## Intro\ntext\n## Conclusion\ntext', 'md:summary-heading', 100],
  ];
  it.each(table)('%s', (_name, text, key, expected) => {
    expect(fingerprint(text)[key]).toBeCloseTo(expected, 3);
  });

  it('returns every named feature, finite, for any input', () => {
    for (const text of ['', '\uD800', '😀😀😀', '你好，世界。今天天气很好。', 'مرحبا بالعالم', '\u200B\u200B', 'a'.repeat(10000)]) {
      const f = fingerprint(text);
      expect(Object.keys(f)).toEqual([...DENSE_NAMES]);
      for (const v of Object.values(f)) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('is deterministic', () => {
    const t = 'Sure! Here are **three** ideas:\n\n1. One\n2. Two\n\nHope this helps.';
    expect(fingerprint(t)).toEqual(fingerprint(t));
  });
});

describe('tokenizer', () => {
  it('splits Chinese into several words with Intl.Segmenter', () => {
    expect(defaultTokenizer('我们今天去北京').length).toBeGreaterThan(1);
  });
  it('agrees with the pure Intl.Segmenter tokenizer on space-delimited text', () => {
    const t = "It's a well-known fact: GPT-4 writes 3 paragraphs, doesn't it?";
    expect(defaultTokenizer(t)).toEqual(segmenterTokenizer(t));
  });
  it('can be injected', () => {
    const f = fingerprint('aaa bbb ccc', () => ['x']);
    expect(f['len:log-words']).toBeCloseTo(Math.log(2), 3);
  });
});
