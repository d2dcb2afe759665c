import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../../../lib/fingerprint';

describe('canonicalize', () => {
  const table: Array<[string, string, string]> = [
    ['curly double quotes become straight', '\u201CHello\u201D', '"Hello"'],
    ['curly apostrophes become straight', 'It\u2019s', "It's"],
    ['a rendered `--` and an em dash agree', 'a -- b', 'a \u2014 b'],
    ['an ellipsis character becomes three dots', 'wait\u2026', 'wait...'],
    ['star and plus bullets become dashes', '* one\n+ two\n\u2022 three', '- one\n- two\n- three'],
    ['nested bullets are indented two spaces per level', '- a\n    - b\n        - c', '- a\n  - b\n    - c'],
    ['ordered list markers use a dot', '1) first\n2) second', '1. first\n2. second'],
    ['underscore bold becomes star bold', 'a __bold__ word', 'a **bold** word'],
    ['underscore italics become star italics', 'an _italic_ word', 'an *italic* word'],
    ['snake_case identifiers are left alone', 'call my_func_name now', 'call my_func_name now'],
    ['setext headings become ATX headings', 'Title\n=====\n\nSub\n---', '# Title\n## Sub'],
    ['loose lists become tight, as pages draw both alike', '1. a\n\n2. b\n\n   - c\n\n3. d', '1. a\n2. b\n  - c\n3. d'],
    ['a list follows its paragraph without a blank line', 'Steps:\n\n- one\n- two\n\nDone.', 'Steps:\n- one\n- two\n\nDone.'],
    ['a heading is followed by its text without a blank line', '## Why\n\nBecause.', '## Why\nBecause.'],
    ['blank lines inside code are kept', '```\na\n\n- b\n```', '```\na\n\n- b\n```'],
    ['closing hashes of ATX headings are dropped', '## Heading ##', '## Heading'],
    ['horizontal rules are unified', 'a\n\n* * *\n\nb', 'a\n\n---\n\nb'],
    ['code fence language tags are dropped', '```python\nx = 1\n```', '```\nx = 1\n```'],
    ['code is left verbatim', '```\n  a  --  "b"\n```', '```\n  a  --  "b"\n```'],
    ['inline code keeps its quotes and dashes', 'run `a -- "b"` now', 'run `a -- "b"` now'],
    ['markdown escapes from DOM converters are removed', '1\\. not a list \\*star\\*', '1. not a list *star*'],
    ['table cells are re-padded and rules unified', '|a|b|\n|:--|--:|\n|1|2|', '| a | b |\n|---|---|\n| 1 | 2 |'],
    ['non-breaking spaces and runs of spaces collapse', 'a\u00A0\u00A0 b', 'a b'],
    ['zero-width spaces and BOM vanish', '\uFEFFa\u200Bb', 'ab'],
    ['CRLF and three blank lines become one blank line', 'a\r\n\r\n\r\n\r\nb', 'a\n\nb'],
    ['a lone surrogate becomes U+FFFD', 'a\uD800b', 'a\uFFFDb'],
    ['empty text stays empty', '', ''],
  ];
  it.each(table)('%s', (_name, input, expected) => {
    expect(canonicalize(input)).toBe(expected);
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
      const once = canonicalize(s);
      expect(canonicalize(once)).toBe(once);
    }), { numRuns: 300 });
  });

  it('never throws on non-string input', () => {
    expect(canonicalize(undefined as unknown as string)).toBe('');
    expect(canonicalize(42 as unknown as string)).toBe('');
  });
});
