/**
 * The side panel's data and what makes it reload: the active tab changing (another tab, or navigation
 * inside a chatbot's single-page app) and new samples being stored.
 */
import browser from 'webextension-polyfill';
import { watchSamples } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/client';
import type { ConversationVerdict, TabVerdict } from '@/lib/messaging/protocol';
import { activeTab } from '../popup/actions';

export interface SidePanelData {
  tab: TabVerdict;
  conversation: ConversationVerdict | null;
}

/** One message: the tab's verdict and its conversation come from the same read of the database. */
export async function loadSidePanelData(): Promise<SidePanelData> {
  return sendMessage('tabConversation', await activeTab());
}

/** Calls `onChange` when the panel should reload; returns the function that stops listening. */
export function followActiveTab(onChange: () => void): () => void {
  const onActivated = () => onChange();
  const onUpdated = (_id: number, change: { url?: string }, tab: { active?: boolean }) => {
    // URL changes are reported for the chatbot sites (host permission); other updates are noise.
    if (tab.active && change.url) onChange();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  const stopWatching = watchSamples(onChange);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    stopWatching();
  };
}
