/**
 * Markdown habits: how an answer is laid out. Counted on canonical lines, so `*` vs `-` bullets, `__` vs `**`
 * and heading styles are already merged; what remains is whether a model uses the structure at all.
 */
import type { Analysis } from '../analysis';
import type { FeatureFamily } from './family';
import { rate } from './family';

const FEATURES: ReadonlyArray<readonly [string, string, 'rate' | 'level']> = [
  ['heading-lines', 'heading lines (% of lines)', 'rate'],
  ['bullet-lines', 'bulleted lines (% of lines)', 'rate'],
  ['ordered-lines', 'numbered-list lines (% of lines)', 'rate'],
  ['nested-list-lines', 'nested list lines (% of lines)', 'rate'],
  ['table-lines', 'table lines (% of lines)', 'rate'],
  ['quote-lines', 'block quotes (% of lines)', 'rate'],
  ['code-blocks', 'code blocks', 'level'],
  ['code-share', 'code (% of characters)', 'rate'],
  ['hr', 'horizontal rules', 'level'],
  ['bold', 'bold spans per 100 words', 'rate'],
  ['italic', 'italic spans per 100 words', 'rate'],
  ['inline-code', 'inline code spans per 100 words', 'rate'],
  ['links', 'links per 100 words', 'rate'],
  ['bold-lead-items', 'list items that start with a bold term (% of items)', 'rate'],
  ['colon-lead-items', 'list items with a "Term:" lead (% of items)', 'rate'],
  ['bold-headings', 'headings wrapped in bold (% of headings)', 'rate'],
  ['bold-line-headings', 'bold-only lines used as headings (% of lines)', 'rate'],
  ['h1', 'top-level "#" headings', 'level'],
  ['h3plus', '"###" or deeper headings', 'level'],
  ['starts-with-heading', 'answers that open with a heading', 'rate'],
  ['summary-heading', 'closing "Summary"/"Conclusion" sections', 'rate'],
  ['blank-line-share', 'blank lines (% of lines)', 'rate'],
];

function compute(a: Analysis, out: Float64Array, o: number): void {
  let nonBlank = 0, heading = 0, bullet = 0, ordered = 0, nested = 0, table = 0, quote = 0, fences = 0, hr = 0, blank = 0;
  let boldLead = 0, colonLead = 0, boldHead = 0, boldLine = 0, h1 = 0, h3 = 0, summary = 0;
  for (let i = 0; i < a.lines.length; i++) {
    const k = a.kinds[i]!;
    const line = a.lines[i]!;
    if (k === 'blank') { blank++; continue; }
    if (k === 'fence') { fences++; continue; }
    if (k === 'code') continue;
    nonBlank++;
    if (k === 'heading') {
      heading++;
      if (line.startsWith('# ')) h1++;
      if (line.startsWith('###')) h3++;
      if (/^#+ \*\*.*\*\*$/.test(line)) boldHead++;
      if (/summary|conclusion|takeaway|tl;?dr|final thoughts/i.test(line)) summary = 1;
    } else if (k === 'bullet' || k === 'ordered') {
      if (k === 'bullet') bullet++; else ordered++;
      if (line.startsWith(' ')) nested++;
      const body = line.replace(/^\s*(?:-|\d+\.) /, '');
      if (body.startsWith('**')) boldLead++;
      if (/^[^.!?]{1,60}:/.test(body.replace(/\*\*/g, ''))) colonLead++;
    } else if (k === 'table') table++;
    else if (k === 'quote') quote++;
    else if (k === 'hr') hr++;
    else if (k === 'text' && /^\*\*[^*]+\*\*:?$/.test(line)) boldLine++;
  }
  const items = bullet + ordered;
  const w = a.words.length;
  const lines = nonBlank + blank;
  const count = (re: RegExp) => (a.text.match(re) ?? []).length;
  const first = a.kinds.findIndex((k) => k !== 'blank');
  const v = [
    rate(heading, nonBlank), rate(bullet, nonBlank), rate(ordered, nonBlank), rate(nested, nonBlank),
    rate(table, nonBlank), rate(quote, nonBlank), Math.floor(fences / 2), rate(a.codeChars, a.text.length), hr,
    rate(count(/\*\*[^*\n]+\*\*/g), w), rate(count(/(?<![*\w])\*(?!\s)[^*\n]+(?<!\s)\*(?![*\w])/g), w),
    rate(count(/`[^`\n]+`/g), w), rate(count(/\]\([^)\s]+\)|https?:\/\//g), w),
    rate(boldLead, items), rate(colonLead, items), rate(boldHead, heading), rate(boldLine, nonBlank), h1, h3,
    first >= 0 && a.kinds[first] === 'heading' ? 100 : 0, summary * 100, rate(blank, lines),
  ];
  for (let i = 0; i < v.length; i++) out[o + i] = v[i]!;
}

export const markdown: FeatureFamily = {
  id: 'markdown',
  version: 1,
  names: FEATURES.map(([n]) => `md:${n}`),
  dense: compute,
  describe(name) {
    const f = FEATURES.find(([n]) => `md:${n}` === name);
    return f ? { phrase: f[1], kind: f[2] } : { phrase: name, kind: 'rate' };
  },
};
