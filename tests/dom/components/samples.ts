/** Sample and tab-verdict builders for component tests, with verdicts from the fake engine. */
import type { ConversationVerdict, TabVerdict } from '@/lib/messaging/protocol';
import type { Sample } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { judgeAnswers } from '@/lib/verdict/claims';
import { claimEvidence, poolAnswers } from '@/lib/verdict/conversation';
import type { Attribution, PooledAttribution } from '@/lib/verdict/types';
import { fakeAttribute, fakePool, fakeText } from '../../unit/verdict/fake-engine';

export function sampleOf(i: number, over: Partial<Sample> = {}, text = fakeText('claude-4', 0.9)): Sample {
  return {
    id: `chatgpt:conv:m${i}`,
    site: 'chatgpt',
    url: 'https://chatgpt.com/c/conv',
    conversationId: 'conv',
    messageId: `m${i}`,
    prompt: `question ${i}`,
    text,
    reasoning: null,
    claimedModel: { raw: 'gpt-4o', source: 'message' },
    capturedAt: Date.UTC(2026, 10, 28, 12, i),
    verdict: { version: 'fake-1', computedAt: 1, attribution: fakeAttribute(text) },
    ...over,
  };
}

export function tabOf(over: Partial<TabVerdict> = {}): TabVerdict {
  return { site: 'chatgpt', recording: true, conversation: null, sample: null, claim: null, conversationAnswers: 0, ...over };
}

/** A conversation's verdict as the background answers it: claims from the samples' listings, pooled by `pool`. */
export function conversationOf(samples: Sample[], pool: (results: Attribution[]) => PooledAttribution = fakePool): ConversationVerdict {
  return { samples, ...poolAnswers(pool, samples.map((s) => claimEvidence(s, listingOf(s)))) };
}

/** The popup's view of a tab whose conversation holds `samples`: the latest answer, its claim judged as the background does. */
export function tabFor(samples: Sample[], pool: (results: Attribution[]) => PooledAttribution = fakePool): TabVerdict {
  const answers = samples.map((s) => claimEvidence(s, listingOf(s)));
  const sample = samples[samples.length - 1]!;
  return tabOf({ site: sample.site as TabVerdict['site'], sample, conversationAnswers: samples.length, claim: judgeAnswers(pool, answers, answers[answers.length - 1]) });
}
