/**
 * Every site adapter, one line each. The content script picks the adapter for its page with
 * {@link adapterForUrl}; a meta-test checks that every id in `SITE_MATCHES` has exactly one adapter here.
 */
import { chatgpt } from './chatgpt';
import { metaai } from './metaai';
import { poe } from './poe';
import { kimi } from './kimi';
import { huggingchat } from './huggingchat';
import { claude } from './claude';
import { lechat } from './lechat';
import { gemini } from './gemini';
import { qwen } from './qwen';
import { deepseek } from './deepseek';
import { copilot } from './copilot';
import { perplexity } from './perplexity';
import { grok } from './grok';
import type { SiteAdapter } from './define';
import type { SiteId } from './hosts';

export const siteAdapters = [chatgpt, claude, huggingchat, kimi, lechat, gemini, poe, qwen, deepseek, copilot, perplexity, metaai, grok] as const satisfies readonly SiteAdapter[];

/**
 * Whether a URL matches a WebExtension match pattern (`https://host/*`, `*://*.host/path*`).
 * Only the subset used in `SITE_MATCHES` is needed: scheme, host with optional `*.` prefix, path glob.
 */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const protocol = url.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : protocol !== scheme) return false;
  if (host.startsWith('*.')) {
    const base = host.slice(2);
    if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
  } else if (host !== '*' && url.hostname !== host) return false;
  const glob = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return glob.test(url.pathname + url.search);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The adapter whose match patterns cover the URL, or null (also for unparseable URLs). */
export function adapterForUrl(url: URL | string): SiteAdapter | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    // An unparseable URL is simply not a supported page; nothing to log.
    return null;
  }
  return siteAdapters.find((a) => a.matches.some((p) => matchesPattern(p, parsed))) ?? null;
}

/** The adapter for a site id (every id in `SITE_MATCHES` has one; the meta-test enforces it). */
export function adapterById(id: SiteId): SiteAdapter | undefined {
  return siteAdapters.find((a) => a.id === id);
}
