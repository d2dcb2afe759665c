import type { TabVerdict } from '@/lib/messaging/protocol';
import './verdict.css';

/** The tab shows a shared-conversation page, or its newest answer was read on one. */
export function isSharedTab(tab: TabVerdict): boolean {
  return tab.sample?.shared === true || (tab.conversation !== null && 'shareId' in tab.conversation);
}

/**
 * Said wherever the answers of a shared-conversation page are shown (popup, side panel): the reader did not
 * write the prompts, so the answers reflect someone else's questions, instructions and settings. The verdict
 * is still about who wrote the answers; only the context is someone else's.
 */
export function SharedNotice() {
  return (
    <p class="claim shared-notice" data-testid="shared-notice">
      <strong>Shared conversation.</strong> These answers were written for someone else's prompts, not yours:
      ModelPrint judges them as shown on the shared page, and the person who shared it may have used settings or
      instructions you cannot see.
    </p>
  );
}
