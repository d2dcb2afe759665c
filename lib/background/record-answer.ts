/**
 * Turning a captured answer or a pasted text into a stored sample: settings decide whether it is stored
 * and whether its text is kept; the verdict is computed before storing, so it is on the sample from the
 * first read.
 */
import { applyRetention, getSample, saveSample, type ModelPrintDatabase } from '../db';
import { contentHash, MANUAL_SITE, sampleId, type CapturedAnswer, type Sample } from '../sample';
import { autoRecord, isSiteEnabled, keepText, retentionDays } from '../settings';
import type { ManualText, SaveSkipReason } from '../messaging/protocol';
import { tryComputeVerdict } from '../verdict/compute';
import type { VerdictEngine } from '../verdict/types';

const DAY_MS = 86_400_000;

/** Why a captured answer must not be stored, or null when it may be. */
export async function skipReason(answer: CapturedAnswer): Promise<SaveSkipReason | null> {
  if (!(await isSiteEnabled(answer.site))) return 'site-disabled';
  if (!(await autoRecord.getValue())) return 'auto-record-off';
  return null;
}

/**
 * The sample as it will be stored. With "keep text" off, the prompt, text and reasoning are dropped after
 * the verdict and the named features are computed: the features stay, so the sample remains useful for
 * statistics, but nothing the user or the model wrote is kept. When the engine fails the text is kept
 * whatever the setting, because the verdict still has to be computed from it later.
 */
export async function buildSample(
  base: Omit<Sample, 'verdict'>,
  engine: VerdictEngine,
  now: number,
): Promise<Sample> {
  const verdict = tryComputeVerdict(engine, base.text, now);
  if ((await keepText.getValue()) || !verdict) return verdict ? { ...base, verdict } : base;
  return {
    ...base,
    prompt: '',
    text: '',
    reasoning: null,
    textLength: base.text.length,
    textDropped: true,
    features: engine.fingerprint(base.text),
    verdict,
  };
}

export async function recordAnswer(db: ModelPrintDatabase, engine: VerdictEngine, answer: CapturedAnswer, now: number) {
  const id = sampleId(answer);
  // The capture re-sends every answer after a reload or navigation: skip the engine for known ones.
  if (await getSample(db, id)) return { id, created: false };
  const sample = await buildSample({ ...answer, id, capturedAt: now }, engine, now);
  const created = await saveSample(db, sample);
  if (created) await enforceRetention(db, now);
  return { id: sample.id, created };
}

/** A pasted or selected text, stored as site `manual`, keyed by its content so saving twice is one sample. */
export async function recordManualText(db: ModelPrintDatabase, engine: VerdictEngine, input: ManualText, now: number) {
  const base: Omit<Sample, 'verdict'> = {
    id: `${MANUAL_SITE}:none:h${contentHash(input.text)}`,
    site: MANUAL_SITE,
    url: input.sourceUrl ?? '',
    conversationId: null,
    messageId: null,
    prompt: '',
    text: input.text,
    reasoning: null,
    claimedModel: null,
    capturedAt: now,
    ...(input.label ? { userLabel: input.label } : {}),
  };
  const sample = await buildSample(base, engine, now);
  return { id: sample.id, created: await saveSample(db, sample) };
}

/** Deletes what is older than the retention setting (0 = keep forever). Returns how many were deleted. */
export async function enforceRetention(db: ModelPrintDatabase, now: number): Promise<number> {
  const days = await retentionDays.getValue();
  return days > 0 ? applyRetention(db, now - days * DAY_MS) : 0;
}
