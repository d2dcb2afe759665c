import { SITES, type SiteId } from './hosts';

/** Human names of the sites, for the UI: each adapter file's `site.label`, without the adapter's DOM code. */
export const SITE_LABELS = Object.fromEntries(SITES.map((s) => [s.id, s.label])) as Record<SiteId, string>;

export function siteLabel(site: string): string {
  return (SITE_LABELS as Record<string, string>)[site] ?? site;
}
