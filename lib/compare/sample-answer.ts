/** A stored sample as a comparison or build answer: its text, or (text not kept) its stored features and verdict. */
import type { Sample } from '../sample';
import type { AnswerInput } from './group';

export function sampleAnswer(s: Sample): AnswerInput & { group: string; source: string } {
  return {
    id: s.id,
    ...(s.textDropped ? { attribution: s.verdict?.attribution ?? null, features: s.features ?? null } : { text: s.text }),
    // Answers of one conversation (or to one prompt) stay on one side of a build's cross-validation.
    group: s.conversationId ? `${s.site}:${s.conversationId}` : s.prompt || s.id,
    source: s.site,
  };
}
