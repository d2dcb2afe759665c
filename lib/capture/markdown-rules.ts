/**
 * Turndown rules that turndown's defaults get wrong for chatbot answers: tight `- ` lists (chatbots wrap
 * every list item in `<p>`, which turndown would turn into loose lists), GFM tables (written here rather
 * than adding `turndown-plugin-gfm`), strikethrough, task items, collapsed math, and cleaned links.
 */
import type TurndownService from 'turndown';
import { isUnsafeHref } from './legible';
import { MATH_ATTR, MATH_DISPLAY_ATTR } from './prepare-clone';

type Rule = TurndownService.Rule;

const indent = (text: string, width: number) => text.replace(/\n/g, `\n${' '.repeat(width)}`);

export const listItem: Rule = {
  filter: 'li',
  replacement(content, node) {
    const parent = node.parentNode as Element | null;
    let prefix = '- ';
    if (parent?.nodeName === 'OL') {
      const start = Number(parent.getAttribute('start') ?? '1');
      prefix = `${(Number.isFinite(start) ? start : 1) + Array.prototype.indexOf.call(parent.children, node)}. `;
    }
    const body = content
      .replace(/^\n+/, '')
      .replace(/\n+$/, '')
      .replace(/\n{3,}/g, '\n\n')
      // A nested list follows its item's text directly (tight), as chatbots write it.
      .replace(/\n\n(?=(?:[-*+]|\d+\.) )/g, '\n');
    return prefix + indent(body, prefix.length) + (node.nextElementSibling ? '\n' : '');
  },
};

/** Lists end with a blank line; a list nested in an item is a plain continuation line. */
export const list: Rule = {
  filter: ['ul', 'ol'],
  replacement(content, node) {
    const inItem = node.parentNode?.nodeName === 'LI';
    return inItem ? `\n${content.replace(/\n+$/, '')}\n` : `\n\n${content.replace(/\n+$/, '')}\n\n`;
  },
};

export const taskCheckbox: Rule = {
  filter: (node) => node.nodeName === 'INPUT' && node.getAttribute('type') === 'checkbox',
  replacement(_content, node) {
    const box = node.hasAttribute('checked') ? '[x]' : '[ ]';
    return /^\s/.test(node.nextSibling?.textContent ?? '') ? box : `${box} `;
  },
};

export const strikethrough: Rule = {
  filter: ['del', 's'],
  replacement: (content) => (content.trim() ? `~~${content}~~` : ''),
};

export const math: Rule = {
  filter: (node) => node.hasAttribute(MATH_ATTR),
  replacement(_content, node) {
    const tex = node.getAttribute(MATH_ATTR) ?? '';
    return node.hasAttribute(MATH_DISPLAY_ATTR) ? `\n\n$$\n${tex}\n$$\n\n` : `$${tex}$`;
  },
};

const cellText = (content: string) => content.replace(/\n+/g, ' ').replace(/\|/g, '\\|').trim();

function alignment(cell: Element): string {
  const align = (cell.getAttribute('align') ?? /text-align:\s*(\w+)/.exec(cell.getAttribute('style') ?? '')?.[1] ?? '')
    .toLowerCase();
  if (align === 'center') return ':---:';
  if (align === 'right') return '---:';
  if (align === 'left') return ':---';
  return '---';
}

/** GFM needs a header row: the first row of the table is used, whatever its cells are. */
function isFirstRow(row: Element): boolean {
  const table = row.closest('table');
  return table !== null && table.querySelector('tr') === row;
}

export const tableCell: Rule = {
  filter: ['th', 'td'],
  replacement: (content, node) => `${node.previousElementSibling ? '' : '|'} ${cellText(content)} |`,
};

export const tableRow: Rule = {
  filter: 'tr',
  replacement(content, node) {
    const row = `\n${content}`;
    if (!isFirstRow(node)) return row;
    const rule = Array.from(node.children, (cell) => alignment(cell)).join('|');
    return `${row}\n|${rule}|`;
  },
};

export const tableSection: Rule = {
  filter: ['thead', 'tbody', 'tfoot'],
  replacement: (content) => content,
};

export const table: Rule = {
  filter: 'table',
  replacement: (content) => `\n\n${content.replace(/\n+/g, '\n').trim()}\n\n`,
};

export function link(cleanUrl: (href: string) => string): Rule {
  return {
    filter: (node) => node.nodeName === 'A' && node.getAttribute('href') !== null,
    replacement(content, node) {
      const text = content.trim();
      if (!text) return '';
      // A `javascript:` target is the page's code, not the model's text: keep what the reader saw.
      if (isUnsafeHref(node.getAttribute('href') ?? '')) return text;
      const href = cleanUrl(node.getAttribute('href') ?? '');
      // An autolinked bare URL was written bare by the model.
      if (text === href || text === node.getAttribute('href')) return href;
      return `[${text}](${href.replace(/[()]/g, (c) => encodeURIComponent(c))})`;
    },
  };
}
