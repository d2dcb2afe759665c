import { describe, expect, test } from 'vitest';
import { domToMarkdown } from '@/lib/capture/dom-to-markdown';

function node(html: string): Element {
  const div = document.createElement('div');
  div.innerHTML = html;
  return div;
}

const md = (html: string, options?: Parameters<typeof domToMarkdown>[1]) => domToMarkdown(node(html), options);

/** A KaTeX formula as ChatGPT renders it: MathML + annotation + visible HTML, i.e. three copies. */
const katex = (tex: string, visible: string) =>
  `<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>${visible}</mi></mrow>` +
  `<annotation encoding="application/x-tex">${tex}</annotation></semantics></math></span>` +
  `<span class="katex-html" aria-hidden="true">${visible}</span></span>`;

describe('domToMarkdown: blocks and inline formatting', () => {
  test.each([
    ['headings are ATX', '<h1>One</h1><h3>Three</h3><h6>Six</h6>', '# One\n\n### Three\n\n###### Six'],
    ['emphasis uses * and **', '<p><strong>b</strong> <em>i</em> <code>c()</code> <del>d</del></p>', '**b** *i* `c()` ~~d~~'],
    ['no backslash escaping of model text', '<p>snake_case * 1. #tag [x]</p>', 'snake_case * 1. #tag [x]'],
    ['blockquote and rule', '<blockquote><p>quoted</p></blockquote><hr><p>after</p>', '> quoted\n\n---\n\nafter'],
    ['line breaks stay single newlines', '<p>a<br>b</p>', 'a\nb'],
    ['paragraph whitespace collapses', '<p>  a \n  b  </p>', 'a b'],
    ['empty input is empty output', '<div> <span></span> </div>', ''],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });
});

describe('domToMarkdown: lists', () => {
  test.each([
    ['tight bullets even with <p> items', '<ul><li><p>a</p></li><li><p>b</p></li></ul>', '- a\n- b'],
    ['nested bullets indent by the marker width', '<ul><li><p>a</p><ul><li><p>a1</p></li></ul></li><li>b</li></ul>', '- a\n  - a1\n- b'],
    ['ordered lists count from start', '<ol start="3"><li>c</li><li>d</li></ol>', '3. c\n4. d'],
    ['bullets under a numbered item indent by three', '<ol><li><p>x</p><ul><li>y</li></ul></li></ol>', '1. x\n   - y'],
    ['task items', '<ul><li><input type="checkbox" checked> done</li><li><input type="checkbox"> todo</li></ul>', '- [x] done\n- [ ] todo'],
    ['a list between paragraphs', '<p>Intro:</p><ul><li>a</li></ul><p>End.</p>', 'Intro:\n\n- a\n\nEnd.'],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });
});

describe('domToMarkdown: GFM tables', () => {
  test.each([
    [
      'header row and body',
      '<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table>',
      '| A | B |\n|---|---|\n| 1 | 2 |',
    ],
    [
      'alignment from align and style',
      '<table><tr><th align="left">L</th><th style="text-align: center">C</th><th align="right">R</th></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>',
      '| L | C | R |\n|:---|:---:|---:|\n| 1 | 2 | 3 |',
    ],
    [
      'pipes escaped, inline markup kept, cell newlines flattened',
      '<table><tr><th>x</th></tr><tr><td><code>a|b</code><br>next <strong>bold</strong></td></tr></table>',
      '| x |\n|---|\n| `a\\|b` next **bold** |',
    ],
    [
      'the "Copy table" button and wrappers are chrome',
      '<div class="TyagGW_tableContainer"><table><tr><th>h</th></tr><tr><td>v</td></tr></table><button aria-label="Copy table">Copy table</button></div>',
      '| h |\n|---|\n| v |',
    ],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });
});

