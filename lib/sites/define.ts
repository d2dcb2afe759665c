/**
 * The shape of a site adapter: everything ModelPrint knows about one chatbot page, as data.
 *
 * An adapter says *where* things are (selectors with the date and the evidence that they worked); the
 * generic code in `lib/capture/` says *what to do* with them (find answers, wait for completion, rebuild
 * markdown, report selector health). Sites change their markup every 1-3 months
 * (`../shared/research/chatbot-dom-2026.md` §15), so a fix should be a data edit in one file.
 *
 * Adding a site `<id>` (see also `lib/sites/README.md`; `tests/meta/site-adapters.test.ts` names any piece
 * that is missing):
 *   1. `lib/sites/<id>.ts` exporting `site` ({@link SiteFacts}: id, label, match patterns; plain data, no DOM)
 *      and the adapter `defineSiteAdapter(site, { ... })`;
 *   2. its `site` in `SITES` (`lib/sites/hosts.ts`: host permissions, content-script matches and labels follow)
 *      and its adapter in `ADAPTERS` (`lib/sites/registry.ts`);
 *   3. who runs it in `SITE_OPERATORS` (`lib/verdict/site-operators.ts`);
 *   4. fixtures under `tests/fixtures/sites/<id>/`: pages (at least `streaming.html`), a `README.md` dating
 *      each and naming its source, and `e2e.json` (the end-to-end case);
 *   5. a row in the `SITES` matrix of `tests/dom/sites/pages.test.ts` and `tests/dom/sites/<id>.test.ts`
 *      for what is particular to the site;
 *   6. a row in the README's supported-sites table.
 */
import type { SiteId } from './hosts';

/** One CSS selector and where it comes from. */
export interface Selector {
  /** A CSS selector (may use `:has()`; Chromium, Firefox ≥ 121 and happy-dom support it). */
  readonly css: string;
  /** When the evidence last saw it live: `YYYY-MM` or `YYYY-MM-DD`. */
  readonly seen: string;
  /** Evidence keys from `chatbot-dom-2026.md` ("NL", "SHO", "U4"), fixture names, or "hand-authored". */
  readonly evidence: string;
  /** Why this selector, or what it replaced. */
  readonly note?: string;
}

/**
 * An ordered fallback chain: the first selector that matches anything wins; later ones are kept for A/B
 * rollouts and recent redesigns. Put the currently working candidate first (research §17.1: every failed
 * probe costs a query per scan).
 */
export type SelectorChain = readonly [Selector, ...Selector[]];

/** A set of selectors that all apply (strip lists, completion signals). */
export type SelectorSet = readonly Selector[];

/**
 * A signal whose scope matters: `answer` selectors are looked for inside the answer's turn (or on the turn
 * element itself, e.g. Claude's `data-is-streaming`), `page` selectors anywhere in the document (a composer
 * stop button). A page-scoped signal only ever applies to the *last* answer on the page.
 */
export interface ScopedSelector extends Selector {
  readonly scope: 'answer' | 'page';
}

/**
 * Where a string value is read: the element `css` selects inside the scope (the scope itself when `css`
 * is omitted), then the attribute `attr` (its text content when omitted), then the first capture group of
 * `pattern` (the whole trimmed value when omitted). Empty results count as "not found".
 */
export interface ValueSource extends Omit<Selector, 'css'> {
  readonly css?: string;
  readonly attr?: string;
  readonly pattern?: RegExp;
}

/** Where the page says which model answered. Per-message sources beat the page-level picker. */
export interface ModelLabelSpec {
  /** Read on each assistant message element, first to last; first hit wins. */
  readonly perMessage?: readonly ValueSource[];
  /** Read in the document (composer pill, header picker); first hit wins. */
  readonly picker?: readonly ValueSource[];
  /** A picker value matching this is a mode ("Thinking", "Flash"), recorded with source `mode`. */
  readonly modeWords?: RegExp;
}

/**
 * One DOM family of a site. Sites serve several at once (ChatGPT has three in 2026), so an adapter lists
 * them in order and the capture code uses the first whose `turn` chain matches anything.
 */
