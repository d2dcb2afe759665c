/**
 * The dashboard's row once every sample is read: the sample's stored listing (lib/sample-listing.ts, the
 * one row type of popup, dashboard and exports) and the two things only the full sample has. The samples
 * table filters and sorts 50,000 of these in memory, so what a filter needs is precomputed here once.
 */
import type { Attribution } from '../fingerprint/types';
import type { Sample } from '../sample';
import { listingOf, type SampleListing } from '../sample-listing';

export { PREVIEW_CHARS, previewOf } from '../sample-listing';

/**
 * A sample's stored listing (what the table shows) plus what only the full sample has: the text to search
 * and the full attribution, kept by reference (pooling needs every label's probability).
 */
export interface SampleRow extends SampleListing {
  /** Lower-cased prompt, answer and names: what the text search looks in. */
  haystack: string;
  /** The full attribution, kept by reference for pooling (no copy); null when none is stored yet. */
  verdict: Attribution | null;
}

/**
 * The row of `sample`, on its stored `listing` (read before the samples: the dashboard never derives a
 * listing the database already holds); derived only for a sample stored after the listings were read.
 */
export function toRow(sample: Sample, listing: SampleListing = listingOf(sample)): SampleRow {
  return {
    ...listing,
    haystack: [sample.prompt, sample.text, listing.claimed ?? '', listing.userLabel ?? '', sample.site]
      .join('\n')
      .toLowerCase(),
    verdict: sample.verdict?.attribution ?? null,
  };
}
