import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import type { SampleSource } from '@/components/dashboard/sample-source';
import type { PasteApi } from '@/components/dashboard/paste-api';
import type { SampleRow } from '@/lib/dashboard/row';
import { sampleOf } from '../components/samples';
import { fakeEngine, manyRows } from './fixtures';

afterEach(cleanup);
beforeEach(() => {
  location.hash = '';
});

const paste: PasteApi = { attribute: vi.fn(), save: vi.fn() };
const engineLoader = async () => fakeEngine;

function sourceOf(rows: SampleRow[], over: Partial<SampleSource> = {}): SampleSource {
  return {
    firstPage: async (limit) => rows.slice(0, limit),
    listings: async () => rows,
    all: async (_listings, onProgress) => {
      onProgress?.(rows.length);
      return rows;
    },
    get: async (id) => sampleOf(1, { id, text: `The full text of ${id}, <b>not bold</b>.` }),
    remove: vi.fn(async () => {}),
    removeAll: vi.fn(async () => {}),
    setLabel: vi.fn(async (ids: string[]) => ids.length),
    ...over,
  };
}

describe('the dashboard page', () => {
  it('shows the empty state with a way to paste a text', async () => {
    render(<Dashboard source={sourceOf([])} loadEngine={engineLoader} paste={paste} />);
    const empty = await screen.findByTestId('dashboard-empty');
    expect(empty.textContent).toMatch(/No answers recorded yet/);
    expect(within(empty).getByRole('link', { name: 'Paste' }).getAttribute('href')).toBe('#paste');
  });

  it('marks the open tab and follows the URL hash', async () => {
    render(<Dashboard source={sourceOf(manyRows(60))} loadEngine={engineLoader} paste={paste} />);
    await screen.findAllByTestId('samples-row');
    expect(screen.getByRole('link', { name: 'Samples' }).getAttribute('aria-current')).toBe('page');
    location.hash = '#map';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    // The map view is a lazy chunk: on a loaded machine importing it takes longer than findBy's 1 s default.
    expect(await screen.findByTestId('model-map', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Model map' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Samples' }).getAttribute('aria-current')).toBeNull();
  });

  it('draws the first page, then sorts and filters the listings, then searches once the texts are read', async () => {
    const rows = manyRows(500);
    let list: ((rows: SampleRow[]) => void) | undefined;
    let finish: ((rows: SampleRow[]) => void) | undefined;
    const source = sourceOf(rows, {
      listings: () => new Promise((resolve) => (list = resolve)),
      all: () => new Promise((resolve) => (finish = resolve)),
    });
    render(<Dashboard source={source} loadEngine={engineLoader} paste={paste} />);
    expect(await screen.findAllByTestId('samples-row')).toHaveLength(50);
    expect(screen.getByTestId('samples-count').textContent).toMatch(/^Newest 50 answers/);
    // The listings are read only once the first page is drawn, and the full read after them.
    await waitFor(() => expect(list).toBeDefined());
    expect(finish).toBeUndefined();
    expect(screen.getByLabelText('Site').closest('fieldset')!.disabled).toBe(true);
    list!(rows);
    await waitFor(() => expect(screen.getByTestId('samples-count').textContent).toMatch(/^500 of 500 answers \(reading their texts/));
    expect(screen.getByLabelText('Site').closest('fieldset')!.disabled).toBe(false);
    expect((screen.getByLabelText('Search text') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByRole('button', { name: /Confidence/ })).toBeTruthy();
    await waitFor(() => expect(finish).toBeDefined());
    finish!(rows);
    await waitFor(() => expect(screen.getByTestId('samples-count').textContent).toBe('500 of 500 answers'));
    expect((screen.getByLabelText('Search text') as HTMLInputElement).disabled).toBe(false);
  });

  it('opens one answer in a dialog with its text as text, its verdict and features', async () => {
    render(<Dashboard source={sourceOf(manyRows(3))} loadEngine={engineLoader} paste={paste} />);
    fireEvent.click((await screen.findAllByRole('button', { name: /^Open the answer recorded/ }))[0]!);
    const text = await screen.findByTestId('detail-text');
    expect(text.textContent).toContain('<b>not bold</b>');
    expect(text.querySelector('b')).toBeNull();
    expect(screen.getByTestId('sample-detail').querySelector('[data-testid="verdict"], [data-testid="undetermined"]')).toBeTruthy();
    expect(await screen.findByTestId('feature-table')).toBeTruthy();
  });

  it('says when reading the answers failed', async () => {
    const source = sourceOf([], { firstPage: async () => Promise.reject(new Error('quota exceeded')) });
    render(<Dashboard source={source} loadEngine={engineLoader} paste={paste} />);
    expect((await screen.findByRole('alert')).textContent).toContain('quota exceeded');
  });
});

describe('labelling one answer from its dialog', () => {
  it('sets the label through the source, shows it in the dialog and in the table row', async () => {
    const rows = manyRows(3);
    const source = sourceOf(rows);
    render(<Dashboard source={source} loadEngine={engineLoader} paste={paste} />);
    fireEvent.click((await screen.findAllByRole('button', { name: /^Open the answer recorded/ }))[0]!);
    const dialog = await screen.findByTestId('sample-detail');
    const editor = await within(dialog).findByTestId('label-editor');
    fireEvent.input(within(editor).getByTestId('label-input'), { target: { value: 'deepseek-r1 via API' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Set label' }));
    await waitFor(() => expect(source.setLabel).toHaveBeenCalledWith([rows[0]!.id], 'deepseek-r1 via API'));
    await waitFor(() => expect(screen.getAllByTestId('row-label')[0]!.textContent).toBe('deepseek-r1 via API'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Remove label' }));
    await waitFor(() => expect(source.setLabel).toHaveBeenLastCalledWith([rows[0]!.id], null));
    await waitFor(() => expect(screen.getAllByTestId('row-label')[0]!.textContent).toBe('–'));
  });
});

describe('deleting one answer from its dialog', () => {
  it('asks once, then deletes through the source and drops the row', async () => {
    const rows = manyRows(3);
    const source = sourceOf(rows);
    render(<Dashboard source={source} loadEngine={engineLoader} paste={paste} />);
    fireEvent.click((await screen.findAllByRole('button', { name: /^Open the answer recorded/ }))[0]!);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete this answer…' }));
    expect(source.remove).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(source.remove).toHaveBeenCalledWith([rows[0]!.id]));
    await waitFor(() => expect(screen.getAllByTestId('samples-row')).toHaveLength(2));
  });
});
