/**
 * The extension's one copy of the reference signatures: `signatures.json` at the package root (wxt.config.ts
 * copies lib/fingerprint/data/signatures.json there). The background and the dashboard fetch and decode it
 * once per page or worker life, instead of each bundling 0.75 MB of data into its JavaScript.
 */
import browser from 'webextension-polyfill';
import { loadSignatures, setDefaultSignatures, type Signatures } from '../fingerprint/core';

/** Path of the file inside the built extension. */
export const SIGNATURES_FILE = 'signatures.json';

let loading: Promise<Signatures> | undefined;

/** Fetches, validates and installs the bundled signatures as the engine's defaults (once). */
export function loadBundledSignatures(fetchJson: () => Promise<unknown> = fetchPackaged): Promise<Signatures> {
  loading ??= fetchJson().then((json) => {
    const sig = loadSignatures(json);
    setDefaultSignatures(sig);
    return sig;
  });
  // A failed load is not cached: the next caller tries again.
  loading.catch(() => (loading = undefined));
  return loading;
}

async function fetchPackaged(): Promise<unknown> {
  const url = browser.runtime.getURL(`/${SIGNATURES_FILE}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`ModelPrint: cannot read ${SIGNATURES_FILE} (HTTP ${response.status})`);
  return response.json();
}
