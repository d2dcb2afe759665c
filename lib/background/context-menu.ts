/**
 * "Fingerprint selected text with ModelPrint" on any page. Needs `contextMenus` and `activeTab` (plus
 * `scripting` to read the selection with its line breaks), and no host permission: the click itself grants
 * access to that one tab.
 */
import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { putSelection } from './selections';

export const MENU_ID = 'modelprint-fingerprint-selection';
export const MENU_TITLE = 'Fingerprint selected text with ModelPrint';

/** (Re)creates the menu item. Chrome keeps items across restarts, Firefox event pages do not: remove first. */
export async function ensureContextMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: MENU_TITLE, contexts: ['selection'] });
}

/**
 * The selection with its line breaks. `info.selectionText` collapses whitespace in Chrome, and line breaks
 * (paragraphs, lists) are part of a model's style, so the selection is read in the page when activeTab
 * allows it; on pages no script may run on (the store, PDFs) the collapsed text is used.
 */
async function selectedText(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<string> {
  const fallback = info.selectionText ?? '';
  if (tab?.id === undefined || !browser.scripting) return fallback;
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId: tab.id, frameIds: info.frameId === undefined ? undefined : [info.frameId] },
      func: () => globalThis.getSelection?.()?.toString() ?? '',
    });
    const text = typeof result?.result === 'string' ? result.result : '';
    return text.trim().length >= fallback.trim().length ? text : fallback;
  } catch (error) {
    console.info('[ModelPrint] selection read from the menu event instead of the page:', error);
    return fallback;
  }
}

/** Hands the selection to a verdict window (through session storage, see selections.ts) and opens it. */
export async function fingerprintSelection(info: Menus.OnClickData, tab: Tabs.Tab | undefined, now = Date.now()) {
  const text = await selectedText(info, tab);
  const id = await putSelection({ text, pageUrl: info.pageUrl ?? tab?.url ?? null, pageTitle: tab?.title ?? null, createdAt: now });
  const url = browser.runtime.getURL(`/verdict.html#${id}`);
  await browser.windows.create({ url, type: 'popup', width: 520, height: 720 });
  return id;
}

export function startContextMenu(): void {
  const report = (error: unknown) => console.error('[ModelPrint] context menu:', error);
  browser.runtime.onInstalled.addListener(() => ensureContextMenu().catch(report));
  browser.runtime.onStartup.addListener(() => ensureContextMenu().catch(report));
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_ID) fingerprintSelection(info, tab).catch(report);
  });
}
