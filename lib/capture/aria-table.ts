/**
 * Rebuilds ARIA tables drawn with `<div>`s as real `<table>`s in a *clone*, so the markdown rules write them
 * as GFM tables. Le Chat (real page saved by 2026-05-21, `../shared/fixtures/real-dom/lechat/`) renders a
 * model's table as a CSS grid: `role="table"` holding `role="columnheader"` and `role="cell"` children with
 * no row elements, each header a sort button. Read as plain blocks, it loses its shape and its header
 * (buttons are chrome).
 */

const CELL = '[role="columnheader"], [role="rowheader"], [role="cell"], [role="gridcell"]';

/** The grid's cells row by row: from `role="row"` elements, else cut by the number of column headers. */
function rowsOf(grid: Element): Element[][] {
  const rows = Array.from(grid.querySelectorAll('[role="row"]'));
  if (rows.length > 0) return rows.map((row) => Array.from(row.querySelectorAll(CELL)));
  const cells = Array.from(grid.querySelectorAll(CELL));
  const width = cells.filter((c) => c.getAttribute('role') === 'columnheader').length;
  if (width === 0 || cells.length % width !== 0) return [];
  return Array.from({ length: cells.length / width }, (_, i) => cells.slice(i * width, (i + 1) * width));
}

/** A cell's content, with its sort or expand buttons unwrapped (their label is the header text). */
function contentOf(cell: Element): Node[] {
  cell.querySelectorAll('button, [role="button"]').forEach((button) => button.replaceWith(...Array.from(button.childNodes)));
  return Array.from(cell.childNodes);
}

export function rebuildAriaTables(root: Element): void {
  const doc = root.ownerDocument;
  const grids = Array.from(root.querySelectorAll('[role="table"], [role="grid"]')).filter(
    (grid) => !grid.parentElement?.closest('[role="table"], [role="grid"], table'),
  );
  for (const grid of grids) {
    const rows = rowsOf(grid);
    if (rows.length === 0) continue;
    const table = doc.createElement('table');
    for (const row of rows) {
      const tr = doc.createElement('tr');
      for (const cell of row) {
        const header = cell.getAttribute('role') === 'columnheader';
        const out = doc.createElement(header ? 'th' : 'td');
        out.append(...contentOf(cell));
        tr.append(out);
      }
      table.append(tr);
    }
    grid.replaceWith(table);
  }
}
