import { describe, expect, test } from 'vitest';
import { cleanClone, domToMarkdown } from '@/lib/capture/dom-to-markdown';
import { isUnsafeHref, legible } from '@/lib/capture/legible';

function body(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

describe('legible text from hostile pages', () => {
  test.each([
    ['pay\u200Bload', 'payload'],
    ['\u202Egnp.exe\u202C', 'gnp.exe'],
    ['\u2066isolated\u2069 \u202Aembedded\u202C', 'isolated embedded'],
    ['zero\u2060width\uFEFF', 'zerowidth'],
    ['👨\u200D👩\u200D👧 \u200Cنمی\u200Cخواهم \u200Eltr\u200F', '👨\u200D👩\u200D👧 \u200Cنمی\u200Cخواهم \u200Eltr\u200F'],
  ])('legible(%j) is %j', (input, expected) => expect(legible(input)).toBe(expected));

  test.each([
    ['javascript:alert(1)', true],
    ['JaVaScRiPt:alert(1)', true],
    [' \tjava\nscript:alert(1)', true],
    ['vbscript:msgbox', true],
    ['data:text/html,<script>', true],
    ['https://example.com/javascript:', false],
    ['/relative', false],
    ['mailto:a@b.c', false],
  ])('isUnsafeHref(%j) is %s', (href, unsafe) => expect(isUnsafeHref(href)).toBe(unsafe));

  test('a javascript: link keeps its text and loses its target; a web link is kept', () => {
    const md = domToMarkdown(body('<p>Try <a href="javascript:steal()">this</a> or <a href="https://example.com/">that</a>.</p>'));
    expect(md).toBe('Try this or [that](https://example.com/).');
  });

  test("the clone is owned by an inert document, never the page's, so no handler or image of it runs", () => {
    const live = body('<p>Text <img src="x" onerror="1"></p>');
    document.body.appendChild(live);
    const clone = cleanClone(live);
    expect(clone.ownerDocument).not.toBe(document);
    expect(clone.ownerDocument.defaultView).toBeNull();
    expect(domToMarkdown(live)).toBe('Text');
    live.remove();
  });
});
