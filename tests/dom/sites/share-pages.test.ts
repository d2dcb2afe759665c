/**
 * Shared-conversation pages (issue 13): which URL is a share page on each site, and what the capture
 * session stores from each site's `share.html` (hand-built, evidence in its README): every answer once,
 * `shared: true`, the share id and no conversation id; nothing from a share page that shows no
 * conversation, nor from a home page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { createCaptureSession, type CaptureTimers } from '@/lib/capture/session';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import type { CapturedAnswer } from '@/lib/sample';
import type { SiteId } from '@/lib/sites/hosts';
import { adapterById, adapterForUrl, siteAdapters } from '@/lib/sites/registry';
import { isSharePage, threadOf } from '@/lib/sites/share';
import { expectedOf } from './fixture-expectations';
import { FIXTURES_DIR } from './page-helpers';
import { useQuietFakeClock } from '../capture/quiet-clock';

/** Share URLs as they appear in public links (evidence in each adapter's `shareId` comment) → share id. */
const SHARE_URLS: [string, string][] = [
  ['https://chatgpt.com/share/686fe9c3-eb50-8005-8459-ae1c7af41f66', '686fe9c3-eb50-8005-8459-ae1c7af41f66'],
  ['https://chat.openai.com/share/6A1E0000-0000-4000-8000-00000000ABCD', '6a1e0000-0000-4000-8000-00000000abcd'],
  ['https://claude.ai/share/37628787-24d0-41c7-b76f-2fad9564af43', '37628787-24d0-41c7-b76f-2fad9564af43'],
  ['https://gemini.google.com/share/ecce5241a45c', 'ecce5241a45c'],
  ['https://gemini.google.com/share/bfe37c3007e4?hl=en', 'bfe37c3007e4'],
  ['https://chat.deepseek.com/share/d3j6axdn28htyv53vb', 'd3j6axdn28htyv53vb'],
  ['https://www.kimi.com/share/19b26195-5882-8e8f-8000-0000b4ec5937', '19b26195-5882-8e8f-8000-0000b4ec5937'],
  ['https://www.kimi.com/share/d3ue3u6f5ku58cd1jo40', 'd3ue3u6f5ku58cd1jo40'],
  ['https://www.kimi.com/share/19d8b2b9-ebf2-862f-8000-00006be28d4e?hide_sidebar=1', '19d8b2b9-ebf2-862f-8000-00006be28d4e'],
  ['https://grok.com/share/bGVnYWN5_c41dc0f7-8fcb-4d31-bbc0-1414d0a4e294', 'bGVnYWN5_c41dc0f7-8fcb-4d31-bbc0-1414d0a4e294'],
  ['https://grok.com/share/c2hhcmQtMg%3D%3D_ed6e9615-9021-4dd5-bf61-0d3319797ae2', 'c2hhcmQtMg==_ed6e9615-9021-4dd5-bf61-0d3319797ae2'],
  ['https://grok.com/share/c2hhcmQtMi1jb3B5_a06c4757-e33e-4879-8703-bdcf8a5e45e8', 'c2hhcmQtMi1jb3B5_a06c4757-e33e-4879-8703-bdcf8a5e45e8'],
  ['https://chat.qwen.ai/s/c75b2f49-8beb-4748-ac49-7d63406e148e?fev=0.2.63', 'c75b2f49-8beb-4748-ac49-7d63406e148e'],
  ['https://chat.qwen.ai/s/t_0d43629f-9582-4d86-baff-9f5098e48c43?fev=0.2.81', 't_0d43629f-9582-4d86-baff-9f5098e48c43'],
  ['https://poe.com/s/kxbWkhgiPORnv2D02LUJ', 'kxbWkhgiPORnv2D02LUJ'],
  ['https://huggingface.co/chat/r/Ab3dE6g', 'Ab3dE6g'],
  ['https://huggingface.co/chat/conversation/Ab3dE6g?leafId=x', 'Ab3dE6g'],
  ['https://copilot.microsoft.com/shares/CiDmc9pCLBUXWv6QLjVdD', 'CiDmc9pCLBUXWv6QLjVdD'],
  ['https://copilot.com/shares/r5f8zPCHaNNzvU2RA2Nm3', 'r5f8zPCHaNNzvU2RA2Nm3'],
  ['https://www.meta.ai/share/c/ycDe8g6HQz', 'ycDe8g6HQz'],
  ['https://www.meta.ai/share/BJ58mD1g4ib', 'BJ58mD1g4ib'],
];

/** Pages that are not share pages: the reader's own conversations, home pages, artifact shares. */
const NOT_SHARED = [
  'https://chatgpt.com/c/6a1e0000-0000-4000-8000-00000000abcd',
  'https://chatgpt.com/',
  'https://chatgpt.com/s/t_687668c701208191b767d9ea1a96069f',
  'https://claude.ai/chat/6a1e0000-0000-4000-8000-00000000c1a1',
  'https://gemini.google.com/app/2b3c4d5e6f70',
  'https://chat.deepseek.com/a/chat/s/6a1e0000-0000-4000-8000-00000000abcd',
  'https://chat.deepseek.com/',
  'https://www.kimi.com/chat/19a4c6e8-0b2d-4f61-83a5-c7e9a1b3d5f7',
  'https://grok.com/c/27be7d81-c0bd-4073-8013-7fa8aa4e40b3',
  'https://grok.com/share/',
  'https://chat.qwen.ai/c/c75b2f49-8beb-4748-ac49-7d63406e148e',
  'https://poe.com/chat/2ryv2qtsmg6ldvnh9kg',
  'https://poe.com/Claude-Sonnet-4.5',
  'https://huggingface.co/chat/conversation/6650a1b2c3d4e5f601234567',
  'https://copilot.microsoft.com/chats/FvLNRfxKKuKLMzxbeB9mL',
  'https://www.meta.ai/share/a/c36b3d13-0e34-4229-b6fe-17e7d21aaefd',
  'https://www.meta.ai/prompt/5d7b9f13-0000-4000-8000-000000006b70',
  // Perplexity and Le Chat share a thread at the owner's own URL (U-id 69491306518, 2026-09-22): a
  // reader's page cannot be told from the owner's, so it is read as a conversation.
  'https://www.perplexity.ai/search/how-do-tides-work-AbCdEfGh12',
  'https://chat.mistral.ai/chat/8a997b72-eed0-4629-b55e-9d3aa089ae45',
];

