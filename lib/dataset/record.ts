/**
 * A stored sample and its dataset record, both ways. The record is the sample flattened for pandas and
 * DuckDB (ISO timestamps, the claimed model and the top verdict as plain columns), with the privacy options
 * applied on the way out and the origin set on the way in.
 */
import type { Sample, SampleOrigin, SampleSite } from '../sample';
import { DATASET_FORMAT_VERSION, NO_PRIVACY, type DatasetRecord, type PrivacyOptions } from './schema';

export interface RecordOptions {
  privacy?: PrivacyOptions;
  /**
   * The feature vector of a text, when the export carries features. Samples whose text was not kept carry
   * the features stored with them; the others need this (about 1 ms per answer).
   */
  fingerprint?: (text: string) => Record<string, number>;
  /** The salted hash of a conversation id (privacy option `hashConversationIds`), computed ahead: it is async. */
  hashedConversation?: (conversationId: string) => string;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The sample id with its conversation part replaced, so a hashed conversation id does not leak through it. */
function hashedId(sample: Sample, hashed: string): string {
  const prefix = `${sample.site}:${sample.conversationId}:`;
  return sample.id.startsWith(prefix) ? `${sample.site}:${hashed}:${sample.id.slice(prefix.length)}` : sample.id;
}

export function sampleToRecord(sample: Sample, { privacy = NO_PRIVACY, fingerprint, hashedConversation }: RecordOptions = {}): DatasetRecord {
  const kept = !sample.textDropped;
  const attribution = sample.verdict?.attribution ?? null;
  const hashed = privacy.hashConversationIds && sample.conversationId !== null && hashedConversation
    ? hashedConversation(sample.conversationId)
    : null;
  if (privacy.hashConversationIds && sample.conversationId !== null && hashed === null) {
    throw new Error('sampleToRecord: hashConversationIds needs the hashed conversation ids');
  }
  const features = sample.features ?? (fingerprint && kept ? fingerprint(sample.text) : null);
  return {
    formatVersion: DATASET_FORMAT_VERSION,
    id: hashed === null ? sample.id : hashedId(sample, hashed),
    site: sample.site,
    url: privacy.omitUrls ? null : sample.url,
    conversationId: hashed ?? sample.conversationId,
    messageId: sample.messageId,
    shared: sample.shared === true,
    shareId: sample.shareId ?? null,
    prompt: kept && !privacy.omitPrompts ? sample.prompt : null,
    text: kept && !privacy.omitTexts ? sample.text : null,
    reasoning: kept && !privacy.omitTexts ? sample.reasoning : null,
    textLength: sample.textLength ?? sample.text.length,
    textDropped: sample.textDropped ?? false,
    claimedModel: sample.claimedModel?.raw ?? null,
    claimSource: sample.claimedModel?.source ?? null,
    capturedAt: iso(sample.capturedAt),
    verdictVersion: sample.verdict?.version ?? null,
    verdictComputedAt: sample.verdict ? iso(sample.verdict.computedAt) : null,
    verdictModel: attribution?.model ?? null,
    verdictFamily: attribution?.family ?? null,
    verdictConfidence: attribution ? attribution.confidence : null,
    verdict: attribution,
    features,
    userLabel: sample.userLabel ?? null,
    notes: sample.notes ?? null,
    originKind: sample.origin ? 'imported' : 'recorded',
    originDataset: sample.origin?.dataset ?? null,
    originImportedAt: sample.origin ? iso(sample.origin.importedAt) : null,
  };
}

/**
 * The sample to store for a valid record. A record without its text (not kept when recorded, or left out
 * of the export) becomes a sample whose text was not kept: its features and verdict stay, as with the
 * "keep text" setting off.
 */
export function recordToSample(record: DatasetRecord, origin: SampleOrigin): Sample {
  const hasText = record.text !== null && !record.textDropped;
  const sample: Sample = {
    id: record.id,
    site: record.site as SampleSite,
    url: record.url ?? '',
    conversationId: record.conversationId,
    messageId: record.messageId,
    prompt: hasText ? (record.prompt ?? '') : '',
    text: hasText ? record.text! : '',
    reasoning: hasText ? record.reasoning : null,
    claimedModel: record.claimedModel === null ? null : { raw: record.claimedModel, source: record.claimSource! },
    capturedAt: Date.parse(record.capturedAt),
    origin,
  };
  if (!hasText) Object.assign(sample, { textDropped: true, textLength: record.textLength });
  if (record.verdict && record.verdictVersion !== null && record.verdictComputedAt !== null) {
    sample.verdict = { version: record.verdictVersion, computedAt: Date.parse(record.verdictComputedAt), attribution: record.verdict };
  }
  // Features are kept where the text is not (as the background does), so a sample that can be recomputed
  // from its text does not carry 300 numbers it does not need.
  if (!hasText && record.features) sample.features = record.features;
  if (record.shared && record.shareId !== null) Object.assign(sample, { shared: true, shareId: record.shareId });
  if (record.userLabel !== null) sample.userLabel = record.userLabel;
  if (record.notes !== null) sample.notes = record.notes;
  return sample;
}
