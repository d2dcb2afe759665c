/**
 * Turning answers into a {@link Group}: the one path for the dashboard (stored samples) and the CLI (file
 * records), so both compare the same numbers for the same texts.
 */
import type { Attribution } from '../fingerprint/types';
import type { Group, GroupSample } from './types';

/** What group building needs from the engine (custom references already mixed into `attribute`). */
export interface GroupEngine {
  attribute(text: string): Attribution;
  fingerprint(text: string): Record<string, number>;
}

export interface AnswerInput {
  id: string;
  /** The answer text, when kept. */
  text?: string | null;
  /** A stored attribution to use instead of recomputing (a sample whose text was dropped has only this). */
  attribution?: Attribution | null;
  /** Stored named features (a sample whose text was dropped). */
  features?: Record<string, number> | null;
  prompt?: string;
}

/** Builds a group; answers the engine cannot attribute are counted by reason, never used. */
export function buildGroup(name: string, answers: readonly AnswerInput[], engine: GroupEngine): Group {
  const samples: GroupSample[] = [];
  const byReason: Record<string, number> = {};
  const skip = (reason: string) => (byReason[reason] = (byReason[reason] ?? 0) + 1);
  for (const a of answers) {
    const hasText = typeof a.text === 'string' && a.text.length > 0;
    const attribution = hasText ? engine.attribute(a.text!) : a.attribution ?? null;
    const features = hasText ? engine.fingerprint(a.text!) : a.features ?? null;
    if (!attribution || !features) {
      skip('no-text');
      continue;
    }
    if (attribution.undetermined) {
      skip(attribution.reason ?? 'undetermined');
      continue;
    }
    samples.push({ id: a.id, features, attribution, ...(a.prompt !== undefined ? { prompt: a.prompt } : {}) });
  }
  const total = Object.values(byReason).reduce((s, n) => s + n, 0);
  return { name, samples, skipped: { total, byReason } };
}
