import { beforeEach, describe, expect, it, vi } from 'vitest';
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pauseBadgeFor, startPauseBadge } from '@/lib/background/pause-badge';
import { autoRecord, setSiteEnabled } from '@/lib/settings';

const CHAT = 'https://chatgpt.com/c/6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';

beforeEach(() => fakeBrowser.reset());

describe('the toolbar badge while recording is paused', () => {
  it.each([
    [CHAT, ['chatgpt'], true, { text: 'off', title: 'ModelPrint: paused on ChatGPT' }],
    [CHAT, ['claude'], true, null],
    [CHAT, [], false, { text: 'off', title: 'ModelPrint: recording is paused on every site (Settings)' }],
    ['https://example.com/', ['chatgpt'], false, null],
    [undefined, [], true, null],
  ])('%s with %o paused, auto-record %s', (url, disabled, auto, want) => {
    expect(pauseBadgeFor(url, disabled, auto)).toEqual(want);
  });

  it('follows the settings on the active tab and clears when recording resumes', async () => {
    const tab = await fakeBrowser.tabs.create({ url: CHAT });
    // The fake browser keeps no active tab; the real one answers this query with the tab in front.
    vi.spyOn(browser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
    const stop = startPauseBadge();
    const badge = () => browser.action.getBadgeText({ tabId: tab.id });
    await setSiteEnabled('chatgpt', false);
    await expect.poll(badge).toBe('off');
    expect(await browser.action.getTitle({ tabId: tab.id })).toBe('ModelPrint: paused on ChatGPT');
    await setSiteEnabled('chatgpt', true);
    await expect.poll(badge).toBe('');
    await autoRecord.setValue(false);
    await expect.poll(badge).toBe('off');
    stop();
  });

  it('updates when the user switches to a tab of a paused site', async () => {
    await setSiteEnabled('claude', false);
    const tab = await fakeBrowser.tabs.create({ url: 'https://claude.ai/chat/0b9c' });
    const stop = startPauseBadge();
    await fakeBrowser.tabs.onActivated.trigger({ tabId: tab.id!, windowId: tab.windowId! });
    await expect.poll(() => browser.action.getBadgeText({ tabId: tab.id })).toBe('off');
    expect(await browser.action.getTitle({ tabId: tab.id })).toBe('ModelPrint: paused on Claude');
    stop();
  });
});
