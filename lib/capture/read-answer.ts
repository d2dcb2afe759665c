/**
 * Turns a completed {@link PageAnswer} into a {@link CapturedAnswer}: markdown text, prompt, reasoning,
 * claimed model and ids. Called once per answer, when the completion state machine says so.
 */
import type { CapturedAnswer, ClaimedModel } from '@/lib/sample';
import type { SiteAdapter, SiteVariant } from '@/lib/sites/define';
import { cleanClone, domToMarkdown } from './dom-to-markdown';
import type { PageAnswer } from './find-answers';
import { chainAll, outermost, queryAll, readFirstValue } from './query';

/** The answer body elements of every assistant message, in document order. */
export function answerBodies(variant: SiteVariant, answer: PageAnswer): Element[] {
  return answer.messages.flatMap((message) => {
    if (!variant.markdownBody) return [message];
    const bodies = outermost(chainAll(message, variant.markdownBody));
    return bodies.length > 0 ? bodies : [message];
  });
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

export function readAnswer(
  adapter: SiteAdapter,
  variant: SiteVariant,
  answer: PageAnswer,
  doc: Document,
  url: string,
): CapturedAnswer {
  const strip = [...(variant.strip ?? []), ...(variant.reasoning ?? [])].map((s) => s.css);
  const first = answer.messages[0];
  return {
    site: adapter.id,
    url,
    conversationId: adapter.conversationId(new URL(url)),
    messageId:
      (first ? readFirstValue(first, variant.messageId) : null) ?? readFirstValue(answer.turn, variant.messageId),
    prompt: readPrompt(variant, answer),
    text: domToMarkdown(answerBodies(variant, answer), { strip, cleanUrl: adapter.hooks?.cleanUrl }),
    reasoning: readReasoning(adapter, variant, answer, doc),
    claimedModel: readClaimedModel(variant, answer, doc),
  };
}
