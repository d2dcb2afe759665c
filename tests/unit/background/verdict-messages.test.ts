import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import { putSelection } from '@/lib/background/selections';
import { recomputeAll, recomputeBatch } from '@/lib/background/verdicts';
import { openModelPrintDB, saveSample } from '@/lib/db';
import type { CapturedAnswer, Sample } from '@/lib/sample';
import { listingOf } from '@/lib/sample-listing';
import { autoRecord, keepText, retentionDays, setSiteEnabled } from '@/lib/settings';
import { createFakeEngine, fakeAttribute, fakeText } from '../verdict/fake-engine';

const CONV = '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const URL_ = `https://chatgpt.com/c/${CONV}`;

let n = 0;
function setup(engine = createFakeEngine()) {
  const db = openModelPrintDB(`verdict-messages-${++n}`);
  let clock = 100 * 86_400_000;
  let changes = 0;
  const h = createHandlers(() => db, { engine, now: () => (clock += 1000), changed: async () => void changes++ });
  return { h, db, engine, changes: () => changes };
}

function answer(i: number, over: Partial<CapturedAnswer> = {}): CapturedAnswer {
  return {
    site: 'chatgpt',
    url: URL_,
    conversationId: CONV,
    messageId: `m${i}`,
    prompt: `question ${i}`,
    text: fakeText('claude-4', 0.9),
    reasoning: null,
    claimedModel: { raw: 'gpt-4o', source: 'message' },
    ...over,
  };
}

beforeEach(() => fakeBrowser.reset());

describe('saving answers respects the settings', () => {
  it('stores nothing from a site the user switched off, and says why', async () => {
    const { h } = setup();
    await setSiteEnabled('chatgpt', false);
    expect(await h.saveAnswer(answer(1), {})).toEqual({ id: `chatgpt:${CONV}:m1`, created: false, skipped: 'site-disabled' });
    expect(await h.countSamples({}, {})).toBe(0);
  });

  it('stores nothing while auto-record is off', async () => {
    const { h } = setup();
    await autoRecord.setValue(false);
    expect((await h.saveAnswer(answer(1), {})).skipped).toBe('auto-record-off');
    expect(await h.countSamples({}, {})).toBe(0);
  });

  it('with keep-text off stores the verdict and features but no text, prompt or reasoning', async () => {
    const { h, db } = setup();
    await keepText.setValue(false);
    const a = answer(1, { reasoning: 'thinking…' });
    await h.saveAnswer(a, {});
    const [s] = await (await db).getAll('samples');
    expect(s).toMatchObject({ text: '', prompt: '', reasoning: null, textDropped: true, textLength: a.text.length });
    expect(s!.features).toEqual({ words: 60, chars: a.text.length });
    expect(s!.verdict?.attribution.family).toBe('anthropic');
  });

  it('deletes samples older than the retention period when a new one arrives', async () => {
    const { h, db } = setup();
    const old: Sample = { ...answer(0), id: 'chatgpt:old:m0', capturedAt: 1 };
    await saveSample(await db, old);
    await retentionDays.setValue(1);
    await h.saveAnswer(answer(1), {});
    expect((await h.listListings({}, {})).map((l) => l.id)).toEqual([`chatgpt:${CONV}:m1`]);
  });
});

