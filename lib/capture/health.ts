/**
 * Selector health (research §17.6): a supported conversation page that shows no recognisable turn after a
 * grace period means the site changed its markup. So does a half-recognised page: turns found, but a finished
 * answer in them reads as empty. Say so in the console and to the background, once per page and change of
 * state, so a silent zero-capture (NL gotcha #1, 2026-07-28) becomes visible, with the adapter id and the
 * date of the markup it knows.
 */
import type { SiteHealthReport } from '@/lib/messaging/protocol';
import { selectorsOf, valueSourcesOf, type SiteAdapter } from '@/lib/sites/define';
import { shareIdOf } from '@/lib/sites/share';

export interface HealthState {
  /** The last `ok` value reported on this page, null before the first report. */
  readonly reported: boolean | null;
  /** Load or navigation time: the grace period counts from here. */
  readonly since: number;
}

/** What one scan found: turns, and finished answers that read as empty since load or navigation. */
export interface HealthFindings {
  readonly turns: number;
  readonly emptyAnswers: number;
}

/** Every turn selector of every variant, as one CSS selector list: what matched nothing. */
export function turnSelectorList(adapter: SiteAdapter): string {
  return [...new Set(adapter.variants.flatMap((v) => v.turn.map((s) => s.css)))].join(', ');
}

/** Every answer-body selector (or, without one, assistant-message selector): what found no text. */
export function bodySelectorList(adapter: SiteAdapter): string {
  return [...new Set(adapter.variants.flatMap((v) => (v.markdownBody ?? v.assistantMessage).map((s) => s.css)))].join(', ');
}

/** The newest `seen` date of any selector of the adapter: the markup it knows, as of that date. */
export function markupSeen(adapter: SiteAdapter): string {
  const dates = adapter.variants.flatMap((v) => [...selectorsOf(v), ...valueSourcesOf(v)].map((s) => s.seen));
  return dates.reduce((newest, d) => (d > newest ? d : newest), '');
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
  found: HealthFindings,
  state: HealthState,
  now: number,
  graceMs: number,
  sink: { reportHealth(r: SiteHealthReport): Promise<void> },
  log: (message: string, error?: unknown) => void,
): HealthState {
  let problem: SiteHealthReport['problem'];
  if (found.emptyAnswers > 0) problem = 'no-answer-text';
  else if (found.turns > 0) problem = null;
  else if (now - state.since >= graceMs && isConversationPage(adapter, url)) problem = 'no-turns';
  else return state;
  const ok = problem === null;
  if (state.reported === ok) return state;
  const failingSelector = problem === 'no-turns' ? turnSelectorList(adapter) : problem ? bodySelectorList(adapter) : null;
  const seen = markupSeen(adapter);
  if (problem === 'no-turns') console.warn(`[ModelPrint] ${adapter.id}: selector "${failingSelector}" matched nothing on ${url} (markup known as of ${seen})`);
  if (problem === 'no-answer-text') console.warn(`[ModelPrint] ${adapter.id}: turns found but selector "${failingSelector}" read no answer text on ${url} (markup known as of ${seen})`);
  sink
    .reportHealth({ site: adapter.id, url, ok, failingSelector, checkedAt: now, problem, markupSeen: seen })
    .catch((error: unknown) => log('reporting selector health failed', error));
  return { ...state, reported: ok };
}
