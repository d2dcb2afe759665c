/**
 * Finds the answers on a page from an adapter's selectors, and observes each one's completion signals.
 * Read-only on the live DOM.
 */
import type { AnswerNodes, ScopedSelector, SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { contentHash } from '@/lib/sample';
import { anyMatch, chainAll, firstMatch, type Scope } from './selector-query';

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
  const pairing = startPairing(detected.variant, detected.turns);
  pairSome(pairing, () => false);
  return { variant: detected.variant, turns: detected.turns, answers: pairedAnswers(pairing) };
}

/**
 * {@link scanPage}'s pairing, done a few turns at a time: on a page of 2,000 turns the selector queries
 * of one pass held the page's main thread for over 100 ms.
 */
export interface Pairing {
  readonly variant: SiteVariant;
  readonly turns: readonly Element[];
  next: number;
  prompt: Element[];
  readonly answers: Array<Omit<PageAnswer, 'isLast'>>;
}

export function startPairing(variant: SiteVariant, turns: readonly Element[]): Pairing {
  return { variant, turns, next: 0, prompt: [], answers: [] };
}

/** Pairs turns until all are done (true) or `overdue()` says to stop for now (false). */
export function pairSome(pairing: Pairing, overdue: () => boolean): boolean {
  const { variant, turns } = pairing;
  while (pairing.next < turns.length) {
    const turn = turns[pairing.next++]!;
    const users = chainAll(turn, variant.userMessage);
    const messages = chainAll(turn, variant.assistantMessage);
    if (users.length > 0) pairing.prompt = users;
    if (messages.length > 0) pairing.answers.push({ turn, messages, promptNodes: pairing.prompt });
    if (pairing.next % 50 === 0 && pairing.next < turns.length && overdue()) return false;
  }
  return true;
}

export function pairedAnswers(pairing: Pairing): PageAnswer[] {
  const last = pairing.answers.length - 1;
  return pairing.answers.map((a, i) => ({ ...a, isLast: i === last }));
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
  return { generating, complete, settleable, fingerprint: text.trim() ? textFingerprint(text) : '' };
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

/** Characters hashed at each end of a long text: hashing a whole 1 MB answer on every poll took 50 ms. */
const FINGERPRINT_EDGE = 32_768;

/**
 * Cheap "has it changed?" fingerprint: the length, and a hash of the text, or of its two ends when it is
 * long (a stream grows at the end; an edit inside that keeps the length is the one change it can miss).
 */
export function textFingerprint(text: string): string {
  if (text.length <= 2 * FINGERPRINT_EDGE) return `${text.length}:${contentHash(text)}`;
  return `${text.length}:${contentHash(text.slice(0, FINGERPRINT_EDGE))}:${contentHash(text.slice(-FINGERPRINT_EDGE))}`;
}
