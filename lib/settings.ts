/**
 * User settings, one `storage.defineItem` each (WXT's pattern: a fallback, a version, migrations when the
 * shape changes). Stored in `local:` storage so they survive restarts; read by the background when an answer
 * arrives (is its site on? is recording on? keep the text? lib/background/record-answer.ts), by the pause badge, and
 * by the extension pages. The content script never reads them: it sends every finished answer, and the
 * background decides.
 */
import { storage } from 'wxt/utils/storage';
import { SITE_IDS, type SiteId } from './sites/hosts';

/** Sites the user switched off. Absent means on, so a newly supported site starts recording. */
export const disabledSites = storage.defineItem<SiteId[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

/** Record answers automatically when they complete. Off: nothing is stored until switched on again. */
export const autoRecord = storage.defineItem<boolean>('local:autoRecord', {
  fallback: true,
  version: 1,
});

/** Keep the answer text; off keeps only features and verdicts (the text is dropped before storing). */
export const keepText = storage.defineItem<boolean>('local:keepText', {
  fallback: true,
  version: 1,
});

/** Days to keep samples; 0 keeps them forever. */
export const retentionDays = storage.defineItem<number>('local:retentionDays', {
  fallback: 0,
  version: 1,
});

export async function isSiteEnabled(site: SiteId): Promise<boolean> {
  return !(await disabledSites.getValue()).includes(site);
}

export async function setSiteEnabled(site: SiteId, enabled: boolean): Promise<void> {
  const current = await disabledSites.getValue();
  const next = enabled ? current.filter((s) => s !== site) : [...new Set([...current, site])];
  // Keep the list in the registry's order so it diffs and displays predictably.
  await disabledSites.setValue(SITE_IDS.filter((s) => next.includes(s)));
}
