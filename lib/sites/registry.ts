/**
 * Every site adapter, one line each. The content script picks the adapter for its page with
 * {@link adapterForUrl}. `ADAPTERS` is keyed by site id, so the compiler refuses a site of `SITES`
 * (`hosts.ts`) without its adapter here, and `tests/meta/site-adapters.test.ts` checks each is its own.
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
import { SITE_IDS, type SiteId } from './hosts';

const ADAPTERS = {
  chatgpt,
  claude,
  huggingchat,
  kimi,
  lechat,
  gemini,
  poe,
  qwen,
  deepseek,
  copilot,
  perplexity,
  metaai,
  grok,
} as const satisfies { readonly [Id in SiteId]: SiteAdapter };

/** The adapters in the order of `SITES`. */
export const siteAdapters: readonly SiteAdapter[] = SITE_IDS.map((id) => ADAPTERS[id]);

/**
 * Whether a URL matches a WebExtension match pattern (`https://host/*`, `*://*.host/path*`).
 * Only the subset the sites' `matches` use is needed: scheme, host with optional `*.` prefix, path glob.
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

/** The adapter for a site id (every site has one; the compiler and the meta-test enforce it). */
export function adapterById(id: SiteId): SiteAdapter | undefined {
  // Own keys only: an id read from stored data may be `constructor` or `toString`.
  return Object.hasOwn(ADAPTERS, id) ? ADAPTERS[id] : undefined;
}
