import { describe, expect, test } from 'vitest';
import { clonesToMarkdown, domToMarkdown, inertCopy } from '@/lib/capture/dom-to-markdown';
import { flattenDeepLists, MAX_LIST_DEPTH } from '@/lib/capture/prepare-clone';

function body(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = `<div class="markdown">${html}</div>`;
  return div;
}

describe('large answers', () => {
  test('written in runs with pauses, the markdown is the same as written in one go', async () => {
    const html = Array.from({ length: 300 }, (_, i) =>
      i % 10 === 0 ? `<h2>Part ${i}</h2><ul><li>item ${i}</li><li>item ${i + 1}</li></ul>` : `<p>Paragraph ${i} with <em>some</em> text, ${'word '.repeat(20)}end.</p>`,
    ).join('');
    const node = body(html);
    let pauses = 0;
    const sliced = await clonesToMarkdown([inertCopy(node)], {}, async () => void pauses++, 5_000);
    expect(pauses).toBeGreaterThan(5);
    expect(sliced).toBe(domToMarkdown(node));
  });

  test('a small answer is written in one run', async () => {
    let pauses = 0;
    const md = await clonesToMarkdown([inertCopy(body('<p>Short.</p><p>Answer.</p>'))], {}, async () => void pauses++);
    expect(md).toBe('Short.\n\nAnswer.');
    // One pause before preparing the copy, one after, one after converting it.
    expect(pauses).toBe(3);
  });

  test(`lists deeper than ${MAX_LIST_DEPTH} levels are written at level ${MAX_LIST_DEPTH}, every item kept in order`, () => {
    let html = '';
    for (let d = 0; d < 40; d++) html += `<ul><li>level ${d}`;
    for (let d = 0; d < 40; d++) html += '</li></ul>';
    const md = domToMarkdown(body(html));
    const lines = md.split('\n');
    expect(lines).toHaveLength(40);
    expect(lines.map((l) => l.trim())).toEqual(Array.from({ length: 40 }, (_, d) => `- level ${d}`));
    const indents = lines.map((l) => l.length - l.trimStart().length);
    expect(Math.max(...indents)).toBe(indents[MAX_LIST_DEPTH - 1]);
    expect(indents[MAX_LIST_DEPTH - 2]).toBeLessThan(indents[MAX_LIST_DEPTH - 1]!);
  });

  test('two too-deep lists in one item, and too-deep lists in different branches, keep document order', () => {
    const nest = (depth: number, inner: string) => '<ul><li>x'.repeat(depth) + inner + '</li></ul>'.repeat(depth);
    const root = body(
      nest(2, '<p>owner</p><ul><li>a1<ul><li>a2</li></ul></li></ul><ul><li>b1</li></ul>') + nest(2, '<ul><li>c1</li></ul>'),
    );
    flattenDeepLists(root, 2);
    const items = Array.from(root.querySelectorAll('li'), (li) => li.firstChild?.textContent);
    expect(items).toEqual(['x', 'x', 'a1', 'a2', 'b1', 'x', 'x', 'c1']);
    expect(root.querySelectorAll('ul ul ul')).toHaveLength(0);
  });

  test('flattenDeepLists leaves a shallow list alone', () => {
    const root = body('<ul><li>a<ul><li>b</li></ul></li></ul>');
    const before = root.innerHTML;
    flattenDeepLists(root);
    expect(root.innerHTML).toBe(before);
  });
});
