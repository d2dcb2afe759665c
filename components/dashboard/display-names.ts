/** Human names for the dashboard's values, shared by the table, the filters and the charts. */
import { NONE } from '@/lib/dashboard/query';
import { OTHER, UNDETERMINED } from '@/lib/dashboard/timeline';
import { MANUAL_SITE } from '@/lib/sample';
import { siteLabel } from '@/lib/sites/site-labels';
import { familyName as vendorName } from '@/lib/verdict/vendor-names';
import { displayLabel } from '@/lib/display-text';

export function siteName(site: string): string {
  return site === MANUAL_SITE ? 'Pasted by you' : siteLabel(site);
}

/** A claimed model as a label: page-provided, so without control or bidi characters and cut (lib/display-text.ts). */
export function claimedName(claimed: string | null): string {
  return claimed === null || claimed === NONE ? 'No model shown' : displayLabel(claimed);
}

export function familyName(key: string): string {
  if (key === OTHER) return 'Other families';
  if (key === UNDETERMINED) return 'Undetermined';
  return vendorName(key);
}
