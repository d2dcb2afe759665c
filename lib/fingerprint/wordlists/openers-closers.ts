/**
 * Stock openers and closers of assistant answers. Each entry: feature name and the word sequence (lower-case
 * tokens) that the first/last paragraph must start with (openers) or contain (closers). Data, not code.
 */
export const OPENERS: ReadonlyArray<readonly [string, string[]]> = [
  ['certainly', ['certainly']], ['sure', ['sure']], ['absolutely', ['absolutely']], ['of-course', ['of', 'course']],
  ['great-question', ['great', 'question']], ['here-is', ['here', 'is']], ['here-are', ['here', 'are']],
  ['heres', ["here's"]], ['i', ['i']], ['yes', ['yes']], ['no', ['no']], ['the', ['the']], ['to', ['to']],
  ['as-an-ai', ['as', 'an', 'ai']], ['okay', ['okay']], ['lets', ["let's"]], ['you', ['you']], ['my', ['my']],
  ['this', ['this']], ['thank-you', ['thank', 'you']], ['well', ['well']], ['in', ['in']],
];

export const CLOSERS: ReadonlyArray<readonly [string, string[]]> = [
  ['hope-this-helps', ['hope', 'this', 'helps']], ['let-me-know', ['let', 'me', 'know']],
  ['feel-free', ['feel', 'free']], ['happy-to', ['happy', 'to']], ['in-summary', ['in', 'summary']],
  ['in-conclusion', ['in', 'conclusion']], ['overall', ['overall']], ['ultimately', ['ultimately']],
  ['would-you-like', ['would', 'you', 'like']], ['if-you', ['if', 'you']], ['remember', ['remember']],
  ['good-luck', ['good', 'luck']], ['enjoy', ['enjoy']], ['note', ['note']], ['by', ['by']],
];
