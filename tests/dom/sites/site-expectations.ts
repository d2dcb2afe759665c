/**
 * Shared checks for the hand-built site fixtures (tests/fixtures/sites/README.md): the answers a page
 * embeds in `#modelprint-expected`, and whether an answer would ever be emitted by the completion state
 * machine from the page as it stands. Streaming timelines are run with `runStream` (./stream-run).
 */
import { INITIAL_COMPLETION, stepCompletion } from '@/lib/capture/completion';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import type { SiteAdapter } from '@/lib/sites/define';

// One reader of `#modelprint-expected`, in fixture-expectations.ts; the old name is kept for the tests using it.
export type { ExpectedAnswer } from './fixture-expectations';
export { expectedOf as expectedAnswers } from './fixture-expectations';

export { fixtureHtml } from './page-helpers';

/**
 * Whether the completion state machine emits the answer at `index`, fed the page as it stands for ten
 * polls 600 ms apart (well past the 1.2 s stability window).
 */
export function wouldEmit(adapter: SiteAdapter, doc: Document, index: number): boolean {
  const scan = scanPage(adapter, doc);
  const answer = scan.answers[index];
  if (!answer || !scan.variant) throw new Error(`no answer ${index} on the page`);
  let state = INITIAL_COMPLETION;
  for (let poll = 0; poll < 10; poll++) {
    const step = stepCompletion(state, { ...readSignals(adapter, scan.variant, answer, doc), at: poll * 600 });
    if (step.emit) return true;
    state = step.state;
  }
  return false;
}
