/**
 * Shared-conversation pages (`chatgpt.com/share/<id>`, `gemini.google.com/share/<id>`…): someone showed
 * the reader a conversation through a link. Its answers are worth the same verdict, but they were written
 * for someone else's prompts, so they are kept apart from the reader's own conversations: stored with
 * `shared: true` and the share id instead of a conversation id (issue 13). Which URL is a share page is
 * each adapter's `shareId`, with its evidence; this module only applies it.
 */
import type { SiteAdapter } from './define';

/** What an answer read on a page belongs to: the reader's conversation, or a share link. */
export type PageThread =
  | { readonly conversationId: string | null; readonly shared?: undefined; readonly shareId?: undefined }
  | { readonly conversationId: null; readonly shared: true; readonly shareId: string };

/** The share id of a URL, or null (not a share page, no share pages on this site, or a throwing adapter). */
export function shareIdOf(adapter: SiteAdapter, url: URL): string | null {
  if (!adapter.shareId) return null;
  try {
    return adapter.shareId(url) || null;
  } catch (error) {
    console.warn(`[ModelPrint] ${adapter.id}: reading a share id from ${url.href} failed`, error);
    return null;
  }
}

export function isSharePage(adapter: SiteAdapter, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL (about:blank, empty): no share page. (`URL.canParse` is missing before Chrome 120.)
    return false;
  }
  return shareIdOf(adapter, parsed) !== null;
}

/** The thread of a page URL: a share link wins over any conversation id in the same URL. */
export function threadOf(adapter: SiteAdapter, url: URL): PageThread {
  const shareId = shareIdOf(adapter, url);
  return shareId ? { conversationId: null, shared: true, shareId } : { conversationId: adapter.conversationId(url) };
}
