/**
 * The one placeholder for the calibrated parts of signatures that the build scores before it has calibrated
 * them (option candidates, the family head): identity temperatures, no pooling fit, no abstention.
 */
import type { SignaturesJson } from '../signatures';

export function uncalibrated(labels: string[]): Pick<SignaturesJson, 'calibration' | 'abstention' | 'similarity'> {
  return {
    calibration: { temperature: 1, temperatureByTop: labels.map(() => 1), taskOfLabel: labels.map(() => ''), poolExponent: 1, poolScale: 1, evidenceByLength: [] },
    abstention: { minWords: 0, accuracyByWords: [], uncutAccuracy: 0 },
    similarity: labels.map(() => labels.map(() => 0)),
  };
}