export interface SiteVariant {
  /** Short stable id, used in logs and tests: `a-conversation-turn`. */
  readonly id: string;
  /** Narrowest stable element containing every turn; observed for mutations. Default: `document.body`. */
  readonly root?: SelectorChain;
  /**
   * Turn elements in document order. A turn holds a prompt, an answer, or both (a prompt followed by its
   * answer). The prompt of an answer is the nearest user message before it.
   */
  readonly turn: SelectorChain;
  /** User message elements inside a turn, or the turn itself. */
  readonly userMessage: SelectorChain;
  /** The prompt text inside a user message. Default: the user message element. */
  readonly promptText?: SelectorChain;
  /** Assistant message elements inside a turn, or the turn itself. Several in one turn are merged. */
  readonly assistantMessage: SelectorChain;
  /**
   * Answer bodies inside an assistant message. Every outermost match is converted, in document order
   * (ChatGPT code blocks may sit beside `.markdown`, Claude interleaves several `.standard-markdown`).
   * Default: the assistant message element.
   */
  readonly markdownBody?: SelectorChain;
  /** Present while the answer is still being written. */
  readonly generating: readonly ScopedSelector[];
  /** Completion affordance (copy button, action bar, "complete" attribute). At least one. */
  readonly complete: readonly [ScopedSelector, ...ScopedSelector[]];
  /**
   * Opt-in, with dated evidence that finished answers of this family can show no affordance (saved and
   * exported pages, old conversations): such an answer completes once its text holds still while nothing on
   * the page is generating (`lib/capture/completion.ts`). Only for a family whose `generating` signals are
   * known to work.
   */
  readonly settledWithoutSignals?: SettledRule;
  /** Removed from the clone of each body before conversion (site-specific UI chrome). */
  readonly strip?: SelectorSet;
  /**
   * Reasoning / thinking blocks inside the turn: read as `reasoning`, and always removed from the answer
   * text. Research §16.5 lists one per site.
   */
  readonly reasoning?: SelectorSet;
  /** The page's id for the answer, read on the first assistant message, then on the turn. */
  readonly messageId?: readonly ValueSource[];
  readonly model?: ModelLabelSpec;
}

/** Where and why an adapter lets answers complete without an affordance ({@link SiteVariant.settledWithoutSignals}). */
export interface SettledRule extends Omit<Selector, 'css'> {
  /**
   * Looked for inside the turn: a turn showing one (an error banner, a retry card) never completes this
   * way, its text is no answer.
   */
  readonly unless: SelectorSet;
}

/** The elements of one answer as found on the page (live nodes: read them, never modify them). */
export interface AnswerNodes {
  readonly turn: Element;
  readonly messages: readonly Element[];
}

/**
 * Escape hatches for logic that selectors cannot express. Keep them small and pure; each is called inside
 * a try/catch by the capture code, and a hook that throws is treated as absent.
 */
export interface SiteHooks {
  /** Rewrite a link target (drop tracking parameters the site adds). */
  readonly cleanUrl?: (href: string) => string;
  /** Reasoning text for an answer, when `variant.reasoning` cannot find it. */
  readonly readReasoning?: (answer: AnswerNodes, doc: Document) => string | null;
  /** Extra completion check; `undefined` defers to the selectors. */
  readonly isComplete?: (answer: AnswerNodes, doc: Document) => boolean | undefined;
}

/**
 * What the manifest, the pages, the CLI and the scripts know of a site: plain data that each adapter file
 * exports as `site`, read without the selectors (`lib/sites/hosts.ts` lists them).
 */
export interface SiteFacts {
  /** The adapter's file name: `lib/sites/<id>.ts`; stored on every sample as `site`. */
  readonly id: string;
  /** Human name for the popup, the dashboard and logs. */
  readonly label: string;
  /**
   * WebExtension match patterns of the pages to read: the manifest's host permissions and the content
   * script's matches. Only the subset `matchesPattern` (`registry.ts`) reads: scheme, host, path glob.
   */
  readonly matches: readonly string[];
}

