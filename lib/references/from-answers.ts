/**
 * Answers (text, or stored features and attribution) → a custom reference: the one path for the CLI's
 * `signatures build` and the dashboard's worker. The reference is measured against the bundled labels only, so
 * attributions are taken without any custom reference in them.
 */
import { attribute, fingerprint, FEATURE_SET_VERSION, type Attribution, type Signatures } from '../fingerprint/core';
import type { Background } from './training-background';
import { buildReference, type BuildReferenceOptions, type ReferenceSample } from './build-reference';
import { fromLabelProbabilities } from './combine';
import { isCustomLabel, type CustomReference } from './types';

export interface ReferenceAnswer {
  text?: string | null;
  features?: Record<string, number> | null;
  attribution?: Attribution | null;
  /** Prompt or conversation: answers sharing it stay on one side of the cross-validation. */
  group?: string;
  source?: string;
}

/** An attribution with any custom label removed and the bundled labels renormalised. */
export function bundledOnly(att: Attribution): Attribution {
  if (!att.models.some((m) => isCustomLabel(m.model))) return att;
  const kept = att.models.filter((m) => !isCustomLabel(m.model));
  const total = kept.reduce((s, m) => s + m.p, 0) || 1;
  return fromLabelProbabilities(att, kept.map((m) => ({ ...m, p: m.p / total })), att.explanation);
}

export function buildFromAnswers(
  answers: readonly ReferenceAnswer[], sig: Signatures, bg: Background, options: Omit<BuildReferenceOptions, 'featureSetVersion' | 'skipped'>,
): CustomReference {
  const samples: ReferenceSample[] = [];
  let skipped = 0;
  for (const a of answers) {
    const text = typeof a.text === 'string' && a.text.length > 0 ? a.text : null;
    const attribution = text ? attribute(text, sig, { explain: false }) : a.attribution ? bundledOnly(a.attribution) : null;
    const features = text ? fingerprint(text) : a.features ?? null;
    if (!attribution || !features || attribution.undetermined) {
      skipped++;
      continue;
    }
    samples.push({ features, attribution, ...(a.group ? { group: a.group } : {}), ...(a.source ? { source: a.source } : {}) });
  }
  return buildReference(samples, bg, { ...options, featureSetVersion: FEATURE_SET_VERSION, skipped });
}
