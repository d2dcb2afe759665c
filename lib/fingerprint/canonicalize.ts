/**
 * Canonical text: the one normalisation applied both to corpus answers (raw markdown from APIs) and to
 * answers captured from rendered chat pages (markdown rebuilt from the DOM). Everything that a renderer or
 * a DOM-to-markdown converter may change is mapped to one form, so no feature can learn "came from the
 * corpus" vs "came from a page". See docs/fingerprint.md §Canonical text for the table and the reasons.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Invisible characters that copy/paste and renderers insert or drop at will. ZWJ/ZWNJ stay: they are part
// of emoji sequences and of Persian/Indic spelling.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F]/g;
const FENCE = /^\s*(```+|~~~+)/;
const HR = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const BULLET = /^(\s*)[*+\u2022\u2023\u25E6\u25AA-]\s+/;
const ORDERED = /^(\s*)(\d{1,3})[.)]\s+/;
const TABLE_RULE = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;

/** Normalise typography and markdown markers inside one prose line (never inside code spans). */
function inline(s: string): string {
  const parts = s.split(/(`+[^`]*`+)/);
  for (let i = 0; i < parts.length; i += 2) {
    let p = parts[i]!;
    p = p
      .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1') // turndown-style escapes
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
      .replace(/\u2026/g, '...')
      .replace(/(?<!-)--(?!-)/g, '\u2014') // smartypants: `--` renders as an em dash
      .replace(/__(?=\S)([^_\n]*?\S)__/g, '**$1**')
      .replace(/(?<![\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '*$1*')
      .replace(/ {2,}/g, ' ');
    parts[i] = p;
  }
  return parts.join('');
}

function tableRow(line: string): string {
  const cells = line.trim().replace(/^\||\|$/g, '').split('|');
  if (TABLE_RULE.test(line)) return '|' + cells.map(() => '---').join('|') + '|';
  return '| ' + cells.map((c) => inline(c.trim())).join(' | ') + ' |';
}

/** Canonical form of any text; total (never throws), idempotent. */
export function canonicalize(text: string): string {
  if (typeof text !== 'string' || text.length === 0) return '';
  let s = text.replace(LONE_SURROGATE, '\uFFFD').normalize('NFC');
  s = s.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/\t/g, '    ');
  const out: string[] = [];
  const indents: number[] = []; // open list indentation widths, to rebuild nesting as 2 spaces per level
  let inCode = false;
  for (const raw of s.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (FENCE.test(line)) {
      inCode = !inCode;
      out.push('```'); // language tags are not reliably kept by chat UIs
      continue;
    }
    if (inCode) { out.push(line); continue; }
    if (line.length === 0) { out.push(''); continue; }
    const prev = out.length > 0 ? out[out.length - 1]! : '';
    const setext = SETEXT.exec(line);
    if (setext && prev !== '' && !/^(#|-|\d+\.|\||>|```)/.test(prev)) {
      out[out.length - 1] = (setext[1]!.startsWith('=') ? '# ' : '## ') + prev;
      continue;
    }
    if (HR.test(line)) { out.push('---'); indents.length = 0; continue; }
    const atx = ATX.exec(line);
    if (atx) { out.push(atx[1] + ' ' + inline((atx[2] ?? '').trim())); indents.length = 0; continue; }
    const m = BULLET.exec(line) ?? ORDERED.exec(line);
    if (m) {
      const width = m[1]!.length;
      while (indents.length > 0 && indents[indents.length - 1]! > width) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < width) indents.push(width);
      const marker = m[2] !== undefined ? m[2] + '. ' : '- ';
      out.push('  '.repeat(indents.length - 1) + marker + inline(line.slice(m[0].length).trim()));
      continue;
    }
    const t = line.trim();
    if (!/^\s/.test(line)) indents.length = 0;
    if (t.startsWith('|')) { out.push(tableRow(t)); continue; }
    if (t.startsWith('>')) { out.push('> ' + inline(t.replace(/^>+\s*/, ''))); continue; }
    out.push(inline(t));
  }
  return dropUnrenderedBlankLines(out).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const LIST_LINE = /^\s*(?:- |\d+\. )/;

/**
 * Blank lines that a rendered page cannot give back: before a list item (chat UIs draw loose and tight
 * lists alike, and a list after a paragraph is its own block either way) and right after a heading (a
 * heading is always its own block). Markdown rebuilt from the DOM has them wherever the source had none,
 * so the canonical form has none there. Code blocks are left alone.
 */
function dropUnrenderedBlankLines(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let inCode = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '```') inCode = !inCode;
    if (line === '' && !inCode) {
      let j = i + 1;
      while (j < lines.length && lines[j] === '') j++;
      const next = lines[j];
      const prev = kept[kept.length - 1];
      if (next !== undefined && next !== '```' && LIST_LINE.test(next)) continue;
      if (prev !== undefined && prev.startsWith('#')) continue;
    }
    kept.push(line);
  }
  return kept;
}
