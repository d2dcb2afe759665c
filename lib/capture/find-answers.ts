/**
 * Finds the answers on a page from an adapter's selectors, and observes each one's completion signals.
 * Read-only on the live DOM.
 */
import type { AnswerNodes, ScopedSelector, SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { contentHash } from '@/lib/sample';
import { anyMatch, chainAll, firstMatch, type Scope } from './query';

/** One answer on the page: its turn, its assistant message elements, and the user messages before it. */
export interface PageAnswer extends AnswerNodes {
  readonly promptNodes: readonly Element[];
  readonly isLast: boolean;
}

export interface PageScan {
  readonly variant: SiteVariant | null;
  readonly turns: readonly Element[];
  readonly answers: readonly PageAnswer[];
}

/** The first variant whose turn chain matches anything, with its turns. */
export function detectVariant(adapter: SiteAdapter, doc: Scope): { variant: SiteVariant; turns: Element[] } | null {
  for (const variant of adapter.variants) {
    const found = firstMatch(doc, variant.turn);
    if (found) return { variant, turns: found.elements };
  }
  return null;
}

/**
 * Pairs prompts with answers. Turns are walked in document order; a turn may hold a prompt, an answer, or
 * both (ChatGPT family B). An answer's prompt is the last user message seen before it; a turn with
 * assistant role but no assistant message (ChatGPT Deep Research: an iframe) yields no answer.
 */
export function scanPage(adapter: SiteAdapter, doc: Document): PageScan {
  const detected = detectVariant(adapter, doc);
  if (!detected) return { variant: null, turns: [], answers: [] };
  const { variant, turns } = detected;
  const answers: Omit<PageAnswer, 'isLast'>[] = [];
  let prompt: Element[] = [];
  for (const turn of turns) {
    const users = chainAll(turn, variant.userMessage);
    const messages = chainAll(turn, variant.assistantMessage);
    if (users.length > 0) prompt = users;
    if (messages.length > 0) answers.push({ turn, messages, promptNodes: prompt });
  }
  return {
    variant,
    turns,
    answers: answers.map((a, i) => ({ ...a, isLast: i === answers.length - 1 })),
  };
}

/** What the completion state machine needs to know about an answer at one moment. */
export interface AnswerSignals {
  readonly generating: boolean;
  readonly complete: boolean;
  /** Cheap fingerprint of the visible text, to tell "still changing" from "stable". */
  readonly fingerprint: string;
  /** The answer may complete without an affordance ({@link isSettleable}). Absent: false. */
  readonly settleable?: boolean;
}

function scoped(
  list: readonly ScopedSelector[],
  scope: ScopedSelector['scope'],
): ScopedSelector[] {
  return list.filter((s) => s.scope === scope);
}

/**
 * Reads an answer's signals. A page-scoped "generating" signal (the composer's stop button) only applies to
 * the last answer; a page-scoped completion signal applies to all. On a shared-conversation page (`shared`)
 * nothing is being written: the page is a finished copy, and share pages drop the action bars the
 * completion signals look for (Kimi, Gemini: issue 13), so every answer counts as complete there; the
 * stability window still applies while the page renders.
 */
export function readSignals(
  adapter: SiteAdapter,
  variant: SiteVariant,
  answer: PageAnswer,
  doc: Document,
  shared = false,
): AnswerSignals {
  const generating =
    anyMatch(answer.turn, scoped(variant.generating, 'answer')) ||
    (answer.isLast && anyMatch(doc, scoped(variant.generating, 'page')));
  let complete =
    anyMatch(answer.turn, scoped(variant.complete, 'answer')) || anyMatch(doc, scoped(variant.complete, 'page'));
  const hook = adapter.hooks?.isComplete;
  if (hook) {
    try {
      complete = hook(answer, doc) ?? complete;
    } catch (error) {
      console.warn(`[ModelPrint] ${adapter.id}: isComplete hook failed`, error);
    }
  }
  if (shared) complete = true;
  const settleable = !generating && isSettleable(variant, answer, doc);
  const text = answer.messages.map((m) => m.textContent ?? '').join('\n');
  return { generating, complete, settleable, fingerprint: text.trim() ? `${text.length}:${contentHash(text)}` : '' };
}

/**
 * Whether an answer may complete without an affordance: its variant opts in (`settledWithoutSignals`),
 * nothing anywhere on the page is generating (a page-scoped signal counts here whichever answer is last:
 * while the page writes anything, no answer completes by settling), and its turn shows no error.
 */
export function isSettleable(variant: SiteVariant, answer: PageAnswer, doc: Document): boolean {
  const rule = variant.settledWithoutSignals;
  if (!rule) return false;
  return (
    !anyMatch(answer.turn, scoped(variant.generating, 'answer')) &&
    !anyMatch(doc, scoped(variant.generating, 'page')) &&
    !anyMatch(answer.turn, rule.unless)
  );
}
