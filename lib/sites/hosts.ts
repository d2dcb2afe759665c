/**
 * The chatbot sites ModelPrint reads, one line each: every adapter file's own `site` facts (id, label, match
 * patterns), in the order the manifest lists their hosts. Ids, host permissions and labels are derived from
 * this list, never written a second time.
 *
 * Only the plain `site` data is taken from the adapter files, so `wxt.config.ts` (Node, at build time), the
 * extension pages and the CLI get them without DOM code: the adapter files touch no DOM at import time, and
 * the bundler drops their unused adapters (`defineSiteAdapter` is marked free of side effects; keep adapter
 * files free of top-level spreads, templates with values and reads of another variant's fields, which would
 * survive in every page). Host permissions cover exactly these patterns: no `<all_urls>`.
 */
import type { SiteFacts } from './define';
import { site as chatgpt } from './chatgpt';
import { site as metaai } from './metaai';
import { site as poe } from './poe';
import { site as kimi } from './kimi';
import { site as huggingchat } from './huggingchat';
import { site as claude } from './claude';
import { site as lechat } from './lechat';
import { site as gemini } from './gemini';
import { site as qwen } from './qwen';
import { site as deepseek } from './deepseek';
import { site as copilot } from './copilot';
import { site as perplexity } from './perplexity';
import { site as grok } from './grok';

export const SITES = [
  chatgpt,
  metaai,
  poe,
  kimi,
  huggingchat,
  claude,
  lechat,
  gemini,
  qwen,
  deepseek,
  copilot,
  perplexity,
  grok,
] as const satisfies readonly SiteFacts[];

export type SiteId = (typeof SITES)[number]['id'];

export const SITE_IDS: SiteId[] = SITES.map((s) => s.id);

/** Every match pattern of every site, for the manifest and the content script. */
export const hostPermissions: string[] = /* @__PURE__ */ SITES.flatMap((s) => [...s.matches]);
