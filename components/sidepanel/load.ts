/**
 * The side panel's data and what makes it reload: the active tab changing (another tab, or navigation
 * inside a chatbot's single-page app) and new samples being stored.
 */
import browser from 'webextension-polyfill';
import { watchSampleChanges, type ChangeKind } from '@/lib/messaging/changes';
import { sendMessage } from '@/lib/messaging/client';
import type { ConversationRef, ConversationVerdict, TabVerdict } from '@/lib/messaging/protocol';
import { activeTab } from '../popup/actions';

export interface SidePanelData {
  tab: TabVerdict;
  conversation: ConversationVerdict | null;
}

/**
 * The active tab's verdict and its conversation, in one message. After a change that only added answers
 * (`previous` given), only the answers after the last one shown are fetched and appended: with 2,000
 * answers on screen, reloading all of them per new answer was the panel's unbounded growth (issue 15,
 * failure 1).
 */
export async function loadSidePanelData(previous: SidePanelData | null = null, change: ChangeKind = 'any'): Promise<SidePanelData> {
  const tab = await activeTab();
  const known = change === 'added' ? previous?.conversation?.samples : undefined;
  const last = known?.[known.length - 1];
  if (known && last) {
    const fresh = await sendMessage('tabConversation', { ...tab, after: { capturedAt: last.capturedAt, id: last.id } });
    const more = fresh.conversation;
    // Anything else than an append to the same conversation (a deletion, an answer stored out of order,
    // another conversation): read it all again.
    if (more && sameConversation(previous?.tab.conversation, fresh.tab.conversation) && more.total === known.length + more.samples.length) {
      return { tab: fresh.tab, conversation: { ...more, samples: more.samples.length > 0 ? [...known, ...more.samples] : known } };
    }
  }
  return sendMessage('tabConversation', tab);
}

function sameConversation(a: ConversationRef | null | undefined, b: ConversationRef | null): boolean {
  return !!a && !!b && JSON.stringify(a) === JSON.stringify(b);
}

/** Calls `onChange` when the panel should reload; returns the function that stops listening. */
export function followActiveTab(onChange: (change?: ChangeKind) => void): () => void {
  const onActivated = () => onChange();
  const onUpdated = (_id: number, change: { url?: string }, tab: { active?: boolean }) => {
    // URL changes are reported for the chatbot sites (host permission); other updates are noise.
    if (tab.active && change.url) onChange();
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onUpdated.addListener(onUpdated);
  const stopWatching = watchSampleChanges(onChange);
  return () => {
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onUpdated.removeListener(onUpdated);
    stopWatching();
  };
}
