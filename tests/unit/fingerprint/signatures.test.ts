import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEATURE_SET_VERSION, getDefaultSignatures, loadSignatures, SCHEMA_VERSION, similarityMatrix } from '../../../lib/fingerprint';
import { sealSignatures } from '../../../lib/fingerprint/integrity';

const DATA = resolve(__dirname, '../../../lib/fingerprint/data/signatures.json');
const raw = JSON.parse(readFileSync(DATA, 'utf8'));

describe('signature loader', () => {
  it('loads the bundled signatures with the 33 corpus labels in 17 families', () => {
    const s = loadSignatures(raw);
    expect(s.json.schemaVersion).toBe(SCHEMA_VERSION);
    expect(s.json.featureSetVersion).toBe(FEATURE_SET_VERSION);
    expect(s.labels.length).toBe(33);
    expect(s.labels).toEqual(expect.arrayContaining(['gpt-4.1', 'gpt-oss', 'gemini-2.5', 'llama-4']));
    expect(s.families.length).toBe(17);
  });

  it('was built from all three corpus files, every genre included', () => {
    expect(raw.corpus.files.map((f: { file: string }) => f.file)).toEqual(['train.jsonl', 'train-chat-extra.jsonl', 'train-2025.jsonl']);
    expect(Object.keys(raw.corpus.byGenre).sort()).toEqual(['chat', 'creative', 'debate', 'essay', 'puzzle', 'writing', 'writing-fi', 'writing-zh']);
  });

  it.each([
    ['hashBits', { ...raw, vectorizer: { ...raw.vectorizer, hashBits: raw.vectorizer.hashBits - 1 } }],
    ['a temperature', { ...raw, calibration: { ...raw.calibration, temperature: raw.calibration.temperature + 0.01 } }],
    ['a bias', { ...raw, model: { ...raw.model, bias: raw.model.bias.map((b: number, i: number) => (i === 0 ? b + 1 : b)) } }],
  ])('refuses a file with one parameter (%s) changed after the build, naming the integrity check', (_name, edited) => {
    expect(() => loadSignatures(edited)).toThrow(/content does not match its integrity hash.*rebuild it with npm run signatures/);
  });

  it('refuses a file without its integrity hash', () => {
    expect(() => loadSignatures({ ...raw, integrity: undefined })).toThrow(/no integrity hash/);
  });

  it('loads a file whose keys were only re-serialised (same content, same hash)', () => {
    expect(() => loadSignatures(JSON.parse(JSON.stringify(raw)))).not.toThrow();
  });

  it.each([
    ['an unknown schemaVersion', { ...raw, schemaVersion: 999 }, /unknown schemaVersion 999/],
    ['a missing schemaVersion', { ...raw, schemaVersion: undefined }, /unknown schemaVersion/],
    ['another featureSetVersion', { ...raw, featureSetVersion: 'canon@0' }, /featureSetVersion "canon@0" does not match/],
    ['a label without family', { ...raw, labelFamily: {} }, /has no known family/],
    ['a bias of the wrong length', { ...raw, model: { ...raw.model, bias: [0] } }, /model.bias/],
    ['corrupt weights', { ...raw, model: { ...raw.model, weights: '!!!' } }, /do not decode/],
    ['weights that do not match the rows', { ...raw, model: { ...raw.model, weights: raw.model.denseWeights } }, /rows/],
    ['a temperature list of the wrong length', { ...raw, calibration: { ...raw.calibration, temperatureByTop: [1] } }, /temperatureByTop/],
    ['a missing family head entry', { ...raw, familyHead: undefined }, /familyHead must be null/],
    ['a family head blend outside 0..1', { ...raw, familyHead: { model: raw.model, temperature: 1, blend: 2 } }, /familyHead must be null/],
    ['a family head with one bias per label instead of per family', { ...raw, familyHead: { model: raw.model, temperature: 1, blend: 0.5 } }, /familyHead must be null/],
    ['a non-object', 'signatures', /expected an object/],
    ['null', null, /expected an object/],
  ])('rejects %s with a clear error', (_name, input, message) => {
    // Sealed, so the shape check itself is tested (an unsealed edit is refused by the integrity check first).
    const sealed = input && typeof input === 'object' && input.schemaVersion === SCHEMA_VERSION ? sealSignatures(input) : input;
    expect(() => loadSignatures(sealed)).toThrow(message);
  });

  it('keeps the committed data at most 2 MB', () => {
    expect(statSync(DATA).size).toBeLessThanOrEqual(2e6);
  });

  it('records how and from what it was built', () => {
    expect(raw.corpus.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(raw.corpus.records).toBeGreaterThan(1000);
    expect(raw.build.seed).toBeTypeOf('number');
    expect(raw.abstention.minWords).toBeGreaterThanOrEqual(0);
  });

  it('records the option candidates compared on the held-apart split, exactly one of them chosen', () => {
    const selection = raw.build.selection as Array<{ chosen: boolean; heldAccuracy: number; skeleton: number }>;
    expect(selection.length).toBeGreaterThanOrEqual(2);
    const chosen = selection.filter((c) => c.chosen);
    expect(chosen).toHaveLength(1);
    expect(chosen[0]!.heldAccuracy).toBe(Math.max(...selection.map((c) => c.heldAccuracy)));
    expect(raw.vectorizer.blockWeights.skeleton > 0).toBe(chosen[0]!.skeleton === 1);
  });

  it('has a temperature for every label, equal within the task that label mostly answers', () => {
    const { temperatureByTop, taskOfLabel } = raw.calibration as { temperatureByTop: number[]; taskOfLabel: string[] };
    expect(temperatureByTop).toHaveLength(33);
    const byTask = new Map<string, Set<number>>();
    taskOfLabel.forEach((t, c) => byTask.set(t, (byTask.get(t) ?? new Set()).add(temperatureByTop[c]!)));
    expect([...byTask.keys()].sort()).toEqual(['chat-instruction', 'persuasion-dialogue']);
    for (const temps of byTask.values()) expect(temps.size).toBe(1);
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
