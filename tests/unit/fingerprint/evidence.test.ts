import { describe, expect, it } from 'vitest';
import { attribute, evidenceStrength, getDefaultSignatures, loadSignatures } from '../../../lib/fingerprint';
import { measuredAccuracyAt } from '../../../lib/fingerprint/evidence';
import { sealSignatures } from '../../../lib/fingerprint/integrity';
import type { Attribution } from '../../../lib/fingerprint';

const sig = getDefaultSignatures();
/** The bundled signatures with a made-up measurement of accuracy by length. */
const withTable = (table: Array<[number, number, number]>) =>
  loadSignatures(sealSignatures({ ...sig.json, calibration: { ...sig.json.calibration, evidenceByLength: table.map(([words, n, familyAccuracy]) => ({ words, n, familyAccuracy })) } }));
const confident = (p: number): Attribution => ({
  model: 'claude-3', family: 'anthropic', confidence: p, undetermined: false, reason: null,
  models: [{ model: 'claude-3', family: 'anthropic', p }], families: [{ family: 'anthropic', p }], explanation: [],
});

describe('evidenceStrength', () => {
  const s = withTable([[0, 100, 0.3], [10, 100, 0.6], [50, 100, 0.85], [400, 5, 0.2]]);

  it('is weak at a length measured to be right too rarely, however confident the answer looks', () => {
    expect(evidenceStrength(confident(0.99), 6, s)).toBe('weak');
  });

  it('is at most moderate where the measured accuracy is middling', () => {
    expect(evidenceStrength(confident(0.99), 20, s)).toBe('moderate');
  });

  it('is strong only where length and the answer\'s own vendor probability both say so', () => {
    expect(evidenceStrength(confident(0.95), 120, s)).toBe('strong');
    expect(evidenceStrength(confident(0.6), 120, s)).toBe('moderate');
    expect(evidenceStrength(confident(0.3), 120, s)).toBe('weak');
  });

  it('borrows the next shorter bucket when too few answers were measured at a length', () => {
    expect(measuredAccuracyAt(s.json.calibration.evidenceByLength, 500)).toBe(0.85);
  });

  it('is weak for an undetermined attribution', () => {
    expect(evidenceStrength(attribute(''), 0)).toBe('weak');
  });

  it('never calls a six-word answer strong with the shipped measurement', () => {
    const a = attribute('Paris is the capital of France.');
    expect(evidenceStrength(a, 6)).not.toBe('strong');
  });
});

describe('measuredAccuracyAt', () => {
  const bucket = (words: number, n: number, familyAccuracy: number) => ({ words, n, familyAccuracy });

  it('smooths the measurement so that it never falls with length (weighted by answers)', () => {
    const table = [bucket(0, 100, 0.6), bucket(10, 100, 0.4), bucket(50, 200, 0.7)];
    expect(measuredAccuracyAt(table, 5)).toBeCloseTo(0.5, 6);
    expect(measuredAccuracyAt(table, 20)).toBeCloseTo(0.5, 6);
    expect(measuredAccuracyAt(table, 60)).toBeCloseTo(0.7, 6);
  });

  it('is -1 when nothing was measured at or below the length', () => {
    expect(measuredAccuracyAt([bucket(10, 100, 0.6)], 3)).toBe(-1);
  });
});
