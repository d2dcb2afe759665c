/**
 * Selector health (research §17.6): a supported conversation page that shows no recognisable turn after a
 * grace period means the site changed its markup. Say so in the console and to the background, once per
 * page and change of state, so a silent zero-capture (NL gotcha #1, 2026-07-28) becomes visible.
 */
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import type { SiteAdapter } from '@/lib/sites/define';
import { shareIdOf } from '@/lib/sites/share';

export interface HealthState {
  /** The last `ok` value reported on this page, null before the first report. */
  readonly reported: boolean | null;
  /** Load or navigation time: the grace period counts from here. */
  readonly since: number;
}

/** Every turn selector of every variant, as one CSS selector list: what matched nothing. */
export function turnSelectorList(adapter: SiteAdapter): string {
  return [...new Set(adapter.variants.flatMap((v) => v.turn.map((s) => s.css)))].join(', ');
}

export function isConversationPage(adapter: SiteAdapter, url: string): boolean {
  try {
    const parsed = new URL(url);
    if (adapter.isConversationPage) return adapter.isConversationPage(parsed);
    // A share page shows a conversation too: a share layout the adapter misses must not stay silent.
    return adapter.conversationId(parsed) !== null || shareIdOf(adapter, parsed) !== null;
  } catch (error) {
    console.debug(`[ModelPrint] ${adapter.id}: unparseable URL ${url}`, error);
    return false;
  }
}

/** Decides whether to report, reports, and returns the new state. */
export function evaluateHealth(
  adapter: SiteAdapter,
  url: string,
  turnCount: number,
  state: HealthState,
  now: number,
  graceMs: number,
  sink: { reportHealth(r: SiteHealthReport): Promise<void> },
  log: (message: string, error?: unknown) => void,
): HealthState {
  let ok: boolean;
  if (turnCount > 0) ok = true;
  else if (now - state.since >= graceMs && isConversationPage(adapter, url)) ok = false;
  else return state;
  if (state.reported === ok) return state;
  const failingSelector = ok ? null : turnSelectorList(adapter);
  if (!ok) console.warn(`[ModelPrint] ${adapter.id}: selector "${failingSelector}" matched nothing on ${url}`);
  sink
    .reportHealth({ site: adapter.id, url, ok, failingSelector, checkedAt: now })
    .catch((error: unknown) => log('reporting selector health failed', error));
  return { ...state, reported: ok };
}
