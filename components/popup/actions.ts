/**
 * What the popup does in the browser, apart from messages: find the active tab, open the other pages,
 * switch a site on or off. Kept out of the components so component tests pass fakes.
 */
import browser from 'webextension-polyfill';
import { setSiteEnabled } from '@/lib/settings';
import type { SiteId } from '@/lib/sites/hosts';

export interface PopupActions {
  setSiteEnabled(site: SiteId, enabled: boolean): Promise<void>;
  openDashboard(): Promise<void>;
  openSidePanel(tabId: number | undefined): Promise<void>;
  openSettings(): Promise<void>;
}

/** The side panel APIs the polyfill does not type: Chrome's `sidePanel`, Firefox's `sidebarAction`. */
interface PanelApis {
  chrome?: { sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> } };
  browser?: { sidebarAction?: { open(): Promise<void> } };
}

export async function activeTab(): Promise<{ tabId?: number; url?: string }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  // The URL is readable on the chatbot sites (host permission) and on any page the user clicked us on
  // (activeTab); elsewhere it is undefined and the popup says the page is not a chatbot page.
  return { tabId: tab?.id, url: tab?.url };
}

export const browserActions: PopupActions = {
  setSiteEnabled,
  async openDashboard() {
    await browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  },
  async openSidePanel(tabId) {
    const g = globalThis as PanelApis;
    // Both must be called in the click's user gesture, so no await before them.
    if (g.chrome?.sidePanel) await g.chrome.sidePanel.open({ tabId });
    else if (g.browser?.sidebarAction) await g.browser.sidebarAction.open();
    window.close();
  },
  async openSettings() {
    await browser.runtime.openOptionsPage();
    window.close();
  },
};
