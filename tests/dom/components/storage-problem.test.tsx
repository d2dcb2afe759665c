/**
 * A full or broken store is visible (issue 15, failures 2 and 5): the popup, the side panel, the paste view
 * and the dashboard say what happened and what to do, never an empty error and never "No answers recorded
 * yet" in place of a database that cannot be read.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { PasteView } from '@/components/dashboard/PasteView';
import type { RescueApi } from '@/components/dashboard/RescueActions';
import type { SampleSource } from '@/components/dashboard/sample-source';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import { StorageProblemError } from '@/lib/storage-problem';
import { tabOf } from './samples';

afterEach(cleanup);

const actions = { setSiteEnabled: vi.fn(), openDashboard: vi.fn(), openSidePanel: vi.fn(), openSettings: vi.fn() };
const never = () => () => {};
const broken = () => new StorageProblemError('database-unavailable', 'The database cannot be repaired: store samples was not created by ModelPrint.');
const full = () => Object.assign(new DOMException('', 'QuotaExceededError'));

describe('the popup', () => {
  it('says storage is full when the last save failed for lack of space, not just "no answer recorded"', async () => {
    const data: PopupData = {
      storage: { problem: 'storage-full', detail: 'storage is full (QuotaExceededError)', at: 1 },
      listings: [], health: [], tab: tabOf(), siteEnabled: true, autoRecord: true,
    };
    render(<Popup load={async () => data} count={async () => 1} actions={actions} subscribe={never} />);
    const notice = await screen.findByTestId('storage-problem');
    expect(notice.textContent).toMatch(/Storage is full: new answers are not being saved/);
    expect(notice.textContent).toMatch(/Every answer already stored is kept/);
    expect(notice.textContent).toMatch(/Free space on your disk/);
  });

  it('explains a database that cannot be opened, with what to do', async () => {
    render(<Popup load={() => Promise.reject(broken())} count={async () => 1} actions={actions} subscribe={never} />);
    const notice = await screen.findByTestId('storage-problem');
    expect(notice.textContent).toMatch(/cannot be opened/);
    expect(notice.textContent).toMatch(/Download what can be read.*Reset the database/s);
  });
});

describe('the side panel', () => {
  it('explains a full store instead of an empty error', async () => {
    render(<SidePanel load={() => Promise.reject(full())} subscribe={never} />);
    expect((await screen.findByTestId('storage-problem')).dataset.problem).toBe('storage-full');
  });
});

describe('the paste view', () => {
  it('says storage is full when saving fails with an empty quota error', async () => {
    const api = { attribute: vi.fn(), save: vi.fn(() => Promise.reject(full())) };
    render(<PasteView api={api} onSaved={() => {}} />);
    fireEvent.input(screen.getByTestId('paste-text'), { target: { value: 'Some text to keep.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const notice = await screen.findByTestId('storage-problem');
    expect(notice.textContent).toMatch(/Storage is full/);
    expect(screen.queryByText(/Could not do that: *$/)).toBeNull();
  });
});

describe('the dashboard', () => {
  const failing = (): SampleSource => ({
    firstPage: () => Promise.reject(broken()),
    listings: () => Promise.reject(broken()),
    all: () => Promise.reject(broken()),
    get: async () => undefined,
    remove: vi.fn(),
    removeAll: vi.fn(),
    setLabel: vi.fn(),
  });

  it('reports a database it cannot read, never "No answers recorded yet", and offers to save and reset', async () => {
    const rescue: RescueApi = {
      readable: vi.fn(async () => [{ id: 'a' }, { id: 'b' }]),
      reset: vi.fn(async () => {}),
      download: vi.fn(),
    };
    vi.stubGlobal('confirm', () => true);
    render(<Dashboard source={failing()} loadEngine={async () => { throw new Error('unused'); }} paste={{ attribute: vi.fn(), save: vi.fn() }} rescue={rescue} />);
    expect((await screen.findByTestId('storage-problem')).textContent).toMatch(/cannot be opened/);
    expect(screen.queryByTestId('dashboard-empty')).toBeNull();

    fireEvent.click(screen.getByTestId('rescue-download'));
    await screen.findByText(/2 answers saved to a file/);
    expect(rescue.download).toHaveBeenCalledWith(expect.stringMatching(/\.jsonl$/), '{"id":"a"}\n{"id":"b"}');
    fireEvent.click(screen.getByTestId('rescue-reset'));
    await waitFor(() => expect(rescue.reset).toHaveBeenCalled());
    vi.unstubAllGlobals();
  });
});
