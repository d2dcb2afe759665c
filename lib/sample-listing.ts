/**
 * A sample's listing: the few hundred bytes a list row shows, stored beside the sample (database v3, store
 * `listings`) so the dashboard draws its first page without reading 50 full samples of ~5 KB each (text,
 * every model's probability, explanation). Derived data: `lib/db.ts` writes it in the same transaction as
 * the sample, every time the sample changes, and never anywhere else.
 */
import type { ClaimSource, Sample, SampleSite } from './sample';
import { contentKeyOf } from './dataset/content-key';
import { wordCount } from './verdict/compute';

export interface SampleListing {
  id: string;
  site: SampleSite;
  /** The model name the page showed, as shown; null when the page showed none. */
  claimed: string | null;
  /** Where the page showed the claim; a `mode` ("Thinking") names no model and is never compared. */
  claimSource: ClaimSource | null;
  /** The label the user gave a pasted text, if any. */
  userLabel: string | null;
  /** Resembled model and family; null when undetermined or not yet attributed. */
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

/** Average characters per word in English answers, to estimate words when the text was not kept. */
const CHARS_PER_WORD = 6;

export function previewOf(text: string, chars = PREVIEW_CHARS): string {
  // Markdown markers make a preview noisy; the detail view shows the text as recorded.
  const flat = text.replace(/[#*_`>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars - 1).trimEnd()}…` : flat;
}

/** Words of a sample's answer; estimated from the kept length when the text itself was not kept. */
export function sampleWords(s: Sample): number {
  return s.textDropped ? Math.round((s.textLength ?? 0) / CHARS_PER_WORD) : wordCount(s.text);
}

export function listingOf(sample: Sample): SampleListing {
  const verdict = sample.verdict?.attribution ?? null;
  const decided = verdict !== null && !verdict.undetermined;
  return {
    id: sample.id,
    site: sample.site,
    claimed: sample.claimedModel?.raw ?? null,
    claimSource: sample.claimedModel?.source ?? null,
    userLabel: sample.userLabel ?? null,
    model: decided ? verdict.model : null,
    family: decided ? verdict.family : null,
    confidence: decided ? verdict.confidence : 0,
    undetermined: !decided,
    capturedAt: sample.capturedAt,
    words: sampleWords(sample),
    preview: previewOf(sample.text),
    textDropped: sample.textDropped ?? false,
    origin: sample.origin?.dataset ?? null,
    contentKey: sample.textDropped ? null : contentKeyOf(sample.site, sample.prompt, sample.text),
  };
}
