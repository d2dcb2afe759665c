import type { ConversationVerdict, TabVerdict } from '@/lib/messaging/protocol';
import { siteLabel } from '@/lib/sites/site-labels';
import { formatCount } from '@/lib/display-numbers';
import { AnswersNeededNote } from '../verdict/AnswersNeededNote';
import { ClaimNotice } from '../verdict/ClaimNotice';
import { VerdictView } from '../verdict/VerdictView';
import { isSharedTab, SharedNotice } from '../verdict/SharedNotice';
import { StorageProblemNotice } from '../storage/StorageProblemNotice';
import { AnswerItem } from './AnswerItem';
import { followActiveTab, loadSidePanelData, type SidePanelData } from './load';
import { useLiveData, type ChangeKind } from '../use-live-data';
import './sidepanel.css';

/**
 * Follows the active tab's conversation: every answer with its verdict, and the pooled verdict (more
 * answers, more confidence) with how many more answers would reach 95%.
 */
export function SidePanel({
  load = loadSidePanelData,
  subscribe = followActiveTab,
}: {
  load?: (previous: SidePanelData | null, change: ChangeKind) => Promise<SidePanelData>;
  subscribe?: (onChange: (change?: ChangeKind) => void) => () => void;
}) {
  const [state] = useLiveData(load, subscribe);

  return (
    <main class="sidepanel">
      <h1>ModelPrint: this conversation</h1>
      {state.status === 'loading' && <p class="sidepanel__status">Loading…</p>}
      {state.status === 'error' &&
        (state.problem ? (
          <StorageProblemNotice problem={state.problem} detail={state.message} />
        ) : (
          <p class="sidepanel__status" role="alert">
            Could not read the conversation: {state.message}
          </p>
        ))}
      {state.status === 'ready' && <Body tab={state.tab} conversation={state.conversation} />}
    </main>
  );
}

function Body({ tab, conversation }: SidePanelData) {
  if (tab.site === null) {
    return (
      <p class="sidepanel__status" data-testid="sidepanel-empty">
        The active tab is not a chatbot conversation ModelPrint reads. Open one and this panel follows it.
      </p>
    );
  }
  const shared = isSharedTab(tab) || conversation?.samples.some((s) => s.shared) === true;
  if (!conversation || conversation.samples.length === 0) {
    return (
      <>
        {shared && <SharedNotice />}
        <p class="sidepanel__status" data-testid="sidepanel-empty">
          No answer recorded in this {siteLabel(tab.site)} {shared ? 'shared ' : ''}conversation yet.
          {!tab.recording && ' Recording is paused for this site.'}
        </p>
      </>
    );
  }
  return <Conversation conversation={conversation} shared={shared} />;
}

function Conversation({ conversation, shared }: { conversation: ConversationVerdict; shared: boolean }) {
  const { samples, pooled, evidence, answersNeeded, claim } = conversation;
  return (
    <>
      {shared && <SharedNotice />}
      <section aria-labelledby="sp-pooled" class="sidepanel__pooled" data-testid="pooled-verdict">
        <h2 id="sp-pooled">
          Pooled verdict of {formatCount(pooled?.n ?? 0)} of {formatCount(samples.length)} answer
          {samples.length === 1 ? '' : 's'}
        </h2>
        {pooled ? (
          <VerdictView attribution={pooled} words={evidence.words} heading="Together, the answers most resemble" />
        ) : (
          <p class="sidepanel__status">No answer of this conversation could be attributed yet (all too short or not prose).</p>
        )}
        <AnswersNeededNote needed={answersNeeded} />
        <ClaimNotice judgement={claim} />
      </section>
      <section aria-labelledby="sp-answers">
        <h2 id="sp-answers">Answers, oldest first</h2>
        <ol class="answers">
          {samples.map((s, i) => (
            <AnswerItem key={s.id} sample={s} index={i + 1} />
          ))}
        </ol>
      </section>
    </>
  );
}
