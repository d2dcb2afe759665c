import type { TabVerdict } from '@/lib/messaging/protocol';
import { siteLabel } from '@/lib/sites/site-labels';
import { sampleWords } from '@/lib/verdict/conversation';
import { formatCount } from '@/lib/display-numbers';
import { ClaimedLine, ClaimNotice } from '../verdict/ClaimNotice';
import { isSharedTab, SharedNotice } from '../verdict/SharedNotice';
import { VerdictView } from '../verdict/VerdictView';

/** The latest answer on the current tab and its verdict: the popup's one glance. */
export function CurrentAnswer({ tab }: { tab: TabVerdict }) {
  if (tab.site === null) {
    return (
      <p class="current__empty" data-testid="tab-not-supported">
        This tab is not a chatbot page ModelPrint reads. To check any text, select it, right-click and choose
        “Fingerprint selected text with ModelPrint”.
      </p>
    );
  }
  const { sample } = tab;
  const shared = isSharedTab(tab);
  if (!sample) {
    return (
      <>
        {shared && <SharedNotice />}
        <p class="current__empty" data-testid="tab-no-answer">
          No answer recorded in this {siteLabel(tab.site)} {shared ? 'shared ' : ''}conversation yet.
        </p>
      </>
    );
  }
  return (
    <div class="current" data-testid="current-answer">
      {shared && <SharedNotice />}
      <ClaimedLine claimed={sample.claimedModel} site={sample.site} />
      {sample.verdict ? (
        <VerdictView attribution={sample.verdict.attribution} words={sampleWords(sample)} />
      ) : (
        <p>No verdict is stored for this answer.</p>
      )}
      {tab.claim && <ClaimNotice judgement={tab.claim} />}
      {tab.conversationAnswers > 1 && (
        <p class="current__more">
          Latest of {formatCount(tab.conversationAnswers)} answers in this conversation. The side panel pools them
          into one verdict.
        </p>
      )}
    </div>
  );
}
