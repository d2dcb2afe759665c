/**
 * Identity calibration for the parts of signatures that the build scores before it has calibrated
 * them (option candidates, the family head): identity temperatures, no pooling fit, no abstention.
 */
import { LEGACY_POOL_RULES } from '../pool-core';
import type { SignaturesJson } from '../signatures';

export function uncalibrated(labels: string[]): Pick<SignaturesJson, 'calibration' | 'abstention' | 'similarity'> {
  return {
    calibration: { temperature: 1, temperatureByTop: labels.map(() => 1), taskOfLabel: labels.map(() => ''), poolExponent: 1, poolScale: 1, evidenceByLength: [],
      poolRules: { ...LEGACY_POOL_RULES, held: { oneLabelGroups: 0, twoVendorGroups: 0, candidates: 0, eceBySize: [], falseMixed: 0, mixedFound: 0 } } },
    abstention: { minWords: 0, accuracyByWords: [], uncutAccuracy: 0 },
    similarity: labels.map(() => labels.map(() => 0)),
  };
}
