/**
 * Page-provided strings in the extension's own labels (issue 15, failures 6 and 9): a model slug with a
 * right-to-left override (U+202E) must not reverse the label around it, and a 5,000-character slug must
 * not stretch a row. Checked in the popup, the side panel and the dashboard's table and detail.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dashboard } from '@/components/dashboard/Dashboard';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import { LABEL_CHARS } from '@/lib/display-text';
import { listingOf } from '@/lib/sample-listing';
import { conversationOf } from './samples';
import { sampleOf, tabOf } from './samples';

afterEach(cleanup);

const SPOOF = '\u202Egpt-4o\u202C' + 'x'.repeat(5_000);
const spoofed = sampleOf(1, { claimedModel: { raw: SPOOF, source: 'message' }, userLabel: '\u2067label\u2069' });
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Every element that shows the claimed model: no bidi control, isolated, and cut to a label's length. */
function expectSafeLabels(root: ParentNode) {
  expect(root.textContent).not.toMatch(BIDI_CONTROLS);
  const labels = [...root.querySelectorAll('bdi')].filter((b) => b.textContent!.startsWith('gpt-4o'));
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) {
    expect(label.getAttribute('dir')).toBe('auto');
    expect(label.textContent!.length).toBeLessThanOrEqual(LABEL_CHARS);
  }
}

describe('page-provided labels', () => {
  it('are isolated, stripped of bidi controls and cut in the popup', async () => {
    const data: PopupData = {
      listings: [listingOf(spoofed)], health: [], tab: tabOf({ sample: spoofed, conversationAnswers: 1 }), siteEnabled: true, autoRecord: true,
    };
    const actions = { setSiteEnabled: vi.fn(), openDashboard: vi.fn(), openSidePanel: vi.fn(), openSettings: vi.fn() };
    render(<Popup load={async () => data} count={async () => 1} actions={actions} subscribe={() => () => {}} />);
    await screen.findByTestId('current-answer');
    expectSafeLabels(document.body);
  });

  it('in the side panel', async () => {
    const conversation = conversationOf([spoofed]);
    render(<SidePanel load={async () => ({ tab: tabOf({ sample: spoofed }), conversation })} subscribe={() => () => {}} />);
    await screen.findAllByTestId('conversation-answer');
    expectSafeLabels(document.body);
  });

  it('in the dashboard table and detail', async () => {
    const rows = [listingOf(spoofed)];
    const source = {
      firstPage: async () => rows,
      listings: async () => rows,
      all: () => new Promise<never>(() => {}), // the listings are enough for the table
      get: async () => spoofed,
      remove: vi.fn(),
      removeAll: vi.fn(),
      setLabel: vi.fn(),
    };
    render(<Dashboard source={source} loadEngine={() => new Promise(() => {})} paste={{ attribute: vi.fn(), save: vi.fn() }} />);
    const open = await screen.findByRole('button', { name: /Open the answer/ });
    expectSafeLabels(document.body);
    fireEvent.click(open);
    await screen.findByText('Your label');
    expectSafeLabels(document.body);
  });
});
