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

/**
 * The tab the user is looking at. The URL is readable on the chatbot sites (host permission) and on any
 * page the user clicked us on (activeTab); elsewhere it is undefined and the page says so.
 *
 * When this page is itself the active tab (popup.html or sidepanel.html opened as a tab, e.g. from a
 * bookmark or by the end-to-end tests), the tab used before it is meant, the most recently accessed one.
 */
export async function activeTab(): Promise<{ tabId?: number; url?: string }> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const own = browser.runtime.getURL('/');
  if (!tab?.url?.startsWith(own)) return { tabId: tab?.id, url: tab?.url };
  const others = (await browser.tabs.query({})).filter((t) => t.id !== tab.id && !t.url?.startsWith(own));
  const previous = others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
  return { tabId: previous?.id, url: previous?.url };
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
