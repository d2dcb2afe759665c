/**
 * Normalises a *clone* of an answer body before turndown sees it: math collapsed to its TeX source, code
 * blocks rebuilt as plain `<pre><code class="language-x">`, UI chrome removed. Never called on live nodes.
 */

/** UI chrome that is never part of an answer on any site (research §16.3-4). */
export const GENERIC_CHROME = [
  'button',
  '[role="button"]',
  '.sr-only',
  '.cdk-visually-hidden',
  '[aria-hidden="true"]',
  'svg',
  // Answer images are generated pictures or favicons with unstable signed URLs: no model-written text.
  'img',
  'script',
  'style',
  'noscript',
  'template',
] as const;

/** Attribute carrying the TeX of a collapsed formula; read by the markdown rules. */
export const MATH_ATTR = 'data-modelprint-tex';
/** Marks display (block) math. */
export const MATH_DISPLAY_ATTR = 'data-modelprint-display';

/**
 * Replaces each rendered formula with one element holding its TeX. KaTeX renders every formula three
 * times (MathML, annotation, HTML), so textContent would triplicate it (research §16.2, NL gotcha #3).
 */
export function collapseMath(root: Element): void {
  const doc = root.ownerDocument;
  const formulas = Array.from(root.querySelectorAll('.katex-display, .katex, [data-math]')).filter(
    (el) => !el.parentElement?.closest('.katex-display, .katex, [data-math]'),
  );
  for (const el of formulas) {
    const tex =
      el.getAttribute('data-math') ??
      el.querySelector('annotation[encoding="application/x-tex"]')?.textContent ??
      // Gemini renders only `.katex-html`: the visible text is the best we have.
      (el.querySelector('.katex-html') ?? el).textContent ??
      '';
    const display = el.matches('.katex-display, .math-block') || el.querySelector('math[display="block"]') !== null;
    const replacement = doc.createElement(display ? 'div' : 'span');
    replacement.setAttribute(MATH_ATTR, tex.trim());
    if (display) replacement.setAttribute(MATH_DISPLAY_ATTR, '');
    replacement.textContent = tex.trim();
    el.replaceWith(replacement);
  }
}

/** Longest header label we accept as a code language ("JavaScript", "objective-c", "python3"). */
const MAX_LANGUAGE_LENGTH = 24;

function codeLanguage(pre: Element, code: Element): string {
  const fromClass = /(?:^|\s)(?:language|lang)-([\w+#.-]+)/.exec(
    `${code.getAttribute('class') ?? ''} ${pre.querySelector('[class*="language-"]')?.getAttribute('class') ?? ''}`,
  )?.[1];
  if (fromClass) return fromClass.toLowerCase();
  const fromData = pre.getAttribute('data-language') ?? pre.querySelector('[data-language]')?.getAttribute('data-language');
  if (fromData) return fromData.trim().toLowerCase();
  // Header label (ChatGPT 2026-07: "Python" beside the copy button; 2026-01: "bash" above it), else a
  // banner just before the <pre> (DeepSeek 2026-05: "elixir" beside Copy / Download, outside the <pre>).
  const banner = pre.previousElementSibling;
  return headerLabel(pre) || (banner && /^(DIV|SPAN)$/.test(banner.nodeName) ? headerLabel(banner) : '');
}

/** The text of a code header without the code and buttons, when it is one short word. */
function headerLabel(el: Element): string {
  const header = el.cloneNode(true) as Element;
  header.querySelectorAll('code, .cm-content, .cm-editor, button, [role="button"], .sr-only').forEach((n) => n.remove());
  const label = header.textContent?.trim() ?? '';
  return label.length > 0 && label.length <= MAX_LANGUAGE_LENGTH && !/\s/.test(label) ? label.toLowerCase() : '';
}

function codeText(pre: Element): { code: Element; text: string } {
  const cm = pre.querySelector('.cm-content');
  if (cm) {
    const lines = cm.querySelectorAll('.cm-line');
    // CodeMirror 6 keeps one `.cm-line` per line (Qwen); ChatGPT's read-only viewer keeps raw text.
    const text = lines.length > 0 ? Array.from(lines, (l) => l.textContent ?? '').join('\n') : (cm.textContent ?? '');
    return { code: cm.querySelector('code') ?? cm, text };
  }
  const code = pre.querySelector('code') ?? pre;
  return { code, text: code.textContent ?? '' };
}

/** Rebuilds every outermost `<pre>` as `<pre><code class="language-x">text</code></pre>`. */
export function normaliseCodeBlocks(root: Element): void {
  const doc = root.ownerDocument;
  const blocks = Array.from(root.querySelectorAll('pre')).filter((pre) => !pre.parentElement?.closest('pre'));
  for (const pre of blocks) {
    const { code, text } = codeText(pre);
    const language = codeLanguage(pre, code);
    const newPre = doc.createElement('pre');
    const newCode = doc.createElement('code');
    if (language) newCode.className = `language-${language}`;
    newCode.textContent = text;
    newPre.appendChild(newCode);
    pre.replaceWith(newPre);
  }
}

const TRAILING_SPACE = /\s+$/;
const LEADING_PUNCTUATION = /^\s*[.,;:!?)\]]/;

