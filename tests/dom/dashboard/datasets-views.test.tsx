import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportDialog } from '@/components/dashboard/ExportDialog';
import { ImportView } from '@/components/dashboard/ImportView';
import { CancelledError, type DatasetJobs } from '@/components/dashboard/dataset-client';
import type { PlanSummary } from '@/lib/dataset/worker-protocol';

afterEach(cleanup);

const summary: PlanSummary = {
  dataset: 'colleague-2026',
  kind: 'bundle',
  manifest: null,
  total: 12,
  fresh: 7,
  duplicates: { total: 3, byId: 2, byContent: 1, examples: [] },
  invalid: 2,
  errors: [
    { line: 4, field: 'capturedAt', message: 'is not an ISO 8601 timestamp' },
    { line: 9, field: '', message: 'not valid JSON' },
  ],
  staleVerdicts: 5,
  engineVersion: 'v1',
};

function jobs(over: Partial<DatasetJobs> = {}): DatasetJobs {
  return {
    exportFile: vi.fn(),
    plan: vi.fn(async () => summary),
    commit: vi.fn(async () => ({ imported: 7, recomputed: 5 })),
    cancel: vi.fn(),
    ...over,
  };
}

const file = () => new File(['{}'], 'colleague.zip');

describe('the Import view', () => {
  it('shows new, duplicates and invalid with the first errors before writing, and imports on confirmation', async () => {
    const api = jobs();
    const onImported = vi.fn();
    render(<ImportView jobs={api} onImported={onImported} />);
    fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file()] } });
    expect((await screen.findByTestId('import-new')).textContent).toBe('7 new');
    expect(screen.getByTestId('import-duplicates').textContent).toBe('3 duplicates, skipped (2 same id, 1 same site, prompt and text)');
    expect(screen.getByTestId('import-invalid').textContent).toBe('2 invalid, never written');
    expect([...screen.getByTestId('import-errors').querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'line 4, field capturedAt: is not an ISO 8601 timestamp',
      'line 9: not valid JSON',
    ]);
    expect(api.commit).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('import-confirm'));
    expect((await screen.findByTestId('import-done')).textContent).toBe('Imported 7 samples from colleague-2026; 5 verdicts recomputed.');
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('takes a dropped file, and says nothing was imported when it cannot be read', async () => {
    const api = jobs({ plan: vi.fn(async () => Promise.reject(new Error('the file is not valid UTF-8 (first bad byte on line 2)'))) });
    render(<ImportView jobs={api} onImported={vi.fn()} />);
    fireEvent.drop(screen.getByTestId('import-dropzone'), { dataTransfer: { files: [file()] } });
    expect((await screen.findByTestId('import-error')).textContent).toBe('Nothing was imported: the file is not valid UTF-8 (first bad byte on line 2)');
  });
});

describe('the Export dialog', () => {
  it('exports the filter selection with the chosen format and privacy options, and can be cancelled', async () => {
    let reject: (e: Error) => void = () => {};
    const api = jobs({ exportFile: vi.fn(() => new Promise<never>((_resolve, r) => (reject = r))), cancel: vi.fn(() => reject(new CancelledError())) });
    render(<ExportDialog jobs={api} total={100} selection={{ ids: ['a', 'b'], filters: { site: 'claude' } }} onClose={vi.fn()} version="1.2.3" />);
    fireEvent.click(screen.getByLabelText(/^JSONL/));
    fireEvent.click(screen.getByTestId('privacy-omitPrompts'));
    expect(screen.getByTestId('export-start').textContent).toBe('Export 2 samples');
    fireEvent.click(screen.getByTestId('export-start'));
    expect(api.exportFile).toHaveBeenCalledWith(
      { format: 'jsonl', privacy: { omitPrompts: true, omitTexts: false, omitUrls: false, hashConversationIds: false }, features: false, filters: { site: 'claude' }, modelprintVersion: '1.2.3' },
      ['a', 'b'],
      expect.any(Function),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.getByTestId('export-start')).toBeTruthy());
    expect(api.cancel).toHaveBeenCalledOnce();
  });
});
