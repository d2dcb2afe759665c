import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Settings } from '@/components/settings/Settings';
import { autoRecord, disabledSites, keepText, retentionDays } from '@/lib/settings';
import { SITE_IDS } from '@/lib/sites/hosts';
import { SITE_LABELS } from '@/lib/sites/site-labels';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const api = () => ({ deleteAll: vi.fn(async () => ({ deleted: 42 })), applyRetention: vi.fn(async () => ({ deleted: 3 })) });

describe('the settings', () => {
  it('lists every supported site as a switch, on by default, and turns one off', async () => {
    render(<Settings api={api()} />);
    for (const site of SITE_IDS) expect(await screen.findByRole('switch', { name: SITE_LABELS[site] })).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: 'ChatGPT' }));
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual(['chatgpt']));
    await waitFor(() => expect((screen.getByRole('switch', { name: 'ChatGPT' }) as HTMLInputElement).checked).toBe(false));
  });

  it('switches auto-record and keep-text', async () => {
    render(<Settings api={api()} />);
    fireEvent.click(await screen.findByRole('switch', { name: /Record answers automatically/ }));
    fireEvent.click(screen.getByRole('switch', { name: 'Keep the answer text' }));
    await waitFor(async () => {
      expect(await autoRecord.getValue()).toBe(false);
      expect(await keepText.getValue()).toBe(false);
    });
  });

  it('sets the retention and applies it at once, saying how many were deleted', async () => {
    const a = api();
    render(<Settings api={a} />);
    fireEvent.change(await screen.findByLabelText('Keep recorded answers for'), { target: { value: '30' } });
    await waitFor(() => expect(a.applyRetention).toHaveBeenCalled());
    expect(await retentionDays.getValue()).toBe(30);
    expect(await screen.findByText('Deleted 3 older answers.')).toBeTruthy();
  });

  it('deletes everything only after confirming, with focus on the confirmation', async () => {
    const a = api();
    render(<Settings api={a} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything…' }));
    const confirm = screen.getByRole('button', { name: 'Yes, delete everything' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(a.deleteAll).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete everything' }));
    expect((await screen.findByTestId('delete-status')).textContent).toBe('Deleted 42 answers.');
    expect(a.deleteAll).toHaveBeenCalledTimes(1);
  });
});