describe('share pages are recognised from the URL alone', () => {
  test.each(SHARE_URLS)('%s → share id %s, no conversation id', (url, id) => {
    const adapter = adapterForUrl(url)!;
    expect(threadOf(adapter, new URL(url))).toEqual({ conversationId: null, shared: true, shareId: id });
    expect(adapter.conversationId(new URL(url))).toBeNull();
  });

  test.each(NOT_SHARED)('%s is not a share page', (url) => {
    expect(isSharePage(adapterForUrl(url)!, url)).toBe(false);
  });

  test('every site but Perplexity and Le Chat has a share page, and a share URL in the table above', () => {
    const withShare = siteAdapters.filter((a) => a.shareId).map((a) => a.id);
    expect(withShare.sort()).toEqual(SITE_IDS_WITH_SHARE.slice().sort());
    for (const id of withShare) expect(SHARE_URLS.some(([url]) => adapterForUrl(url)?.id === id), id).toBe(true);
  });
});

const SITE_IDS_WITH_SHARE: SiteId[] = ['chatgpt', 'claude', 'gemini', 'deepseek', 'kimi', 'grok', 'qwen', 'poe', 'huggingchat', 'copilot', 'metaai'];

interface ShareCase {
  fixture: string;
  url: string;
  shareId: string;
}

const shareCase = (site: SiteId): ShareCase =>
  (JSON.parse(readFileSync(path.join(FIXTURES_DIR, site, 'e2e.json'), 'utf8')) as { share: ShareCase }).share;

function loadBody(html: string) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
}

const timers: CaptureTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number,
  clearTimeout: (id) => clearTimeout(id),
  now: () => Date.now(),
};

/** Runs a capture session on the test document at `url` until well past stability and health grace. */
async function capture(site: SiteId, url: string) {
  const saved: CapturedAnswer[] = [];
  const health: SiteHealthReport[] = [];
  const session = createCaptureSession({
    adapter: adapterById(site)!,
    doc: document,
    getUrl: () => url,
    sink: { saveAnswer: async (a) => void saved.push(a), reportHealth: async (r) => void health.push(r) },
    timers,
  });
  session.scanNow();
  await vi.advanceTimersByTimeAsync(10_000);
  session.scanNow();
  session.stop();
  return { saved, health };
}

useQuietFakeClock();

describe.each(SITE_IDS_WITH_SHARE)('%s share page, through the capture session', (site) => {
  const c = shareCase(site);
  const html = readFileSync(path.join(FIXTURES_DIR, site, c.fixture), 'utf8');

  test('stores every answer once, shared, under the share id', async () => {
    loadBody(html);
    const expected = expectedOf(new DOMParser().parseFromString(html, 'text/html') as unknown as Document);
    const { saved, health } = await capture(site, c.url);
    expect(saved.map((a) => a.text)).toEqual(expected.map((e) => e.text));
    expect(saved.map((a) => a.prompt)).toEqual(expected.map((e) => e.prompt));
    for (const a of saved) expect(a).toMatchObject({ site, url: c.url, conversationId: null, shared: true, shareId: c.shareId });
    expect(health.map((h) => h.ok)).toEqual([true]);
  });

  test('the same page under a non-share URL is not stored as shared', async () => {
    loadBody(html);
    const { saved } = await capture(site, `https://${new URL(c.url).host}/`);
    expect(saved.every((a) => a.shared === undefined && a.shareId === undefined)).toBe(true);
  });

  test('a share link that failed to load (no conversation) stores nothing', async () => {
    document.body.innerHTML = '<main><h1>This shared link has been disabled or deleted.</h1><a href="/">Start a new chat</a></main>';
    const { saved, health } = await capture(site, c.url);
    expect(saved).toEqual([]);
    // A share page without turns is reported like a conversation page: a changed share layout is visible.
    expect(health.map((h) => h.ok)).toEqual([false]);
  });
});

describe('pages without a conversation', () => {
  test.each(SITE_IDS_WITH_SHARE)('%s home page stores nothing and reports no broken layout', async (site) => {
    const home = new URL(shareCase(site).url);
    document.body.innerHTML = '<main><h1>What can I help with?</h1><textarea></textarea></main>';
    const { saved, health } = await capture(site, `${home.origin}${site === 'huggingchat' ? '/chat/' : '/'}`);
    expect(saved).toEqual([]);
    expect(health).toEqual([]);
  });
});

describe('share pages drop the action bars the chat completion signals wait for', () => {
  // Kimi's and Gemini's share pages recorded nothing before (issue 13): the answers never completed.
  test.each(['kimi', 'gemini'] as SiteId[])('%s: the share page has none of the chat page completion signals', (site) => {
    const html = readFileSync(path.join(FIXTURES_DIR, site, 'share.html'), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const chatVariant = adapterById(site)!.variants.find((v) => !v.id.startsWith('share'))!;
    for (const signal of chatVariant.complete) expect(doc.querySelector(signal.css), signal.css).toBeNull();
  });
});
