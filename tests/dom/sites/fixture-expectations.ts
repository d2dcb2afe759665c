/**
 * Shared checks for hand-built site fixtures (`tests/fixtures/sites/<id>/`): the answers a page declares in
 * its `#modelprint-expected` JSON (format: `tests/fixtures/sites/README.md`) and what the capture layer
 * reads from it.
 */
import { expect } from 'vitest';
import { readSignals, scanPage } from '@/lib/capture/find-answers';
import type { SiteAdapter } from '@/lib/sites/define';
import { capturedAnswers } from './page-helpers';

export interface ExpectedAnswer {
  prompt: string;
  text: string;
  claimedModel: { raw: string; source: string } | null;
  reasoning?: string | null;
  /** The site's own id of the message, where the page carries one (streaming pages). */
  messageId?: string;
}

/** The answers a fixture page says it holds, in page order (a document or a detached copy of one). */
export function expectedOf(doc: ParentNode): ExpectedAnswer[] {
  const json = doc.querySelector('#modelprint-expected')?.textContent;
  if (!json) throw new Error('page has no #modelprint-expected');
  return (JSON.parse(json) as { answers: ExpectedAnswer[] }).answers;
}

/** What the capture layer reads, in the shape of the page's expectations (reasoning as stored). */
export function readAsExpected(adapter: SiteAdapter, doc: Document, url: string) {
  return capturedAnswers(adapter, doc, url).map(({ prompt, text, claimedModel, reasoning }) => ({
    prompt,
    text,
    claimedModel,
    reasoning,
  }));
}

/**
 * Asserts that the capture layer reads exactly the answers the page declares, in order: prompt, text and
 * claimed model equal; `messageId` equal where declared; `reasoning` as the fixture README defines it (null:
 * none stored; a string: in the stored reasoning and not in the text; absent: not checked).
 */
export function expectEmbeddedAnswers(adapter: SiteAdapter, doc: Document, url: string): void {
  const saved = capturedAnswers(adapter, doc, url);
  const expected = expectedOf(doc);
  expect(saved.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel }))).toEqual(
    expected.map(({ prompt, text, claimedModel }) => ({ prompt, text, claimedModel })),
  );
  expected.forEach((e, i) => {
    const answer = saved[i]!;
    if (e.messageId !== undefined) expect(answer.messageId).toBe(e.messageId);
    if (e.reasoning === null) expect(answer.reasoning).toBeNull();
    else if (typeof e.reasoning === 'string') {
      expect(answer.reasoning).toContain(e.reasoning);
      expect(answer.text).not.toContain(e.reasoning);
    }
  });
}

/** Each answer's generating / complete signals. */
export function signalsOf(adapter: SiteAdapter, doc: Document) {
  const scan = scanPage(adapter, doc);
  return scan.answers.map((answer) => {
    const { generating, complete } = readSignals(adapter, scan.variant!, answer, doc);
    return { generating, complete };
  });
}
