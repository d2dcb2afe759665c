import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fingerprintSelection } from '@/lib/background/context-menu';
import { getSelection } from '@/lib/background/selections';
import type { Menus, Tabs } from 'webextension-polyfill';

const info = (selectionText: string): Menus.OnClickData =>
  ({ menuItemId: 'modelprint-fingerprint-selection', selectionText, pageUrl: 'https://example.com/a', editable: false, modifiers: [] }) as Menus.OnClickData;

describe('fingerprinting a selection from the context menu', () => {
  let opened: string[];
  beforeEach(() => {
    fakeBrowser.reset();
    opened = [];
    vi.spyOn(fakeBrowser.windows, 'create').mockImplementation(async (props) => {
      opened.push(String(props?.url));
      return {} as never;
    });
  });

  it('hands the text over by id in session storage and opens the verdict page with only the id in its URL', async () => {
    const id = await fingerprintSelection(info('a selected text'), undefined, 42);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(new RegExp(`/verdict\\.html#${id}$`));
    expect(opened[0]).not.toContain('selected');
    expect(await getSelection(id)).toEqual({ text: 'a selected text', pageUrl: 'https://example.com/a', pageTitle: null, createdAt: 42 });
  });

  it('reads the selection in the page to keep its line breaks, and falls back to the menu text', async () => {
    const tab = { id: 3, title: 'Post', url: 'https://example.com/a' } as Tabs.Tab;
    const scripting = { executeScript: vi.fn(async () => [{ frameId: 0, result: 'line one\n\nline two' }]) };
    Object.assign(fakeBrowser, { scripting });
    const id = await fingerprintSelection(info('line one line two'), tab, 1);
    expect((await getSelection(id))?.text).toBe('line one\n\nline two');
    expect((await getSelection(id))?.pageTitle).toBe('Post');

    scripting.executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    const fallback = await fingerprintSelection(info('menu text'), tab, 2);
    expect((await getSelection(fallback))?.text).toBe('menu text');
  });
});
