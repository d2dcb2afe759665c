/**
 * Turns a completed {@link PageAnswer} into a {@link CapturedAnswer}: markdown text, prompt, reasoning,
 * claimed model and ids. Called once per answer, when the completion state machine says so.
 */
import type { CapturedAnswer, ClaimedModel } from '@/lib/sample';
import type { SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { threadOf } from '@/lib/sites/share';
import { cleanClone, domToMarkdown, inertCopy } from './dom-to-markdown';
import type { PageAnswer } from './find-answers';
import { legible } from './legible';
import { chainAll, outermost, queryAll, readFirstValue } from './selector-query';

/**
 * The answer body elements of every assistant message, in document order. A body *inside* a reasoning
 * block is not the answer (Kimi's thinking panel and HuggingChat's reasoning render their own `.markdown`
 * / `.prose`); stripping the block from a clone of the body cannot remove it, so it is dropped here.
 */
export function answerBodies(variant: SiteVariant, answer: PageAnswer): Element[] {
  const reasoning = (variant.reasoning ?? []).map((s) => s.css);
  const inReasoning = (el: Element, message: Element) =>
    reasoning.some((css) => {
      const block = closest(el, css);
      return block !== null && message.contains(block);
    });
  return answer.messages.flatMap((message) => {
    if (!variant.markdownBody) return [message];
    const bodies = outermost(chainAll(message, variant.markdownBody).filter((el) => !inReasoning(el, message)));
    return bodies.length > 0 ? bodies : [message];
  });
}

/** `Element.closest` that treats an unsupported selector as matching nothing (like `queryAll`). */
function closest(el: Element, css: string): Element | null {
  try {
    return el.closest(css);
  } catch (error) {
    console.debug(`[ModelPrint] invalid selector "${css}"`, error);
    return null;
  }
}

/** The prompt as the user typed it (whitespace kept; UI chrome and hidden labels removed). */
export function readPrompt(variant: SiteVariant, answer: PageAnswer): string {
  return answer.promptNodes
    .flatMap((node) => {
      const texts = variant.promptText ? outermost(chainAll(node, variant.promptText)) : [];
      return texts.length > 0 ? texts : [node];
    })
    .map((el) => cleanClone(el).textContent?.trim() ?? '')
    .filter(Boolean)
    .join('\n\n');
}

export function readReasoning(adapter: SiteAdapter, variant: SiteVariant, answer: PageAnswer, doc: Document): string | null {
  const blocks = outermost((variant.reasoning ?? []).flatMap((s) => queryAll(answer.turn, s.css)));
  const text = blocks.length > 0 ? domToMarkdown(blocks, { cleanUrl: adapter.hooks?.cleanUrl }) : '';
  if (text) return text;
  const hook = adapter.hooks?.readReasoning;
  if (!hook) return null;
  try {
    return hook(answer, doc)?.trim() || null;
  } catch (error) {
    console.warn(`[ModelPrint] ${adapter.id}: readReasoning hook failed`, error);
    return null;
  }
}

/** Per-message label first (last message wins: it is the one that finished), then the page picker. */
export function readClaimedModel(variant: SiteVariant, answer: PageAnswer, doc: Document): ClaimedModel | null {
  const spec = variant.model;
  if (!spec) return null;
  for (const message of [...answer.messages].reverse()) {
    const raw = readFirstValue(message, spec.perMessage);
    if (raw) return { raw, source: 'message' };
  }
  const raw = readFirstValue(doc, spec.picker);
  if (!raw) return null;
  return { raw, source: spec.modeWords?.test(raw) ? 'mode' : 'picker' };
}

/**
 * An answer read in two steps: everything but the text now, and inert copies of the text's bodies now (a
 * snapshot, whatever the page does next); they are prepared and their markdown written later, in slices
 * ({@link clonesToMarkdown}), with `strip` and `cleanUrl`.
 */
export interface AnswerSnapshot {
  readonly answer: Omit<CapturedAnswer, 'text'>;
  readonly bodies: readonly Element[];
  readonly strip: readonly string[];
  readonly cleanUrl?: (href: string) => string;
}

export function snapshotAnswer(
  adapter: SiteAdapter,
  variant: SiteVariant,
  answer: PageAnswer,
  doc: Document,
  url: string,
): AnswerSnapshot {
  const strip = [...(variant.strip ?? []), ...(variant.reasoning ?? [])].map((s) => s.css);
  const first = answer.messages[0];
  const reasoning = readReasoning(adapter, variant, answer, doc);
  const claimed = readClaimedModel(variant, answer, doc);
  return {
    answer: {
      site: adapter.id,
      url,
      // On a share page: conversationId null, `shared: true` and the share id (lib/sites/share.ts).
      ...threadOf(adapter, new URL(url)),
      messageId:
        (first ? readFirstValue(first, variant.messageId) : null) ?? readFirstValue(answer.turn, variant.messageId),
      prompt: legible(readPrompt(variant, answer)),
      reasoning: reasoning === null ? null : legible(reasoning),
      claimedModel: claimed && { ...claimed, raw: legible(claimed.raw) },
    },
    bodies: answerBodies(variant, answer).map(inertCopy),
    strip,
    cleanUrl: adapter.hooks?.cleanUrl,
  };
}

/** The whole answer at once (tests, and the adapters' fixtures): the same text the capture stores. */
export function readAnswer(
  adapter: SiteAdapter,
  variant: SiteVariant,
  answer: PageAnswer,
  doc: Document,
  url: string,
): CapturedAnswer {
  const strip = [...(variant.strip ?? []), ...(variant.reasoning ?? [])].map((s) => s.css);
  const { answer: rest } = snapshotAnswer(adapter, variant, answer, doc, url);
  return { ...rest, text: legible(domToMarkdown(answerBodies(variant, answer), { strip, cleanUrl: adapter.hooks?.cleanUrl })) };
}
