/**
 * Answers read on shared-conversation pages, from the content script's message to what the popup and the
 * side panel ask: stored with `shared: true` and the share id, never mixed with the reader's conversations.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { openModelPrintDB } from '@/lib/db';
import { sampleId, type CapturedAnswer } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { createFakeEngine, fakeText } from '../verdict/fake-engine';

const ID = '6a1e0000-0000-4000-8000-00000000abcd';
const SHARE_URL = `https://chatgpt.com/share/${ID}`;
const OWN_URL = `https://chatgpt.com/c/${ID}`;

let n = 0;
function setup() {
  const db = openModelPrintDB(`shared-answers-${++n}`);
  let clock = 100 * 86_400_000;
  const h = createHandlers(() => db, { engine: createFakeEngine(), now: () => (clock += 1000), changed: async () => {} });
  return { h, db };
}

function shared(i: number, over: Partial<CapturedAnswer> = {}): CapturedAnswer {
  return {
    site: 'chatgpt',
    url: SHARE_URL,
    conversationId: null,
    shared: true,
    shareId: ID,
    messageId: `m${i}`,
    prompt: `their question ${i}`,
    text: fakeText('claude-4', 0.9),
    reasoning: null,
    claimedModel: null,
    ...over,
  };
}

/** The owner's own conversation, whose id happens to equal the share id, with the same message ids. */
function own(i: number): CapturedAnswer {
  const { shared: _s, shareId: _id, ...rest } = shared(i, { url: OWN_URL, conversationId: ID });
  return rest;
}

beforeEach(() => fakeBrowser.reset());

describe('sample ids', () => {
  it('never collide with a conversation id, even with the same ids in it', () => {
    expect(sampleId(shared(1))).toBe(`chatgpt:share:${ID}:m1`);
    expect(sampleId(own(1))).toBe(`chatgpt:${ID}:m1`);
  });

  it('of an answer without a message id are keyed by its content, under the share id', () => {
    expect(sampleId(shared(1, { messageId: null }))).toMatch(new RegExp(`^chatgpt:share:${ID}:h[0-9a-f]{8}$`));
  });
});

describe('saving a shared answer', () => {
  it('stores it with shared: true, the share id and no conversation id, and lists it as shared', async () => {
    const { h, db } = setup();
    expect(await h.saveAnswer(shared(1), {})).toEqual({ id: `chatgpt:share:${ID}:m1`, created: true });
    const stored = await (await db).get('samples', `chatgpt:share:${ID}:m1`);
    expect(stored).toMatchObject({ shared: true, shareId: ID, conversationId: null, url: SHARE_URL });
    expect(listingOf(stored!).shared).toBe(true);
    expect((await (await db).get('listings', `chatgpt:share:${ID}:m1`))?.shared).toBe(true);
  });

  it('keeps the reader\'s own answers and the shared copy apart', async () => {
    const { h } = setup();
    await h.saveAnswer(shared(1), {});
    await h.saveAnswer(own(1), {});
    expect(await h.countSamples({}, {})).toBe(2);
    expect((await h.listListings({}, {})).map((l) => [l.id, l.shared ?? false]).sort()).toEqual([
      [`chatgpt:${ID}:m1`, false],
      [`chatgpt:share:${ID}:m1`, true],
    ]);
  });

  it('refuses a shared answer without its share id, or with a conversation id, saying why', async () => {
    const { h } = setup();
    const { shareId: _, ...noId } = shared(1);
    await expect(h.saveAnswer(noId, {})).rejects.toThrow(/a shared answer needs its share id and no conversation id/);
    await expect(h.saveAnswer(shared(1, { conversationId: ID }), {})).rejects.toThrow(/no conversation id/);
    await expect(h.saveAnswer(shared(1, { shareId: '' }), {})).rejects.toThrow(/share id must not be empty/);
  });
});

describe('what the popup and side panel ask on a share page', () => {
  it('the tab verdict names the share, and pools only the answers of that share', async () => {
    const { h } = setup();
    for (let i = 1; i <= 3; i++) await h.saveAnswer(shared(i), {});
    await h.saveAnswer(own(4), {});
    await h.saveAnswer(shared(5, { shareId: '6a1e0000-0000-4000-8000-0000000000ff' }), {});
    const v = await h.latestSampleForTab({ url: SHARE_URL }, {});
    expect(v.conversation).toEqual({ site: 'chatgpt', shareId: ID });
    expect(v).toMatchObject({ site: 'chatgpt', conversationAnswers: 3, sample: { messageId: 'm3', shared: true } });
    const c = (await h.tabConversation({ url: SHARE_URL }, {})).conversation!;
    expect(c.samples.map((s) => s.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect(c.pooled).toMatchObject({ n: 3, family: 'anthropic' });
  });

  it('a share page with nothing recorded yet still names the share', async () => {
    const { h } = setup();
    const v = await h.latestSampleForTab({ url: SHARE_URL }, {});
    expect(v).toMatchObject({ conversation: { site: 'chatgpt', shareId: ID }, sample: null, conversationAnswers: 0 });
  });

  it('the reader\'s own conversation does not show the shared copy', async () => {
    const { h } = setup();
    await h.saveAnswer(shared(1), {});
    const v = await h.latestSampleForTab({ url: OWN_URL }, {});
    expect(v).toMatchObject({ conversation: { site: 'chatgpt', conversationId: ID }, sample: null });
  });
});
