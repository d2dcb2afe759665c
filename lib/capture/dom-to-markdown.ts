/**
 * Rebuilds markdown from rendered answer nodes, as close as the DOM allows to what the model wrote.
 *
 * Works on clones only, made in an inert document: the live page is never touched (research §16.4:
 * mutating the live node broke another extension's host page) and never re-runs its handlers. Runs in happy-dom and in the browser; turndown clones its input again.
 *
 * Choices that matter for stylometry (the DOM has lost the original markup, so one canonical form is used):
 * `-` bullets, tight lists, `*em*`, `**strong**`, ATX headings, `---` rules, fenced code with the language,
 * `$…$` / `$$…$$` math whatever delimiters the site used, and no backslash escaping (the goal is the
 * model's text, not a document that round-trips through a markdown renderer).
 */
import TurndownService from 'turndown';
import { rebuildAriaTables } from './aria-table';
import * as rules from './markdown-rules';
import { collapseMath, flattenDeepLists, GENERIC_CHROME, normaliseCodeBlocks, stripAll } from './prepare-clone';

export interface MarkdownOptions {
  /** Extra selectors removed from the clone (site chrome, reasoning blocks), after the generic chrome. */
  readonly strip?: readonly string[];
  /** Rewrites link targets, e.g. to drop tracking parameters a site appends. Default: unchanged. */
  readonly cleanUrl?: (href: string) => string;
}

function createService(cleanUrl: (href: string) => string): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '*',
    strongDelimiter: '**',
    br: '',
  });
  service.escape = (text: string) => text;
  service.addRule('modelprint-math', rules.math);
  service.addRule('modelprint-list-item', rules.listItem);
  service.addRule('modelprint-list', rules.list);
  service.addRule('modelprint-task', rules.taskCheckbox);
  service.addRule('modelprint-strike', rules.strikethrough);
  service.addRule('modelprint-table-cell', rules.tableCell);
  service.addRule('modelprint-table-row', rules.tableRow);
  service.addRule('modelprint-table-section', rules.tableSection);
  service.addRule('modelprint-table', rules.table);
  service.addRule('modelprint-link', rules.link(cleanUrl));
  return service;
}

const identity = (href: string) => href;

const inertDocuments = new WeakMap<Document, Document>();

/**
 * A document without a browsing context, one per page: nodes imported into it load no image, compile no
 * `onerror` / `ontoggle` handler and run no script. A clone made in the page itself did all three, about
 * 1.7 s after load, and re-fetched third-party images the page had already loaded (issue 15, failure 4).
 */
function inertDocument(page: Document): Document {
  let inert = inertDocuments.get(page);
  if (!inert) inertDocuments.set(page, (inert = page.implementation.createHTMLDocument('')));
  return inert;
}

/**
 * A copy of `node` owned by an inert document, inside a detached wrapper (so that the node itself can be
 * rebuilt, a body that *is* a `<pre>`, or stripped). What the page shows now, whatever it does next; cheap
 * (a deep import), so that a capture can take it at once and prepare it in a later task.
 */
export function inertCopy(node: Element): Element {
  const inert = inertDocument(node.ownerDocument);
  const wrapper = inert.createElement('div');
  wrapper.appendChild(inert.importNode(node, true));
  return wrapper;
}

/** Collapses math, rebuilds tables and code blocks, flattens deep lists and removes chrome, in place. */
export function prepareCopy(copy: Element, strip: readonly string[] = []): Element {
  collapseMath(copy);
  rebuildAriaTables(copy);
  normaliseCodeBlocks(copy);
  flattenDeepLists(copy);
  stripAll(copy, [...GENERIC_CHROME, ...strip]);
  return copy;
}

/**
 * A clone of `node` with math collapsed, code blocks rebuilt and chrome removed, owned by an inert
 * document (turndown's own clone of it stays there too).
 */
export function cleanClone(node: Element, strip: readonly string[] = []): Element {
  return prepareCopy(inertCopy(node), strip);
}

/**
 * Markdown for one or more answer nodes (joined as separate blocks, in the order given). Returns '' for
 * nodes with no text. Never modifies the nodes.
 */
