import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({
  default: { runtime: { getURL: (path: string) => `chrome-extension://modelprint${path}` } },
}));

const JSON_DATA: unknown = JSON.parse(readFileSync(new URL('../../../lib/fingerprint/data/signatures.json', import.meta.url), 'utf8'));

/** A fresh copy of the loader and of the engine's default-signatures slot for each test. */
async function fresh() {
  vi.resetModules();
  const loader = await import('@/lib/verdict/fetch-signatures');
  const core = await import('@/lib/fingerprint/core');
  return { ...loader, ...core };
}

describe('the extension loads its one copy of the signatures', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('has no default signatures before the load, and installs them after it', async () => {
    const { loadBundledSignatures, getDefaultSignatures, attribute } = await fresh();
    expect(() => getDefaultSignatures()).toThrow(/no default signatures installed/);
    const sig = await loadBundledSignatures(async () => JSON_DATA);
    expect(getDefaultSignatures()).toBe(sig);
    expect(sig.labels.length).toBe(33);
    expect(attribute('A short reply that is long enough to be judged by the engine here, I hope. '.repeat(4)).models).toHaveLength(33);
  });

  it('fetches signatures.json from the package root once, however many callers ask', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify(JSON_DATA), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const { loadBundledSignatures } = await fresh();
    const [a, b] = await Promise.all([loadBundledSignatures(), loadBundledSignatures()]);
    expect(a).toBe(b);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledWith('chrome-extension://modelprint/signatures.json');
  });

  it('names a missing file and a file of an unknown version, and tries again on the next call', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('not here', { status: 404 })));
    const { loadBundledSignatures, getDefaultSignatures } = await fresh();
    await expect(loadBundledSignatures()).rejects.toThrow('cannot read signatures.json (HTTP 404)');
    await expect(loadBundledSignatures(async () => ({ ...(JSON_DATA as object), schemaVersion: 999 }))).rejects.toThrow(/version/i);
    expect(() => getDefaultSignatures()).toThrow(/no default signatures/);
    await expect(loadBundledSignatures(async () => JSON_DATA)).resolves.toBeDefined();
  });
});
