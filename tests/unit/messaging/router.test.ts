import { describe, expect, it } from 'vitest';
import { createMessageRouter, type Handlers } from '@/lib/messaging/router';

const handlers = {
  saveAnswer: async (a) => ({ id: a.site, created: true }),
  reportSiteHealth: async () => {
    throw new Error('disk full');
  },
  countSamples: async () => 0,
  listSiteHealth: async () => [],
} satisfies Partial<Handlers> as unknown as Handlers;

describe('the message router', () => {
  const route = createMessageRouter(handlers);

  it('leaves messages that are not ModelPrint envelopes to other listeners', () => {
    expect(route({ type: 'countSamples', data: {} }, {})).toBeUndefined();
    expect(route('hello', {})).toBeUndefined();
    expect(route(null, {})).toBeUndefined();
  });

  it('answers with the handler value', async () => {
    await expect(route({ modelprint: 1, type: 'countSamples', data: {} }, {})).resolves.toEqual({
      ok: true,
      value: 0,
    });
  });

  it('turns a handler error into an error reply instead of a rejection', async () => {
    await expect(route({ modelprint: 1, type: 'reportSiteHealth', data: {} }, {})).resolves.toEqual({
      ok: false,
      error: 'disk full',
      // Worded as a full disk, so the page can say what to do about it.
      problem: 'storage-full',
    });
  });

  it('names an unknown message type', async () => {
    await expect(route({ modelprint: 1, type: 'nope', data: {} }, {})).resolves.toEqual({
      ok: false,
      error: 'unknown message type "nope"',
    });
  });
});
