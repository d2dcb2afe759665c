import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { openModelPrintDB } from '@/lib/db';
import type { CapturedAnswer } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { createFakeEngine } from '../verdict/fake-engine';

let n = 0;
function setup() {
  const db = openModelPrintDB(`handlers-${++n}`);
  let clock = 1000;
  return Object.assign(createHandlers(() => db, { engine: createFakeEngine(), now: () => (clock += 1000), changed: async () => {} }), { db });
}

beforeEach(() => fakeBrowser.reset());

const answer: CapturedAnswer = {
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/abc',
  conversationId: 'abc',
  messageId: 'm1',
  prompt: 'What is 2+2?',
  text: '2 + 2 = **4**.',
  reasoning: null,
  claimedModel: { raw: 'gpt-4o', source: 'message' },
};

describe('background handlers', () => {
  it('saves an answer once, stamps capture time and lists it', async () => {
    const h = setup();
    expect(await h.saveAnswer(answer, {})).toEqual({ id: 'chatgpt:abc:m1', created: true });
    expect(await h.saveAnswer(answer, {})).toEqual({ id: 'chatgpt:abc:m1', created: false });
    expect(await h.countSamples({}, {})).toBe(1);
    const [stored] = await (await h.db).getAll('samples');
    expect(stored).toMatchObject({ ...answer, id: 'chatgpt:abc:m1', capturedAt: 2000 });
    expect(stored!.verdict).toMatchObject({ version: 'fake-1', computedAt: 2000 });
    expect(await h.listListings({}, {})).toEqual([listingOf(stored!)]);
  });

  it('keys an answer without a message id by a hash of its prompt and text', async () => {
    const h = setup();
    const { id } = await h.saveAnswer({ ...answer, messageId: null }, {});
    expect(id).toMatch(/^chatgpt:abc:h[0-9a-f]{8}$/);
    const other = await h.saveAnswer({ ...answer, messageId: null, text: 'different' }, {});
    expect(other.id).not.toBe(id);
  });

  it('rejects malformed answers with a message naming the field, and stores nothing', async () => {
    const h = setup();
    await expect(h.saveAnswer({ ...answer, site: 'evil.example' } as never, {})).rejects.toThrow(/invalid answer at site/);
    await expect(h.saveAnswer({ ...answer, text: '' }, {})).rejects.toThrow(/an answer must have text/);
    await expect(h.saveAnswer({ ...answer, claimedModel: { raw: 'x', source: 'guess' } } as never, {})).rejects.toThrow(
      /claimedModel\.source/,
    );
    expect(await h.countSamples({}, {})).toBe(0);
  });

  it('records site health reports and returns them', async () => {
    const h = setup();
    const report = { site: 'chatgpt' as const, url: answer.url, ok: false, failingSelector: 'x', checkedAt: 5 };
    await h.reportSiteHealth(report, {});
    expect(await h.listSiteHealth({}, {})).toEqual([report]);
    await expect(h.reportSiteHealth({ ...report, ok: 'no' } as never, {})).rejects.toThrow(/invalid health report/);
  });
});