describe('what the popup and side panel ask', () => {
  it('finds the latest answer of the tab conversation and judges its claim on pooled evidence', async () => {
    const { h } = setup();
    for (let i = 1; i <= 3; i++) await h.saveAnswer(answer(i), {});
    const v = await h.latestSampleForTab({ url: `${URL_}?model=gpt-4o` }, {});
    expect(v).toMatchObject({ site: 'chatgpt', recording: true, conversationAnswers: 3 });
    expect(v.sample?.messageId).toBe('m3');
    expect(v.conversation).toEqual({ site: 'chatgpt', conversationId: CONV });
    expect(v.claim).toMatchObject({ kind: 'mismatch', strength: 'strong', resembled: { family: 'anthropic' } });
  });

  it('judges a page that shows only a mode against the site’s operator, read from the listings', async () => {
    const { h } = setup();
    const GEMINI = 'https://gemini.google.com/app/2b3c4d5e6f708192';
    for (let i = 1; i <= 3; i++) {
      await h.saveAnswer(answer(i, { site: 'gemini', url: GEMINI, conversationId: '2b3c4d5e6f708192', claimedModel: { raw: 'Flash', source: 'mode' } }), {});
    }
    const v = await h.latestSampleForTab({ url: GEMINI }, {});
    expect(v.claim).toMatchObject({ kind: 'mismatch', claim: { basis: 'operator', site: 'gemini', raw: 'Flash', family: 'google' }, resembled: { family: 'anthropic' } });
    const c = (await h.tabConversation({ url: GEMINI }, {})).conversation!;
    expect(c.claim).toMatchObject({ kind: 'mismatch', claim: { basis: 'operator', family: 'google' }, evidence: { answers: 3, words: 180 } });
    expect(c.evidence).toEqual({ answers: 3, words: 180 });
  });

  it('answers for a tab on an unsupported page or a new chat without failing', async () => {
    const { h } = setup();
    expect(await h.latestSampleForTab({ url: 'https://example.com/' }, {})).toMatchObject({ site: null, sample: null, recording: false });
    expect(await h.latestSampleForTab({}, {})).toMatchObject({ site: null, sample: null });
    expect(await h.latestSampleForTab({ url: 'https://chatgpt.com/' }, {})).toMatchObject({ site: 'chatgpt', recording: true, sample: null });
  });

  it('reports a paused site in the tab verdict', async () => {
    const { h } = setup();
    await setSiteEnabled('chatgpt', false);
    expect((await h.latestSampleForTab({ url: URL_ }, {})).recording).toBe(false);
  });

  it('lists a conversation oldest first with its pooled verdict and answers needed', async () => {
    const { h } = setup();
    for (let i = 1; i <= 2; i++) await h.saveAnswer(answer(i, { text: fakeText('gemini-3', 0.5) }), {});
    const { tab, conversation: c } = await h.tabConversation({ url: URL_ }, {});
    expect(tab.conversationAnswers).toBe(2);
    expect(c!.samples.map((s) => s.messageId)).toEqual(['m1', 'm2']);
    expect(c!.pooled).toMatchObject({ n: 2, family: 'google' });
    expect(c!.answersNeeded.kind).toBe('estimate');
  });

  it('falls back to the answers read on the same page when the URL has no conversation id, as the popup does', async () => {
    const { h } = setup();
    // A ChatGPT page whose address the adapter cannot key (no /c/<uuid>): answers stored without a conversation.
    const page = 'https://chatgpt.com/g/g-abc-custom-gpt';
    for (let i = 1; i <= 3; i++) await h.saveAnswer(answer(i, { url: page, conversationId: null }), {});
    await h.saveAnswer(answer(4, { url: 'https://chatgpt.com/g/g-other', conversationId: null }), {});
    const popup = await h.latestSampleForTab({ url: page }, {});
    expect(popup.sample?.messageId).toBe('m3');
    const { tab, conversation } = await h.tabConversation({ url: page }, {});
    expect(tab.sample?.messageId).toBe('m3');
    expect(conversation?.samples.map((s) => s.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect(conversation?.pooled?.n).toBe(3);
  });

  it('has no conversation for a chatbot tab with nothing recorded', async () => {
    const { h } = setup();
    expect(await h.tabConversation({ url: URL_ }, {})).toMatchObject({ tab: { site: 'chatgpt', sample: null }, conversation: null });
  });

  it('computes missing verdicts of old samples when they are read, and stores them', async () => {
    const engine = createFakeEngine();
    const { h, db } = setup(engine);
    const legacy: Sample = { ...answer(1), id: `chatgpt:${CONV}:m1`, capturedAt: 5 };
    await saveSample(await db, legacy);
    const { conversation: c } = await h.tabConversation({ url: URL_ }, {});
    expect(c!.samples[0]!.verdict?.version).toBe('fake-1');
    const calls = engine.calls;
    await h.tabConversation({ url: URL_ }, {});
    expect(engine.calls).toBe(calls);
  });
});

describe('texts from the context menu or pasted', () => {
  it('attributes a text without storing it', async () => {
    const { h } = setup();
    const r = await h.attributeText({ text: fakeText('qwen') }, {});
    expect(r).toMatchObject({ words: 60, attribution: { model: 'qwen', family: 'alibaba' } });
    expect(await h.countSamples({}, {})).toBe(0);
    await expect(h.attributeText({ text: '' }, {})).rejects.toThrow(/the text is empty/);
  });

  it('saves a text as a manual sample once, with the researcher label', async () => {
    const { h, db, changes } = setup();
    const text = fakeText('deepseek');
    const first = await h.saveText({ text, label: 'deepseek-v3', sourceUrl: 'https://example.com/post' }, {});
    expect(first.id).toMatch(/^manual:none:h[0-9a-f]{8}$/);
    expect(await h.saveText({ text }, {})).toEqual({ id: first.id, created: false });
    const s = await (await db).get('samples', first.id);
    expect(s).toMatchObject({ site: 'manual', userLabel: 'deepseek-v3', url: 'https://example.com/post', text });
    expect(s!.verdict?.attribution.model).toBe('deepseek');
    expect(changes()).toBe(1);
  });

  it('hands a selection over by id through session storage', async () => {
    const { h } = setup();
    const id = await putSelection({ text: 'selected', pageUrl: 'https://example.com', pageTitle: 'Ex', createdAt: 1 });
    expect(await h.pendingSelection({ id }, {})).toMatchObject({ text: 'selected', pageTitle: 'Ex' });
    expect(await h.pendingSelection({ id: 'unknown' }, {})).toBeNull();
  });
});

describe('labels, deletion and recomputation', () => {
  it('labels, deletes some and deletes everything', async () => {
    const { h } = setup();
    for (let i = 1; i <= 3; i++) await h.saveAnswer(answer(i), {});
    const id = `chatgpt:${CONV}:m1`;
    expect(await h.setUserLabels({ ids: [id, `chatgpt:${CONV}:m2`, 'nope'], label: '  claude-4  ' }, {})).toEqual({ updated: 2 });
    expect(await h.setUserLabels({ ids: [`chatgpt:${CONV}:m2`], label: '   ' }, {})).toEqual({ updated: 1 });
    expect((await h.listListings({}, {})).find((l) => l.id === `chatgpt:${CONV}:m2`)?.userLabel).toBeNull();
    expect((await h.listListings({}, {})).find((l) => l.id === id)?.userLabel).toBe('claude-4');
    expect(await h.deleteSamples({ ids: [id, 'nope'] }, {})).toEqual({ deleted: 1 });
    expect(await h.deleteAllSamples({}, {})).toEqual({ deleted: 2 });
    expect(await h.countSamples({}, {})).toBe(0);
  });

  it('recomputes stale verdicts in batches until done (the housekeeping after a worker start)', async () => {
    const { db, engine } = setup(createFakeEngine('fake-2'));
    for (let i = 0; i < 5; i++) {
      await saveSample(await db, { ...answer(i), id: `s${i}`, capturedAt: i });
    }
    expect(await recomputeBatch(await db, engine, 1, 3)).toEqual({ updated: 3, done: false });
    expect(await recomputeBatch(await db, engine, 1, 3)).toEqual({ updated: 2, done: true });
    expect(await recomputeBatch(await db, engine, 1)).toEqual({ updated: 0, done: true });
  });
});

describe('re-reads', () => {
  it('does not run the engine again for an answer that is already stored', async () => {
    const engine = createFakeEngine();
    const { h } = setup(engine);
    await h.saveAnswer(answer(1), {});
    const calls = engine.calls;
    expect((await h.saveAnswer(answer(1), {})).created).toBe(false);
    expect(engine.calls).toBe(calls);
  });
});

describe('a broken engine (signatures rejected after an update)', () => {
  function brokenEngine() {
    const fail = (): never => {
      throw new Error('Invalid ModelPrint signatures');
    };
    const engine = { ...createFakeEngine(), attribute: fail, fingerprint: fail };
    return Object.defineProperty(engine, 'version', { get: fail });
  }

  it('still records answers, with their text and without a verdict, and pages still load', async () => {
    const { h, db, engine } = setup(brokenEngine());
    await keepText.setValue(false);
    expect((await h.saveAnswer(answer(1), {})).created).toBe(true);
    const [s] = await (await db).getAll('samples');
    expect(s!.verdict).toBeUndefined();
    expect(s!.text.length).toBeGreaterThan(0);
    expect((await h.latestSampleForTab({ url: URL_ }, {})).sample?.id).toBe(s!.id);
    expect(await recomputeBatch(await db, engine, 1)).toEqual({ updated: 0, done: true });
  });
});

describe('the dashboard listings', () => {
  it('stay in step with the samples through every message that writes', async () => {
    const { h, db, engine } = setup(createFakeEngine('fake-2'));
    const inStep = async () => {
      const d = await db;
      const [samples, listings] = await Promise.all([d.getAll('samples'), d.getAll('listings')]);
      expect(listings).toEqual(samples.map(listingOf));
      return listings;
    };
    for (let i = 1; i <= 3; i++) await h.saveAnswer(answer(i), {});
    const { id } = await h.saveText({ text: fakeText('gpt-4o', 0.7), label: 'gpt-4o' }, {});
    // A sample stored before the signatures changed: recomputing its verdict rewrites its listing.
    await saveSample(await db, { ...answer(9), id: 'stale', capturedAt: 50, verdict: { version: 'fake-1', computedAt: 1, attribution: { ...fakeAttribute(fakeText('gpt-4o', 0.6)), model: 'old', family: 'old' } } });
    expect((await inStep()).find((l) => l.id === 'stale')?.family).toBe('old');
    await recomputeAll(await db, engine, () => 1);
    expect((await inStep()).find((l) => l.id === 'stale')?.family).toBe('anthropic');
    await h.setUserLabels({ ids: [id], label: 'claude-4' }, {});
    expect((await inStep()).find((l) => l.id === id)?.userLabel).toBe('claude-4');
    await h.deleteSamples({ ids: [id] }, {});
    expect(await inStep()).toHaveLength(4);
    await retentionDays.setValue(1);
    await h.applyRetention({}, {});
    expect((await inStep()).map((l) => l.id)).not.toContain('stale');
    await h.deleteAllSamples({}, {});
    expect(await inStep()).toEqual([]);
  });
});
