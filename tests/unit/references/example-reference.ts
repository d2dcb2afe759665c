/** A small, valid custom reference for tests that need one without building it. */
import { FEATURE_SET_VERSION } from '@/lib/fingerprint';
import type { CustomReference } from '@/lib/references';

export function exampleReference(id = 'custom/example', names = ['punct:em-dash', 'fw:the']): CustomReference {
  return {
    id,
    name: id.slice('custom/'.length),
    family: id,
    standardization: { names, mean: names.map(() => 1), sd: names.map(() => 2), zClip: 5 },
    model: { weights: names.map((_, i) => (i === 0 ? 1.5 : -0.5)), bias: -1, calibration: { a: 1, b: -3 } },
    build: {
      builtAt: '2026-12-04T00:00:00.000Z', featureSetVersion: FEATURE_SET_VERSION, samples: 40, skipped: 2, sources: { 'file.jsonl': 40 },
      folds: 5, seed: 1, background: { answers: 500, labels: 29, corpusSha256: null },
    },
    evaluation: { accuracy: 0.8, n: 40, lostTo: [{ label: 'gpt-4o', n: 8 }], takes: [{ label: 'gpt-4o', share: 0.1 }] },
  };
}
