import { describe, expectTypeOf, it } from 'vitest';
import type {
  TabConversationQuery,
  ConversationVerdict,
  ManualText,
  MessageData,
  MessageReturn,
  PendingSelection,
  SaveSkipReason,
  TabConversation,
  TabRef,
  TabVerdict,
} from '@/lib/messaging/protocol';
import type { Sample } from '@/lib/sample';
import type { SampleListing } from '@/lib/sample-listing';
import type { Attribution } from '@/lib/verdict/types';

// Type tests: both sides of every message are typed by ProtocolMap; these lock the pages' contract.
describe('the message protocol', () => {
  it('types what the popup and the side panel send and receive', () => {
    // The popup lists stored listings, never samples; the count is a message of its own.
    expectTypeOf<MessageReturn<'listListings'>>().toEqualTypeOf<SampleListing[]>();
    expectTypeOf<MessageReturn<'countSamples'>>().toEqualTypeOf<number>();
    expectTypeOf<MessageData<'latestSampleForTab'>>().toEqualTypeOf<TabRef>();
    expectTypeOf<MessageReturn<'latestSampleForTab'>>().toEqualTypeOf<TabVerdict>();
    expectTypeOf<MessageData<'tabConversation'>>().toEqualTypeOf<TabConversationQuery>();
    expectTypeOf<TabConversationQuery>().toMatchTypeOf<TabRef>();
    expectTypeOf<MessageReturn<'tabConversation'>>().toEqualTypeOf<TabConversation>();
    expectTypeOf<TabConversation['conversation']>().toEqualTypeOf<ConversationVerdict | null>();
    expectTypeOf<ConversationVerdict['samples']>().toEqualTypeOf<Sample[]>();
  });

  it('types the verdict page and the dashboard messages', () => {
    expectTypeOf<MessageReturn<'attributeText'>>().toEqualTypeOf<{ attribution: Attribution; words: number }>();
    expectTypeOf<MessageData<'saveText'>>().toEqualTypeOf<ManualText>();
    expectTypeOf<MessageReturn<'pendingSelection'>>().toEqualTypeOf<PendingSelection | null>();
    expectTypeOf<MessageReturn<'deleteAllSamples'>>().toEqualTypeOf<{ deleted: number }>();
  });

  it('tells the capture why an answer was not stored', () => {
    expectTypeOf<MessageReturn<'saveAnswer'>['skipped']>().toEqualTypeOf<SaveSkipReason | undefined>();
  });
});
