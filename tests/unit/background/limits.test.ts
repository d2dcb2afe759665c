/**
 * Caps and checks at the background's message boundary (issue 15, failure 6): every field of a captured
 * answer is bounded before it reaches the engine or the database. What can be cut without changing the
 * data is cut and the answer stored; what cannot is rejected with the field named, and nothing is stored.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { LIMITS } from '@/lib/background/schemas';
import { openModelPrintDB } from '@/lib/db';
import type { CapturedAnswer } from '@/lib/sample';
import { createFakeEngine, fakeText } from '../verdict/fake-engine';

let n = 0;
function setup() {
  const db = openModelPrintDB(`limits-${++n}`);
  return Object.assign(createHandlers(() => db, { engine: createFakeEngine(), changed: async () => {} }), { db });
}
beforeEach(() => fakeBrowser.reset());

const answer: CapturedAnswer = {
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/abc',
  conversationId: 'abc',
  messageId: 'm1',
  prompt: 'What is 2+2?',
  text: fakeText('gpt-4o'),
  reasoning: null,
  claimedModel: { raw: 'gpt-4o', source: 'message' },
};

const stored = async (h: ReturnType<typeof setup>) => (await h.db).getAll('samples');

describe('a captured answer at the message boundary', () => {
  it('cuts a 2 MB claimed model to a plain label without control or bidi characters', async () => {
    const h = setup();
    await h.saveAnswer({ ...answer, claimedModel: { raw: '\u202Egpt-4o\u200B\n' + 'x'.repeat(2_000_000), source: 'message' } }, {});
    const [sample] = await stored(h);
    expect(sample!.claimedModel!.raw.length).toBe(LIMITS.claimedModel);
    expect(sample!.claimedModel!.raw.startsWith('gpt-4o x')).toBe(true);
  });

  it('drops a claimed model that is only control characters', async () => {
    const h = setup();
    await h.saveAnswer({ ...answer, claimedModel: { raw: '\u202E\u200B ', source: 'picker' } }, {});
    expect((await stored(h))[0]!.claimedModel).toBeNull();
  });

  it('cuts a 5 MB prompt and long reasoning, and still stores the answer', async () => {
    const h = setup();
    const { created } = await h.saveAnswer({ ...answer, prompt: 'p'.repeat(5_000_000), reasoning: 'r'.repeat(3_000_000) }, {});
    expect(created).toBe(true);
    const [sample] = await stored(h);
    expect(sample!.prompt.length).toBe(LIMITS.prompt);
    expect(sample!.reasoning!.length).toBe(LIMITS.reasoning);
  });

  it('rejects a 20 MB text with the field named, and stores nothing', async () => {
    const h = setup();
    await expect(h.saveAnswer({ ...answer, text: 'word '.repeat(4_000_000) }, {})).rejects.toThrow(/invalid answer at text: the answer is longer than 2097152 characters/);
    expect(await stored(h)).toHaveLength(0);
  });

  it('keeps a 1 MB answer whole', async () => {
    const h = setup();
    const text = fakeText('gpt-4o').padEnd(1_000_000, ' and so on');
    await h.saveAnswer({ ...answer, text }, {});
    expect((await stored(h))[0]!.text).toBe(text);
  });

  it('replaces an over-long page id by a stable hash, so a re-read is still the same answer', async () => {
    const h = setup();
    const long = { ...answer, conversationId: 'c'.repeat(10_000), messageId: 'm'.repeat(50_000) };
    const first = await h.saveAnswer(long, {});
    expect(first.id.length).toBeLessThan(LIMITS.sampleId);
    expect(await h.saveAnswer(long, {})).toEqual({ id: first.id, created: false });
  });

  it('accepts only http(s) addresses and cuts a long one to its page', async () => {
    const h = setup();
    await expect(h.saveAnswer({ ...answer, url: 'javascript:alert(1)' }, {})).rejects.toThrow(/invalid answer at url/);
    await h.saveAnswer({ ...answer, url: `https://chatgpt.com/c/abc?q=${'x'.repeat(10_000)}` }, {});
    expect((await stored(h))[0]!.url).toBe('https://chatgpt.com/c/abc');
  });
});

describe('the other messages', () => {
  it('bound queries, labels and id lists', async () => {
    const h = setup();
    await expect(h.listListings({ limit: 1e9 }, {})).rejects.toThrow(/invalid query at limit/);
    await expect(h.setUserLabels({ ids: ['x'], label: 'l'.repeat(201) }, {})).rejects.toThrow(/at most 200 characters/);
    await expect(h.deleteSamples({ ids: ['x'.repeat(LIMITS.sampleId + 1)] }, {})).rejects.toThrow(/invalid ids/);
    await expect(h.reportSiteHealth({ site: 'chatgpt', url: 'https://chatgpt.com/', ok: false, failingSelector: 's'.repeat(10_000), checkedAt: 1 }, {})).resolves.toBeUndefined();
    expect((await h.listSiteHealth({}, {}))[0]!.failingSelector!.length).toBe(LIMITS.selector);
  });
});
