/**
 * What the popup shows, read through the message protocol (the background stays the only database
 * owner). Kept apart from the components so the popup's entry starts these reads while the components
 * still load.
 */
import { sendMessage } from '@/lib/messaging/client';
import type { SiteHealthReport, TabVerdict } from '@/lib/messaging/protocol';
import { storageStatus, type StorageStatus } from '@/lib/messaging/storage-status';
import type { SampleListing } from '@/lib/sample-listing';
import { autoRecord, isSiteEnabled } from '@/lib/settings';
import { activeTab } from './actions';

/** How many recent answers the popup lists; the dashboard shows all of them. */
const POPUP_LIMIT = 20;

export interface PopupData {
  /** The last storage problem a save met (cleared by the next save that works), or null. */
  storage?: StorageStatus | null;
  /** The newest answers' stored listings: a row each, a few hundred bytes where a sample is ~5 KB. */
  listings: SampleListing[];
  health: SiteHealthReport[];
  tab: TabVerdict & { tabId?: number };
  siteEnabled: boolean;
  autoRecord: boolean;
}

export async function loadPopupData(): Promise<PopupData> {
  // Only the tab's verdict needs the tab (one or two `tabs.query`): everything else is asked at once.
  const verdict = activeTab().then(async (ref) => {
    const tab = await sendMessage('latestSampleForTab', ref);
    return { tab: { ...tab, tabId: ref.tabId }, siteEnabled: tab.site ? await isSiteEnabled(tab.site) : true };
  });
  const [listings, health, storage, recording, { tab, siteEnabled }] = await Promise.all([
    sendMessage('listListings', { limit: POPUP_LIMIT }),
    sendMessage('listSiteHealth', {}),
    storageStatus.getValue(),
    autoRecord.getValue(),
    verdict,
  ]);
  return { storage, listings, health, tab, siteEnabled, autoRecord: recording };
}