describe('domToMarkdown: code blocks', () => {
  test.each([
    ['plain pre > code with a language class', '<pre><code class="language-ts">let a = 1;\n</code></pre>', '```ts\nlet a = 1;\n```'],
    [
      'ChatGPT 2026-01: header label and "Copy code" button',
      '<pre><div><div class="flex">bash</div><div><button aria-label="Copiar">Copiar código</button></div><div class="overflow-y-auto"><code class="whitespace-pre! language-bash"><span>ls -la\n</span></code></div></div></pre>',
      '```bash\nls -la\n```',
    ],
    [
      'ChatGPT 2026-07: CodeMirror viewer, language only in the header',
      '<pre class="overflow-visible!"><div><div class="select-none"><svg></svg>Python<button aria-label="Copy"></button><button aria-label="Run code">Run</button></div>' +
        '<div id="code-block-viewer" class="cm-editor"><div class="cm-scroller"><pre class="cm-content"><code><span>x</span><span> = </span><span>1\n</span><span>print(x)</span></code></pre></div></div></div></pre>',
      '```python\nx = 1\nprint(x)\n```',
    ],
    [
      'CodeMirror 6 editor lines (.cm-line)',
      '<pre><div class="cm-content"><div class="cm-line">a</div><div class="cm-line"></div><div class="cm-line">b</div></div></pre>',
      '```\na\n\nb\n```',
    ],
    ['a fence inside code gets a longer fence', '<pre><code>```\ninner\n```</code></pre>', '````\n```\ninner\n```\n````'],
    ['blank lines inside code survive', '<pre><code class="language-py">a\n\n\n\nb</code></pre>', '```py\na\n\n\n\nb\n```'],
    ['a long header label is not a language', '<pre><div>Some long caption text</div><code>x</code></pre>', '```\nx\n```'],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });
});

describe('domToMarkdown: links, math and chrome', () => {
  test.each([
    ['inline link', '<p>See <a href="https://a.example/x">docs</a>.</p>', 'See [docs](https://a.example/x).'],
    ['bare URL stays bare', '<p><a href="https://a.example/">https://a.example/</a></p>', 'https://a.example/'],
    ['link icon and aria-hidden decoration dropped', '<p><a href="https://a.example/">a<span aria-hidden="true"><svg></svg></span></a></p>', '[a](https://a.example/)'],
    ['inline KaTeX collapses to $tex$ once', `<p>So ${katex('E = mc^2', 'E=mc2')} holds.</p>`, 'So $E = mc^2$ holds.'],
    [
      'display KaTeX collapses to a $$ block',
      `<p>Sum:</p><span class="katex-display">${katex('\\sum_i i', 'Σi')}</span>`,
      'Sum:\n\n$$\n\\sum_i i\n$$',
    ],
    ['data-math (Gemini) is read as TeX', '<p><span class="math-inline" data-math="x^2"><span class="katex-html">x2</span></span></p>', '$x^2$'],
    ['sr-only labels dropped', '<h4 class="sr-only">ChatGPT said:</h4><p>Hi</p>', 'Hi'],
    ['buttons and role=button dropped', '<p>Hi<button>Copy</button><span role="button">Run</span></p>', 'Hi'],
    ['images (favicons, generated pictures) dropped', '<p><img src="https://x.example/favicon.ico" alt="fav">Text</p>', 'Text'],
    ['scripts and styles dropped', '<p>a</p><script>x()</script><style>p{}</style>', 'a'],
  ])('%s', (_name, html, expected) => {
    expect(md(html)).toBe(expected);
  });

  test('extra strip selectors remove site chrome, tidying the space before punctuation', () => {
    const html = '<p>Backed by research <span class="pill"><a href="https://m.example/">MDN</a></span> <span class="pill"><a href="https://w.example/">web.dev</a></span>.</p>';
    expect(md(html, { strip: ['.pill'] })).toBe('Backed by research.');
  });

  test('cleanUrl rewrites link targets', () => {
    const html = '<p><a href="https://example.com?utm_source=chatgpt.com">example.com</a></p>';
    expect(md(html, { cleanUrl: (h) => h.replace('?utm_source=chatgpt.com', '') })).toBe('[example.com](https://example.com)');
  });

  test('several nodes become separate blocks, in order, skipping empty ones', () => {
    expect(domToMarkdown([node('<p>one</p>'), node('<span></span>'), node('<p>two</p>')])).toBe('one\n\ntwo');
  });

  test('the input nodes are never modified', () => {
    const input = node(`<p>a ${katex('x', 'x')}</p><pre><div>js</div><code>1</code></pre><button>Copy</button><h4 class="sr-only">x</h4>`);
    const before = input.innerHTML;
    domToMarkdown(input, { strip: ['p'] });
    expect(input.innerHTML).toBe(before);
  });
});
