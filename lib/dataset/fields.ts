/**
 * What each record field means, for a reader who has never heard of ModelPrint: the dataset card of every
 * bundle prints this table, and a test checks that docs/dataset-format.md describes the same fields.
 */
import type { DatasetRecord } from './schema';

export const FIELD_DOCS: Record<keyof DatasetRecord, string> = {
  formatVersion: 'version of this record layout (1)',
  id: 'stable sample id: `site:conversationId:messageId`, or a content hash when the page gave no message id',
  site: 'the chatbot site the answer was read from (`chatgpt`, `claude`, …), `manual` for pasted text, or the name given to `modelprint dataset from`',
  url: 'the page address when the answer was read; null when left out (privacy option)',
  conversationId: "the site's conversation id; the first 32 hex digits of a salted SHA-256 with the privacy option; null when none",
  messageId: "the site's id of the answer; null when the page gave none",
  shared: "true when the answer was read on a shared-conversation page (someone else's prompts)",
  shareId: 'the share link id of such a page; null otherwise',
  prompt: 'the user message the answer replies to; null when left out or not kept',
  text: 'the answer as markdown, reasoning and page buttons removed; null when left out or not kept',
  reasoning: 'visible reasoning ("thinking") text, kept apart from the answer; null when none, left out or not kept',
  textLength: 'characters of the answer text (also when the text itself is not in the file)',
  textDropped: 'true when the text was not kept at recording time (only features and verdict were stored)',
  claimedModel: 'the model name the page showed, as shown; null when it showed none',
  claimSource: 'where the claim was read: `message` (per answer), `picker` (the model picker) or `mode` (a mode such as "Thinking", not a model)',
  capturedAt: 'when the answer was read as complete (UTC)',
  verdictVersion: 'version of the engine and reference signatures that computed the verdict',
  verdictComputedAt: 'when the verdict was computed (UTC)',
  verdictModel: 'the reference model the answer most resembles; null when undetermined',
  verdictFamily: 'the vendor family of that model; null when undetermined',
  verdictConfidence: 'probability of that model (0 to 1, calibrated); 0 when undetermined',
  verdict: 'the full verdict: every model and family with its probability, whether undetermined and why, and the explanation (JSON in Parquet)',
  features: 'the named stylometric features of the answer (JSON in Parquet); null unless the export added them (a sample recorded without its text always carries its own)',
  userLabel: "the researcher's own label (e.g. the model they know answered); null when none",
  notes: "the researcher's notes; null when none",
  originKind: '`recorded` in the browser that exported it, or `imported` from another dataset',
  originDataset: 'for imported samples: the name of the dataset they came from',
  originImportedAt: 'for imported samples: when they were imported (UTC)',
};
