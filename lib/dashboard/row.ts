/**
 * The dashboard's row: a flat view of one stored sample. The samples table filters and sorts
 * 10,000 of these in memory, so everything a filter or a column needs is precomputed here once, at load.
 */
import type { Attribution } from '../fingerprint/types';
import type { ClaimSource, Sample } from '../sample';
import { sampleWords } from '../verdict/conversation';

/**
 * Unlike the protocol's `SampleSummary` (lib/sample.ts, trimmed to cross the message boundary), a row keeps
 * the full attribution by reference: pooling needs every label's probability.
 */
export interface SampleRow {
  id: string;
  site: string;
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
  /** First words of the answer, for the table. */
  preview: string;
  /** Lower-cased prompt, answer and names: what the text search looks in. */
  haystack: string;
  /** The full attribution, kept by reference for pooling (no copy); null when none is stored yet. */
  verdict: Attribution | null;
  /** The answer text was not kept (setting "keep text" off): only features and the verdict are stored. */
  textDropped: boolean;
}

/** How many characters of an answer the table shows. */
export const PREVIEW_CHARS = 140;

export function previewOf(text: string, chars = PREVIEW_CHARS): string {
  // Markdown markers make a preview noisy; the detail view shows the text as recorded.
  const flat = text.replace(/[#*_`>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > chars ? `${flat.slice(0, chars - 1).trimEnd()}…` : flat;
}

export function toRow(sample: Sample): SampleRow {
  const verdict = sample.verdict?.attribution ?? null;
  const claimed = sample.claimedModel?.raw ?? null;
  const userLabel = sample.userLabel ?? null;
  const decided = verdict !== null && !verdict.undetermined;
  return {
    id: sample.id,
    site: sample.site,
    claimed,
    claimSource: sample.claimedModel?.source ?? null,
    userLabel,
    model: decided ? verdict.model : null,
    family: decided ? verdict.family : null,
    confidence: decided ? verdict.confidence : 0,
    undetermined: !decided,
    capturedAt: sample.capturedAt,
    words: sampleWords(sample),
    preview: previewOf(sample.text),
    haystack: [sample.prompt, sample.text, claimed ?? '', userLabel ?? '', sample.site]
      .join('\n')
      .toLowerCase(),
    verdict,
    textDropped: sample.textDropped ?? false,
  };
}
