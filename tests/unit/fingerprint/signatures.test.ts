import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, getDefaultSignatures, loadSignatures, SCHEMA_VERSION, similarityMatrix } from '../../../lib/fingerprint';

const DATA = resolve(__dirname, '../../../lib/fingerprint/data/signatures.json');
const raw = JSON.parse(readFileSync(DATA, 'utf8'));

describe('signature loader', () => {
  it('loads the bundled signatures with 29 labels in 17 families', () => {
    const s = loadSignatures(raw);
    expect(s.json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.json.featureSetVersion).toBe(FEATURE_SET_VERSION);
    expect(s.labels.length).toBe(29);
    expect(s.families.length).toBe(17);
  });

  it.each([
    ['an unknown schemaVersion', { ...raw, schemaVersion: 999 }, /unknown schemaVersion 999/],
    ['a missing schemaVersion', { ...raw, schemaVersion: undefined }, /unknown schemaVersion/],
    ['another featureSetVersion', { ...raw, featureSetVersion: 'canon@0' }, /featureSetVersion "canon@0" does not match/],
    ['a label without family', { ...raw, labelFamily: {} }, /has no known family/],
    ['a bias of the wrong length', { ...raw, model: { ...raw.model, bias: [0] } }, /model.bias/],
    ['corrupt weights', { ...raw, model: { ...raw.model, weights: '!!!' } }, /do not decode/],
    ['weights that do not match the rows', { ...raw, model: { ...raw.model, weights: raw.model.denseWeights } }, /rows/],
    ['a non-object', 'signatures', /expected an object/],
    ['null', null, /expected an object/],
  ])('rejects %s with a clear error', (_name, input, message) => {
    expect(() => loadSignatures(input)).toThrow(message);
  });

  it('keeps the committed data under 1.5 MB', () => {
    expect(statSync(DATA).size).toBeLessThan(1.5e6);
  });

  it('records how and from what it was built', () => {
    expect(raw.corpus.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.corpus.records).toBeGreaterThan(1000);
    expect(raw.build.seed).toBeTypeOf('number');
    expect(raw.abstention.minWords).toBeGreaterThanOrEqual(0);
  });
});

describe('similarityMatrix', () => {
  it('is a symmetric labels × labels matrix with 1 on the diagonal', () => {
    const { labels, matrix } = similarityMatrix();
    expect(labels).toEqual(getDefaultSignatures().labels);
    expect(matrix.length).toBe(labels.length);
    matrix.forEach((row, i) => {
      expect(row.length).toBe(labels.length);
      expect(row[i]).toBe(1);
      row.forEach((x, j) => {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        expect(x).toBeCloseTo(matrix[j]![i]!, 6);
      });
    });
  });
});
