/**
 * The background as the extension runs it, for tests that go through the real message path:
 * `startBackground()` listening on the fake runtime, pages calling `sendMessage`, the bundled signatures
 * served as the packaged file, and a fresh IndexedDB universe per test (the default database name is used,
 * as in the extension).
 */
import { IDBFactory } from 'fake-indexeddb';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CapturedAnswer } from '@/lib/sample';

const SIGNATURES = readFileSync(new URL('../../../lib/fingerprint/data/signatures.json', import.meta.url), 'utf8');

/** Call once at the top of a test file (also `vi.mock` the context menu there: mocks are hoisted per file). */
export function useBackgroundHarness() {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.stubGlobal('indexedDB', new IDBFactory());
    vi.stubGlobal('fetch', async () => new Response(SIGNATURES));
    vi.useFakeTimers({ toFake: ['setTimeout'] }); // no start-up housekeeping in the middle of a test
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

export const answer = (i: number, over: Partial<CapturedAnswer> = {}): CapturedAnswer => ({
  site: 'chatgpt',
  url: 'https://chatgpt.com/c/abc',
  conversationId: 'abc',
  messageId: `m${i}`,
  prompt: 'Explain photosynthesis.',
  text: `Photosynthesis is how plants turn light, water and carbon dioxide into sugar and oxygen (${i}).`,
  reasoning: null,
  claimedModel: { raw: 'gpt-4o', source: 'message' },
  ...over,
});
