/**
 * What a custom reference is trained against: the named features of a sample of corpus answers of every bundled
 * label (`data/background.json`, written by `npm run references:background`). Feature vectors only, never text,
 * quantised to int8 z-scores (the standardisation travels with them). Built for one feature set: a file of
 * another is refused, as signature files are.
 */
import type { Standardization } from './features';

export interface BackgroundJson {
  format: 'modelprint-reference-background';
  version: 1;
  featureSetVersion: string;
  corpus: { file: string | null; sha256: string | null; records: number };
  seed: number;
  perLabel: number;
  standardization: Standardization;
  /** z = int8 × scale. */
  scale: number;
  labels: string[];
  /** Family of each label. */
  families: string[];
  /** Label index of each row. */
  rowLabel: number[];
  /** base64 of rows × names int8 values. */
  data: string;
}

export interface Background {
  json: BackgroundJson;
  standardization: Standardization;
  labels: string[];
  families: string[];
  rowLabel: Int32Array;
  n: number;
  d: number;
  /** Row-major n × d z-scores. */
  z: Float64Array;
}

function fail(message: string): never {
  throw new Error(`Invalid reference background: ${message}`);
}

function fromBase64(s: string): Uint8Array {
  if (typeof atob === 'function') return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  return new Uint8Array(Buffer.from(s, 'base64'));
}

export function toBase64(bytes: Uint8Array): string {
  if (typeof btoa === 'function') {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  return Buffer.from(bytes).toString('base64');
}

/** Validates and decodes the background for the running engine's feature set. */
export function loadBackground(input: unknown, featureSetVersion: string): Background {
  const j = input as BackgroundJson;
  if (typeof j !== 'object' || j === null || j.format !== 'modelprint-reference-background') fail('not a background file');
  if (j.version !== 1) fail(`unknown version ${JSON.stringify(j.version)}`);
  if (j.featureSetVersion !== featureSetVersion) {
    fail(`built for feature set "${j.featureSetVersion}", this engine computes "${featureSetVersion}"; run npm run references:background`);
  }
  const s = j.standardization;
  const d = s?.names?.length ?? 0;
  if (d === 0 || s.mean?.length !== d || s.sd?.length !== d || !(s.zClip > 0)) fail('standardization does not match its names');
  if (!Array.isArray(j.labels) || j.families?.length !== j.labels.length) fail('labels and families differ in length');
  const bytes = fromBase64(j.data);
  const n = j.rowLabel?.length ?? 0;
  if (bytes.length !== n * d) fail(`data holds ${bytes.length} values, expected ${n} rows × ${d}`);
  const signed = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  const z = Float64Array.from(signed, (v) => v * j.scale);
  const rowLabel = Int32Array.from(j.rowLabel);
  if (rowLabel.some((l) => l < 0 || l >= j.labels.length)) fail('a row names an unknown label');
  return { json: j, standardization: s, labels: j.labels, families: j.families, rowLabel, n, d, z };
}