export interface SiteAdapter extends SiteFacts {
  readonly id: SiteId;
  /** The conversation id in a URL, or null (new chat, home page). Pure: no `location`, no DOM. */
  readonly conversationId: (url: URL) => string | null;
  /**
   * The id of a shared-conversation link (`chatgpt.com/share/<id>`), or null on every other page. Answers
   * read there were written for someone else's prompts: they are stored with `shared: true` and this id
   * instead of a conversation id (`lib/sites/share.ts`). Omitted when the site has no share page of its own
   * (its shared threads open at the owner's conversation URL). Pure, like `conversationId`.
   */
  readonly shareId?: (url: URL) => string | null;
  /**
   * Whether the URL is a page that should show turns, for selector health. Default: it has a
   * conversation id. A new chat without turns is not a broken selector.
   */
  readonly isConversationPage?: (url: URL) => boolean;
  readonly variants: readonly [SiteVariant, ...SiteVariant[]];
  readonly hooks?: SiteHooks;
}

/** Builds a {@link Selector}; keeps adapter files one line per selector. */
/* @__NO_SIDE_EFFECTS__ */
export function sel(css: string, seen: string, evidence: string, note?: string): Selector {
  return note === undefined ? { css, seen, evidence } : { css, seen, evidence, note };
}

/** Builds a {@link ScopedSelector}. */
/* @__NO_SIDE_EFFECTS__ */
export function signal(
  scope: ScopedSelector['scope'],
  css: string,
  seen: string,
  evidence: string,
  note?: string,
): ScopedSelector {
  return { ...sel(css, seen, evidence, note), scope };
}

const SEEN = /^\d{4}-\d{2}(-\d{2})?$/;

/**
 * Declares a site adapter, after cheap sanity checks. In tests and development a problem throws at import
 * time, so it fails every test rather than silently matching nothing on a live page. In a production build
 * it is only logged: every adapter shares one content script, and one bad date must not stop the others.
 *
 * Marked free of side effects for the bundler: a page that reads only an adapter file's `site` facts (through
 * `hosts.ts`) drops the unused adapter and its selectors; wherever the adapter is used, the checks still run.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineSiteAdapter(site: SiteFacts & { readonly id: SiteId }, spec: Omit<SiteAdapter, keyof SiteFacts>): SiteAdapter {
  // The facts are passed whole rather than spread by each caller: a spread left in an adapter file would
  // survive tree-shaking in every page that reads only the facts.
  const adapter: SiteAdapter = { ...spec, id: site.id, label: site.label, matches: site.matches };
  const problems = adapter.variants.flatMap((variant) => [
    ...selectorsOf(variant).flatMap((s) => {
      if (!s.css || !s.css.trim()) return [`${adapter.id}/${variant.id}: empty selector`];
      return SEEN.test(s.seen) ? [] : [`${adapter.id}/${variant.id}: selector "${s.css}" has no date (seen: "${s.seen}")`];
    }),
    ...(variant.settledWithoutSignals && !SEEN.test(variant.settledWithoutSignals.seen)
      ? [`${adapter.id}/${variant.id}: settledWithoutSignals has no date (seen: "${variant.settledWithoutSignals.seen}")`]
      : []),
    ...valueSourcesOf(variant).flatMap((v) =>
      SEEN.test(v.seen) ? [] : [`${adapter.id}/${variant.id}: value source "${v.css ?? v.attr}" has no date (seen: "${v.seen}")`],
    ),
  ]);
  if (problems.length > 0) {
    if (import.meta.env?.PROD) console.error(`[ModelPrint] ${problems.join('; ')}`);
    else throw new Error(problems.join('; '));
  }
  return adapter;
}

/** Every selector of a variant, for validation and the meta-tests. */
export function selectorsOf(variant: SiteVariant): Selector[] {
  const chains: (readonly Selector[] | undefined)[] = [
    variant.root,
    variant.turn,
    variant.userMessage,
    variant.promptText,
    variant.assistantMessage,
    variant.markdownBody,
    variant.generating,
    variant.complete,
    variant.strip,
    variant.reasoning,
    variant.settledWithoutSignals?.unless,
  ];
  return chains.flatMap((chain) => (chain ? [...chain] : []));
}

/** Every value source of a variant (message id, model labels). */
export function valueSourcesOf(variant: SiteVariant): ValueSource[] {
  return [...(variant.messageId ?? []), ...(variant.model?.perMessage ?? []), ...(variant.model?.picker ?? [])];
}