/**
 * Removes an element; when it sat between a word and punctuation (a citation pill before a full stop),
 * also drops the whitespace that would otherwise become "research ." in the text.
 */
function removeTidily(el: Element): void {
  let prev = el.previousSibling;
  let next = el.nextSibling;
  el.remove();
  // Look past whitespace-only text left between neighbouring pills that are removed too.
  while (next && isBlankText(next) && next.nextSibling) next = next.nextSibling;
  if (next?.nodeType !== 3 || !LEADING_PUNCTUATION.test(next.textContent ?? '')) return;
  while (prev && isBlankText(prev)) {
    prev.textContent = '';
    prev = prev.previousSibling;
  }
  if (prev?.nodeType === 3) prev.textContent = (prev.textContent ?? '').replace(TRAILING_SPACE, '');
  next.textContent = (next.textContent ?? '').trimStart();
}

function isBlankText(node: Node): boolean {
  return node.nodeType === 3 && !node.textContent?.trim();
}

/** Removes every element matching any selector (invalid selectors are skipped). */
export function stripAll(root: Element, selectors: readonly string[]): void {
  for (const css of selectors) {
    let found: Element[];
    try {
      found = Array.from(root.querySelectorAll(css));
    } catch (error) {
      console.debug(`[ModelPrint] invalid strip selector "${css}"`, error);
      continue;
    }
    for (const el of found) if (el.isConnected || root.contains(el)) removeTidily(el);
  }
}

/**
 * Lists nested deeper than this are written at this depth. Deeper indentation says nothing about a model's
 * style, and each level re-indents everything inside it: a 500-deep list took 0.7 s to convert.
 */
export const MAX_LIST_DEPTH = 12;

const isList = (el: Element) => el.tagName === 'UL' || el.tagName === 'OL';

/**
 * The lists at list depth `depth` under `root`, in document order, found in one walk that never enters
 * them. Measuring each list's depth by climbing to the root cost a quadratic 20 ms on a 500-deep list, in
 * the task that snapshots the answer.
 */
function listsAtDepth(root: Element, depth: number): Element[] {
  const found: Element[] = [];
  // A pre-order walk with an explicit stack (children pushed last-first): a page can nest elements deeper
  // than a recursion should go.
  const stack: Array<[Element, number]> = [];
  const pushChildren = (el: Element, level: number) => {
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push([child, level]);
  };
  pushChildren(root, 0);
  while (stack.length > 0) {
    const [el, above] = stack.pop()!;
    const level = isList(el) ? above + 1 : above;
    if (level === depth && isList(el)) found.push(el);
    else pushChildren(el, level);
  }
  return found;
}

/**
 * Writes the items of every list deeper than `maxDepth` as siblings after their ancestor item at
 * `maxDepth`, in document order. Each item is rebuilt without its nested lists, and each too-deep list is
 * removed once: detaching nested subtrees item by item cost a quadratic 0.2 s on a 500-deep list.
 */
export function flattenDeepLists(root: Element, maxDepth = MAX_LIST_DEPTH): void {
  /** The last item written after each owner: two too-deep lists in one item keep their order. */
  const lastWritten = new Map<Element, Element>();
  for (const list of listsAtDepth(root, maxDepth + 1)) {
    const owner = list.parentElement?.closest('li');
    if (!owner) continue;
    const flat = Array.from(list.querySelectorAll('li'), (item) => {
      const copy = item.ownerDocument.createElement('li');
      for (const child of Array.from(item.childNodes)) {
        if (child.nodeName !== 'UL' && child.nodeName !== 'OL') copy.appendChild(child);
      }
      return copy;
    });
    list.remove();
    if (flat.length === 0) continue;
    (lastWritten.get(owner) ?? owner).after(...flat);
    lastWritten.set(owner, flat[flat.length - 1]!);
  }
}
