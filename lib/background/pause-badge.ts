/**
 * The toolbar button says when recording is paused on the tab's site: an "off" badge and a tooltip naming
 * the site, so a paused site is visible without opening the popup. Updated when the active tab changes or
 * navigates and when the settings change; cleared on every other tab.
 */
import browser from 'webextension-polyfill';
import { autoRecord, disabledSites } from '../settings';
import { adapterForUrl } from '../sites/registry';
import { siteLabel } from '../sites/site-labels';

export interface PauseBadge {
  text: string;
  title: string;
}

const BADGE_COLOR = '#6b6f76';

/** The badge for a tab showing `url`, or null when nothing is paused there. */
export function pauseBadgeFor(url: string | undefined, disabled: readonly string[], autoRecordOn: boolean): PauseBadge | null {
  const site = url ? adapterForUrl(url)?.id : undefined;
  if (!site) return null;
  if (!autoRecordOn) return { text: 'off', title: 'ModelPrint: recording is paused on every site (Settings)' };
  if (disabled.includes(site)) return { text: 'off', title: `ModelPrint: paused on ${siteLabel(site)}` };
  return null;
}

async function show(tabId: number, url: string | undefined): Promise<void> {
  const badge = pauseBadgeFor(url, await disabledSites.getValue(), await autoRecord.getValue());
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badge?.text ?? '' });
  if (badge) await action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
  // null restores the manifest's (localised) tooltip.
  await action.setTitle({ tabId, title: badge?.title ?? null });
}

async function showActiveTabs(): Promise<void> {
  for (const tab of await browser.tabs.query({ active: true })) if (tab.id !== undefined) await show(tab.id, tab.url);
}

const report = (e: unknown) => console.error('[ModelPrint] pause badge:', e);

/** Keeps the badge in step with the active tab and the settings; returns the function that stops it. */
export function startPauseBadge(): () => void {
  const onActivated = ({ tabId }: { tabId: number }) => void browser.tabs.get(tabId).then((t) => show(tabId, t.url)).catch(report);
  const onUpdated = (tabId: number, change: { url?: string }, tab: { url?: string }) => {
    if (change.url) void show(tabId, tab.url).catch(report);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  const unwatch = [disabledSites.watch(() => void showActiveTabs().catch(report)), autoRecord.watch(() => void showActiveTabs().catch(report))];
  void showActiveTabs().catch(report);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    for (const stop of unwatch) stop();
  };
}
