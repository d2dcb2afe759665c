/**
 * A sample's listing: the few hundred bytes a list row shows, stored beside the sample (database v3, store
 * `listings`) so the dashboard draws its first page, and the popup its recent answers, without reading full
 * samples of ~5 KB each (text, every model's probability, explanation). The one row type of a stored sample:
 * the dashboard's `SampleRow` (lib/dashboard/row.ts) is this plus what only the full sample has.
 * Derived data: `lib/db.ts` writes it in the same transaction as the sample, every time the sample changes,
 * and never anywhere else.
 */
import type { ClaimSource, Sample, SampleSite } from './sample';
import { claimOf, type ResolvedClaim } from './verdict/claims';
import { sampleWords } from './verdict/compute';
import { headlineOf } from './verdict/headline';
import { contentKeyOf } from './dataset/content-key';

export interface SampleListing {
  id: string;
  site: SampleSite;
  /** The model name the page showed, as shown; null when the page showed none. */
  claimed: string | null;
  /** Where the page showed the claim; a `mode` ("Thinking") names no model and is never compared. */
  claimSource: ClaimSource | null;
  /**
   * What the claim means for the engine (database v4): the named model's vendor, else the site's operator;
   * null when there is nothing to compare. Resolved here, once, so no page resolves it per request.
   */
  claim: ResolvedClaim | null;
  /** The label the user gave a pasted text, if any. */
  userLabel: string | null;
  /** Resembled model and family (the model one of that family's); null when undetermined or not yet attributed. */
  model: string | null;
  family: string | null;
  /** p of the resembled model, 0 when undetermined. */
  confidence: number;
  /** True when the engine could not decide, or when no verdict is stored yet. */
  undetermined: boolean;
  capturedAt: number;
  /** Words of the answer (estimated from its length when the text was not kept): evidence for pooling. */
  words: number;
  /** First words of the answer, flattened, for the table. */
  preview: string;
  /** The answer text was not kept (setting "keep text" off): only features and the verdict are stored. */
  textDropped: boolean;
  /**
   * Read on a shared-conversation page: written for someone else's prompts (`Sample.shared`). Listings
   * written before shared pages were read lack the field: read it as false (no migration needed).
   */
  shared?: boolean;
  /** The dataset an imported sample came from (`origin.dataset`); null when recorded here (v4; optional so rows built by hand need not say). */
  origin?: string | null;
  /**
   * Hash of site, prompt and text (lib/dataset/content-key.ts), indexed (database v4) so an import finds
   * the same answer stored under another id; null when the text was not kept.
   */
  contentKey?: string | null;
}

/** How many characters of an answer a listing keeps. */
export const PREVIEW_CHARS = 140;

export function previewOf(text: string, chars = PREVIEW_CHARS): string {
  // Markdown markers make a preview noisy; the detail view shows the text as recorded.
  const flat = text.replace(/[#*_`>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars - 1).trimEnd()}…` : flat;
}

/** Defined beside the word count it uses; re-exported for the pages that count a sample's words. */
export { sampleWords };

export function listingOf(sample: Sample): SampleListing {
  const verdict = sample.verdict?.attribution;
  const head = verdict ? headlineOf(verdict) : null;
  return {
    id: sample.id,
    site: sample.site,
    claimed: sample.claimedModel?.raw ?? null,
    claimSource: sample.claimedModel?.source ?? null,
    claim: claimOf(sample.site, sample.claimedModel),
    userLabel: sample.userLabel ?? null,
    model: head?.model ?? null,
    family: head?.family ?? null,
    confidence: head?.modelP ?? 0,
    undetermined: !head,
    capturedAt: sample.capturedAt,
    words: sampleWords(sample),
    preview: previewOf(sample.text),
    textDropped: sample.textDropped ?? false,
    shared: sample.shared === true,
    origin: sample.origin?.dataset ?? null,
    contentKey: sample.textDropped ? null : contentKeyOf(sample.site, sample.prompt, sample.text),
  };
}
