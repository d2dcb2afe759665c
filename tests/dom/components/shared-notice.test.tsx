/**
 * On a shared-conversation page the popup and the side panel say plainly that the answers were written for
 * someone else's prompts; on the reader's own conversations they say nothing of the kind.
 */
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Popup, type PopupData } from '@/components/popup/Popup';
import { listingOf } from '@/lib/sample-listing';
import { SidePanel } from '@/components/sidepanel/SidePanel';
import type { SidePanelData } from '@/components/sidepanel/load';
import { conversationOf, sampleOf, tabOf } from './samples';

afterEach(cleanup);

const SHARE = '6a1e0000-0000-4000-8000-00000000abcd';
const sharedSample = (i: number) =>
  sampleOf(i, { id: `chatgpt:share:${SHARE}:m${i}`, conversationId: null, shared: true, shareId: SHARE, url: `https://chatgpt.com/share/${SHARE}` });
const shareTab = (over = {}) => tabOf({ conversation: { site: 'chatgpt', shareId: SHARE }, ...over });

function popup(tab: PopupData['tab']) {
  const data: PopupData = { listings: tab.sample ? [listingOf(tab.sample)] : [], health: [], tab, siteEnabled: true, autoRecord: true };
  const noop = async () => {};
  render(
    <Popup
      load={async () => data}
      count={async () => data.listings.length}
      actions={{ setSiteEnabled: noop, openDashboard: noop, openSidePanel: noop, openSettings: noop }}
      subscribe={() => () => {}}
    />,
  );
}

function sidePanel(data: SidePanelData) {
  render(<SidePanel load={async () => data} subscribe={() => () => {}} />);
}

const SAYS = /Shared conversation\..*written for someone else's prompts, not yours/;

describe('the popup on a shared conversation', () => {
  it('says the answer was written for someone else\'s prompts, beside its verdict', async () => {
    const sample = sharedSample(1);
    popup(shareTab({ sample, conversationAnswers: 1 }));
    expect((await screen.findByTestId('shared-notice')).textContent).toMatch(SAYS);
    expect(screen.getByTestId('current-answer').textContent).toMatch(SAYS);
    expect(screen.getByTestId('verdict-model').textContent).toBe('claude-4');
  });

  it('says it before any answer is recorded, too', async () => {
    popup(shareTab());
    expect((await screen.findByTestId('shared-notice')).textContent).toMatch(SAYS);
    expect(screen.getByTestId('tab-no-answer').textContent).toMatch(/No answer recorded in this ChatGPT shared conversation yet/);
  });

  it('says nothing of the kind on the reader\'s own conversation', async () => {
    const sample = sampleOf(1);
    popup(tabOf({ sample, conversation: { site: 'chatgpt', conversationId: 'conv' }, conversationAnswers: 1 }));
    await screen.findByTestId('current-answer');
    expect(screen.queryByTestId('shared-notice')).toBeNull();
  });
});

describe('the side panel on a shared conversation', () => {
  it('says it above the pooled verdict of the shared answers', async () => {
    const samples = [1, 2].map(sharedSample);
    sidePanel({ tab: shareTab({ sample: samples[1]! }), conversation: conversationOf(samples) });
    expect((await screen.findByTestId('shared-notice')).textContent).toMatch(SAYS);
    expect(screen.getAllByTestId('conversation-answer')).toHaveLength(2);
  });

  it('says it on an empty share page', async () => {
    sidePanel({ tab: shareTab(), conversation: null });
    expect((await screen.findByTestId('shared-notice')).textContent).toMatch(SAYS);
    expect(screen.getByTestId('sidepanel-empty').textContent).toMatch(/shared conversation yet/);
  });

  it('says nothing of the kind on the reader\'s own conversation', async () => {
    const samples = [1, 2].map((i) => sampleOf(i));
    sidePanel({ tab: tabOf({ sample: samples[1]! }), conversation: conversationOf(samples) });
    await screen.findAllByTestId('conversation-answer');
    expect(screen.queryByTestId('shared-notice')).toBeNull();
  });
});

describe('the popup list of recent answers', () => {
  it('marks the answers read on a shared conversation, and only those', async () => {
    const tab = tabOf();
    const data: PopupData = { listings: [sharedSample(2), sampleOf(1)].map(listingOf), health: [], tab, siteEnabled: true, autoRecord: true };
    const noop = async () => {};
    render(<Popup load={async () => data} count={async () => 1} actions={{ setSiteEnabled: noop, openDashboard: noop, openSidePanel: noop, openSettings: noop }} subscribe={() => () => {}} />);
    const rows = await screen.findAllByTestId('sample-row');
    expect(rows.map((r) => r.querySelector('[data-testid="sample-shared"]')?.textContent ?? null)).toEqual(['shared', null]);
  });
});
