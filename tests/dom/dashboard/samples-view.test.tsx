import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SamplesView } from '@/components/dashboard/SamplesView';
import { manyRows, rowOf } from './fixtures';

afterEach(cleanup);

// Built once: 10,000 fake verdicts take a while, and rendering must not re-pay for them in every test.
const TEN_THOUSAND = manyRows(10_000);

const rowsShown = () => screen.getAllByTestId('samples-row');

const noLabel = vi.fn(async (_ids: string[], _label: string | null) => {});

function show(rows = TEN_THOUSAND, onDelete = vi.fn(async (_ids: string[]) => {}), complete = true, onLabel = noLabel) {
  render(complete ? <SamplesView rows={rows} complete onOpen={vi.fn()} onDelete={onDelete} onLabel={onLabel} /> : <SamplesView rows={rows} complete={false} onOpen={vi.fn()} onDelete={onDelete} onLabel={onLabel} />);
  return onDelete;
}

describe('the samples table with many samples', { timeout: 30_000 }, () => {
  it('draws one page of 50 of 10,000 rows, newest first, with locale numbers', () => {
    show();
    expect(rowsShown()).toHaveLength(50);
    expect(screen.getByTestId('pager-status').textContent).toMatch(/^1–50 of 10,000 · page 1 of 200$/);
    expect(screen.getByTestId('samples-count').textContent).toBe('10,000 of 10,000 answers');
  });

  it('pages forward and to the last page', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('pager-status').textContent).toMatch(/^51–100 of 10,000/);
    fireEvent.click(screen.getByRole('button', { name: 'Last' }));
    expect(screen.getByTestId('pager-status').textContent).toMatch(/^9,951–10,000 of 10,000 · page 200 of 200$/);
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('filters by site and by resembled family, and goes back to page 1', () => {
    show();
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'claude' } });
    expect(screen.getByTestId('samples-count').textContent).toBe('3,333 of 10,000 answers');
    expect(screen.getByTestId('pager-status').textContent).toMatch(/^1–50 of 3,333/);
    fireEvent.change(screen.getByLabelText('Resembles'), { target: { value: 'family:anthropic' } });
    for (const row of rowsShown()) expect(row.textContent).toContain('claude-4');
  });

  it('searches the text and says when nothing matches', () => {
    show(manyRows(200));
    fireEvent.input(screen.getByLabelText('Search text'), { target: { value: 'no such words anywhere' } });
    expect(screen.getByTestId('samples-no-match')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(rowsShown()).toHaveLength(50);
  });

  it('sorts by confidence from a column header and marks it with aria-sort', () => {
    show(manyRows(300));
    fireEvent.click(screen.getByRole('button', { name: /Confidence/ }));
    const header = screen.getByRole('columnheader', { name: /Confidence/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    const cells = rowsShown().map((r) => r.querySelectorAll('td')[5]!.textContent!);
    // manyRows' highest confidence among 300 rows is 0.93
    expect(cells[0]).toBe('93%');
    fireEvent.click(screen.getByRole('button', { name: /Confidence/ }));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
  });

  it('selects a page, asks once, then deletes exactly the selected answers', async () => {
    const rows = manyRows(120);
    const onDelete = show(rows);
    fireEvent.click(screen.getByLabelText('Select every answer on this page'));
    expect(screen.getByTestId('selection-bar').textContent).toContain('50 answers selected');
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected…' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 50 answers' }));
    await vi.waitFor(() => expect(onDelete).toHaveBeenCalledTimes(1));
    expect(onDelete.mock.calls[0]![0]).toEqual(rows.slice(0, 50).map((r) => r.id));
  });

  it('labels the selected answers, shows the label in its column and filters by it', async () => {
    const rows = manyRows(120);
    const onLabel = vi.fn(async (_ids: string[], _label: string | null) => {});
    show(rows, undefined, true, onLabel);
    const labelCells = () => rowsShown().map((r) => r.querySelector('[data-testid="row-label"]')!.textContent);
    expect(labelCells()[0]).toBe('–');
    fireEvent.click(screen.getByLabelText('Select every answer on this page'));
    const editor = within(screen.getByTestId('selection-bar')).getByTestId('label-editor');
    fireEvent.input(within(editor).getByTestId('label-input'), { target: { value: '  known gpt-4o  ' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Set label' }));
    await vi.waitFor(() => expect(onLabel).toHaveBeenCalledTimes(1));
    expect(onLabel.mock.calls[0]).toEqual([rows.slice(0, 50).map((r) => r.id), 'known gpt-4o']);
    expect((await within(editor).findByText(/^Labelled the 50 answers/)).textContent).toBe('Labelled the 50 answers “known gpt-4o”.');
  });

  it('shows stored labels and filters by a label or by "no label"', () => {
    const rows = manyRows(30).map((r, i) => (i < 4 ? { ...r, userLabel: 'field-A' } : r));
    show(rows);
    expect(rowsShown().slice(0, 4).map((r) => r.querySelector('[data-testid="row-label"]')!.textContent)).toEqual(Array(4).fill('field-A'));
    fireEvent.change(screen.getByTestId('filter-label'), { target: { value: 'field-A' } });
    expect(rowsShown()).toHaveLength(4);
    fireEvent.change(screen.getByTestId('filter-label'), { target: { value: '\u0000none' } });
    expect(rowsShown()).toHaveLength(26);
  });

  it('can select every matching answer across pages', () => {
    show(manyRows(120));
    fireEvent.click(screen.getByRole('button', { name: 'Select all 120 answers' }));
    expect(screen.getByTestId('selection-bar').textContent).toContain('120 answers selected');
  });

  it('keeps filters and sorting off until every sample is loaded', () => {
    const rows = manyRows(50);
    render(<SamplesView rows={rows} complete={false} loaded={3_000} onOpen={vi.fn()} onDelete={vi.fn()} onLabel={noLabel} />);
    expect(screen.getByTestId('samples-count').textContent).toMatch(/^Newest 50 answers \(reading all of them for filtering, sorting and paging: 3,000 so far\)$/);
    expect(screen.getByLabelText('Site').closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Confidence/ })).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Pages' })).toBeNull();
  });

  it('sorts, pages and filters every listing before the texts are read, but does not search yet', () => {
    const rows = manyRows(120);
    render(<SamplesView rows={rows} complete={false} listed loaded={40} onOpen={vi.fn()} onDelete={vi.fn()} onLabel={noLabel} />);
    expect(screen.getByTestId('samples-count').textContent).toBe('120 of 120 answers (reading their texts for the text search: 40 so far)');
    expect((screen.getByLabelText('Search text') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'claude' } });
    expect(screen.getByTestId('samples-count').textContent).toMatch(/^40 of 120 answers/);
    fireEvent.click(screen.getByRole('button', { name: /Confidence/ }));
    expect(screen.getByRole('columnheader', { name: /Confidence/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('navigation', { name: 'Pages' })).toBeTruthy();
  });
});

describe('recorded text in the table', () => {
  it('is shown as text, never as HTML', () => {
    const evil = '<img src=x onerror="window.__pwned=1"> <b>bold</b> and more words to pass the minimum length of a text';
    show([rowOf({ id: 'evil' }, evil)]);
    const row = rowsShown()[0]!;
    expect(row.querySelector('img')).toBeNull();
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('<img src=x onerror=');
  });

  it('shows undetermined answers as undetermined, not as a low-confidence guess', () => {
    show([rowOf({ id: 'short' }, 'Sure, here it is.')]);
    const cells = within(rowsShown()[0]!).getAllByRole('cell');
    expect(cells[4]!.textContent).toBe('Undetermined');
    expect(cells[5]!.textContent).toBe('–');
  });
});