export function domToMarkdown(nodes: Element | readonly Element[], options: MarkdownOptions = {}): string {
  const list = Array.isArray(nodes) ? (nodes as readonly Element[]) : [nodes as Element];
  const service = createService(options.cleanUrl ?? identity);
  return list
    .map((node) => service.turndown(cleanClone(node, options.strip) as HTMLElement))
    .map((md) => tidy(md))
    .filter((md) => md.length > 0)
    .join('\n\n');
}

/**
 * Characters of blocks converted between two pauses by {@link clonesToMarkdown}: about 10 ms of turndown
 * on a slow laptop. A 1 MB answer converted in one go took 400 ms of the page's main thread.
 */
export const MARKDOWN_CHUNK_CHARS = 20_000;

/**
 * The markdown of inert copies (from {@link inertCopy}), as {@link domToMarkdown} writes it, prepared then
 * converted a run of top-level blocks at a time, with `pause()` awaited after each step, so that a huge
 * answer never holds the page's main thread: a 1 MB answer converted in one go took 400 ms, and a 500-deep
 * list prepared in the task that copied it 35 ms. An answer under `chunkChars` is converted in one step.
 */
export async function clonesToMarkdown(
  copies: readonly Element[],
  options: MarkdownOptions,
  pause: () => Promise<void>,
  chunkChars = MARKDOWN_CHUNK_CHARS,
): Promise<string> {
  const service = createService(options.cleanUrl ?? identity);
  const parts: string[] = [];
  for (const copy of copies) {
    // A task of its own: it would otherwise follow, in one task, whatever came before (the previous
    // answer's last run and its send, 1 MB serialised).
    await pause();
    prepareCopy(copy, options.strip);
    await pause();
    for (const run of blockRuns(copy, chunkChars)) {
      const md = tidy(service.turndown(run as HTMLElement));
      if (md) parts.push(md);
      await pause();
    }
  }
  return parts.join('\n\n');
}

/** Elements turndown puts on their own lines: a run may end before one without changing the output. */
const BLOCK = /^(?:P|DIV|UL|OL|PRE|TABLE|BLOCKQUOTE|H[1-6]|HR|SECTION|ARTICLE|DETAILS|FIGURE|DL)$/;

/**
 * Splits a large clean clone into detached wrappers of consecutive top-level blocks of about `chunkChars`
 * characters each, one wrapper at a time as the caller asks for it: cutting a 1 MB answer into all its
 * runs at once took 40 ms in one task. The blocks are those of the innermost single container (the
 * answer's own `<div>`). Splits only fall between two block elements, where turndown would write a blank
 * line anyway.
 */
function* blockRuns(clone: Element, chunkChars: number): Generator<Element> {
  if ((clone.textContent?.length ?? 0) <= chunkChars) {
    yield clone;
    return;
  }
  let container = clone;
  while (container.children.length === 1 && container.firstElementChild!.tagName === 'DIV' && !ownText(container)) {
    container = container.firstElementChild!;
  }
  let run = clone.ownerDocument.createElement('div');
  let size = 0;
  let previousIsBlock = false;
  // Each node is moved out of the container as it joins a run, so the next one is always its first child.
  for (let node = container.firstChild; node; node = container.firstChild) {
    const isBlock = node.nodeType === 1 && BLOCK.test((node as Element).tagName);
    if (size >= chunkChars && isBlock && previousIsBlock) {
      yield run;
      run = clone.ownerDocument.createElement('div');
      size = 0;
    }
    if (node.nodeType === 3 && !node.textContent?.trim()) {
      run.appendChild(node);
      continue;
    }
    size += node.textContent?.length ?? 0;
    previousIsBlock = isBlock;
    run.appendChild(node);
  }
  yield run;
}

function ownText(el: Element): boolean {
  return Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
}

/** Trailing spaces and runs of blank lines are rendering artefacts, except inside code fences. */
function tidy(markdown: string): string {
  const out: string[] = [];
  let inFence = false;
  let blank = 0;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) {
      out.push(line);
      blank = 0;
      continue;
    }
    const trimmed = line.replace(/[ \t]+$/, '');
    blank = trimmed === '' ? blank + 1 : 0;
    if (blank <= 1) out.push(trimmed);
  }
  return out.join('\n').trim();
}
