import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startCapture, type CaptureSink } from '@/lib/capture/start-capture';
import type { CapturedAnswer } from '@/lib/sample';
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { FIXTURES_DIR } from '../sites/page-helpers';
import { useQuietFakeClock } from './quiet-clock';

const URL_C = 'https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000cc';

function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

function fakeSink() {
  const saved: CapturedAnswer[] = [];
  const health: SiteHealthReport[] = [];
  const sink: CaptureSink = {
    saveAnswer: async (a) => void saved.push(a),
    reportHealth: async (r) => void health.push(r),
  };
  return { sink, saved, health };
}

function loadFixture(file: string): void {
  const html = readFileSync(path.join(FIXTURES_DIR, 'chatgpt', file), 'utf8');
  document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

useQuietFakeClock();

describe('startCapture', { timeout: 20_000 }, () => {
  test('on a ChatGPT conversation it saves each finished answer once and reports healthy selectors', async () => {
    setUrl(URL_C);
    loadFixture('a-thinking.html');
    const ctx = new ContentScriptContext('chatbot');
    const { sink, saved, health } = fakeSink();
    startCapture(ctx, sink);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved.map((a) => a.messageId)).toEqual([
      '22222222-2222-4222-8222-222222222222',
      '55555555-5555-4555-8555-555555555555',
    ]);
    expect(saved[0]).toMatchObject({ site: 'chatgpt', url: URL_C, conversationId: '5e0f2a10-0000-4000-8000-0000000000cc' });
    expect(health).toEqual([expect.objectContaining({ ok: true, site: 'chatgpt' })]);
    ctx.abort();
  });

  test('an in-page navigation (wxt:locationchange) captures the next conversation', async () => {
    setUrl(URL_C);
    loadFixture('a-thinking.html');
    const ctx = new ContentScriptContext('chatbot');
    const listen = vi.spyOn(ctx, 'addEventListener');
    const { sink, saved } = fakeSink();
    startCapture(ctx, sink);
    await vi.advanceTimersByTimeAsync(3000);
    const onNavigate = listen.mock.calls.find((c) => c[1] === 'wxt:locationchange')?.[2] as unknown as (e: { newUrl: URL }) => void;
    expect(onNavigate).toBeTypeOf('function');

    setUrl('https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000dd');
    loadFixture('a-mid-stream.html');
    onNavigate({ newUrl: new URL('https://chatgpt.com/c/5e0f2a10-0000-4000-8000-0000000000dd') });
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved.map((a) => a.conversationId)).toEqual([
      '5e0f2a10-0000-4000-8000-0000000000cc',
      '5e0f2a10-0000-4000-8000-0000000000cc',
      '5e0f2a10-0000-4000-8000-0000000000dd',
    ]);
    ctx.abort();
  });

  test('an invalidated context stops all work', async () => {
    setUrl(URL_C);
    loadFixture('a-mid-stream.html');
    const ctx = new ContentScriptContext('chatbot');
    const { sink, saved } = fakeSink();
    startCapture(ctx, sink);
    await vi.advanceTimersByTimeAsync(3000);
    expect(saved).toHaveLength(1);
    ctx.abort();
    document.querySelector('button[data-testid="stop-button"]')!.remove();
    document.querySelectorAll('section')[3]!.insertAdjacentHTML('beforeend', '<button data-testid="copy-turn-action-button"></button>');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toHaveLength(1);
  });

  test('on a page no adapter supports it does nothing', async () => {
    setUrl('https://example.com/c/5e0f2a10-0000-4000-8000-0000000000cc');
    loadFixture('a-thinking.html');
    const ctx = new ContentScriptContext('chatbot');
    const { sink, saved, health } = fakeSink();
    startCapture(ctx, sink);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(saved).toEqual([]);
    expect(health).toEqual([]);
    ctx.abort();
  });
});
