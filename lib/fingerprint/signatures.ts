/**
 * Reference signatures: the committed, versioned JSON (aggregate statistics and quantised weights only,
 * never corpus text) and its validated, decoded runtime form.
 */
import { FEATURE_SET_VERSION } from './features';
import type { SparseBlock } from './features';
import { integrityProblem } from './integrity';
import { decodeVarints, dequantizeRows, fromBase64 } from './model/codec';
import { LEGACY_POOL_RULES } from './pool-core';
import type { PoolRules } from './pool-core';

/** The pool rules the build chose, with what they and the rejected candidates measured on its held-apart groups. */
export interface FittedPoolRules extends PoolRules {
  /** How the rules were chosen (build/pool-rules.ts states the objective). */
  held: {
    /** One-label groups and two-vendor groups of held-apart answers the candidates were scored on. */
    oneLabelGroups: number; twoVendorGroups: number; candidates: number;
    /** Of the chosen rules: pooled vendor ECE of one-label groups by size ([size, ECE]). */
    eceBySize: Array<[number, number]>;
    /** One-label groups flagged mixed; two-vendor groups flagged mixed with both vendors among the components. */
    falseMixed: number; mixedFound: number;
  };
}

/**
 * 2: calibration.temperatureByTop (per-task temperatures), familyHead and build.selection.
 * 3: integrity (content hash), calibration.poolScale and calibration.evidenceByLength, corpus.byGenre/files,
 *    build.selection[].genreBalance.
 * 4: calibration.poolRules (the mixed / scattered group rules of pool(), fitted by the build on its held-apart
 *    split). Schema-3 files stay readable: they pool with the fixed rules of their time (LEGACY_POOL_RULES).
 */
export const SCHEMA_VERSION = 4;
/** Older schemas this engine still reads (what they lack gets its documented fallback). */
const READABLE_SCHEMAS = [3, SCHEMA_VERSION];

/** One option candidate the build compared on its held-apart split (see build/select.ts). */
export interface SelectionCandidate {
  skeleton: number; rateFloor: number; minGroups: number;
  /** Exponent of the genre-balancing sample weights (0 = every answer weighs 1; see build/select.ts). */
  genreBalance: number;
  /** Held-apart model top-1, averaged over the genres present (each genre counts once). */
  heldAccuracy: number;
  heldLogLoss: number;
  chosen: boolean;
}

/** Measured accuracy of single answers by length (words of prose), from the build's held-apart answers. */
export interface EvidenceBucket {
  /** Lower bound of the bucket in words (the bucket runs to the next bound). */
  words: number;
  /** Held-apart answers in the bucket. */
  n: number;
  /** Share whose top family was right (-1 when n = 0). */
  familyAccuracy: number;
}

export interface SignaturesJson {
  schemaVersion: number;
  featureSetVersion: string;
  labels: string[];
  families: string[];
  /** label → family. */
  labelFamily: Record<string, string>;
  build: {
    date: string; tool: string; seed: number; options: Record<string, unknown>; trainRecords: number;
    /** The option candidates the build compared on its held-apart split, with what each measured there. */
    selection: SelectionCandidate[];
  };
  corpus: {
    file: string | null; sha256: string | null; records: number; byTask: Record<string, number>; byLabel: Record<string, number>;
    byGenre: Record<string, number>;
    /** Every corpus file read, with its own digest (`sha256` above digests this list). */
    files: Array<{ file: string; sha256: string; records: number }>;
    /** The exact model ids (corpus `model`) behind each label: which generations the references hold. */
    modelsByLabel: Record<string, string[]>;
  };
  vectorizer: { hashBits: number; blockWeights: Record<SparseBlock, number>; denseWeight: number; zClip: number };
  dense: { names: string[]; mean: number[]; sd: number[]; /** per label, in `labels` order */ labelMean: number[][] };
  model: { rows: string; weights: string; denseWeights: string; bias: number[] };
  /**
   * temperature: global, fitted on all held-apart answers. temperatureByTop[c]: the temperature used when label
   * c has the highest raw score: the temperature of the task (chat / debate) that label mostly answers in
   * training, fitted on held-apart answers whose top label has that task (the global one when too few).
   * taskOfLabel: that task per label.
   * poolScale, poolExponent: pool() scores a group of n answers as poolScale × n^poolExponent × mean log p
   * (fitted on held-apart same-label groups of 2 to 100 answers; see pool.ts).
   * evidenceByLength: measured family top-1 of held-apart answers by length, read by evidenceStrength().
   */
  calibration: {
    temperature: number; temperatureByTop: number[]; taskOfLabel: string[]; poolExponent: number; poolScale: number;
    evidenceByLength: EvidenceBucket[];
    /** Schema 4: pool()'s group rules, fitted on held-apart groups (absent in schema 3: LEGACY_POOL_RULES). */
    poolRules?: FittedPoolRules;
  };
  /**
   * minWords and the held-apart measurement it came from: [bucket lower bound in words, family top-1 of the
   * held-apart answers in that bucket (-1 when empty)], and the family top-1 over all lengths.
   */
  abstention: { minWords: number; accuracyByWords: Array<[number, number]>; uncutAccuracy: number };
  /** Model-to-model similarity (symmetrised mean held-apart probability), `labels` order. */
  similarity: number[][];
  /**
   * A second linear model over the same features that predicts the family directly (`families` order), or
   * null when the build's held-apart split preferred family probabilities summed from the labels alone.
   * attribute() sets each family's probability to sum(labels)^(1-blend) × head^blend (renormalised) and
   * rescales that family's labels to match, so models and families stay consistent.
   */
  familyHead: { model: SignaturesJson['model']; temperature: number; blend: number } | null;
  /**
   * SHA-256 of this JSON without the field (JSON.stringify, keys in file order), written by the build and
   * checked on load: a file with one number changed by hand is refused instead of silently changing verdicts.
   */
  integrity: string;
}

/** A decoded linear model: hashed bucket → row of W (-1 when pruned), int8-decoded weights, bias. */
export interface DecodedModel {
  rowOf: Int32Array;
  W: Float32Array;
  Wd: Float32Array;
  bias: Float64Array;
}

export interface Signatures {
  json: SignaturesJson;
  labels: string[];
  families: string[];
  /** family index of each label. */
  familyOf: Int32Array;
  /** hashed bucket → row of W, or -1 when the bucket was pruned. */
  rowOf: Int32Array;
  W: Float32Array;
  Wd: Float32Array;
  bias: Float64Array;
  mean: Float64Array;
  /** 1 / sd (0 for constant features). */
  invSd: Float64Array;
  /** Multiplier of the clipped z-scores: denseWeight / sqrt(#dense features). */
  denseScale: number;
  zClip: number;
  /** Temperature by top (highest raw score) label. */
  temperatureByTop: Float64Array;
  /** The family head, when the signatures have one. */
  familyHead: (DecodedModel & { temperature: number; blend: number }) | null;
  /** pool()'s group rules: calibration.poolRules, or the fixed rules of schema 3. */
  poolRules: PoolRules;
}

function fail(msg: string): never {
  throw new Error(`Invalid ModelPrint signatures: ${msg}`);
}

function isNumArray(x: unknown, n?: number): x is number[] {
  return Array.isArray(x) && (n === undefined || x.length === n) && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}

/**
 * Validate and decode signature JSON; throws a clear Error on unknown versions, a bad shape or content that
 * does not match its integrity hash (a file edited by hand).
 */
export function loadSignatures(input: unknown): Signatures {
  // The content check comes before the shape checks (for a file of this engine's versions), so a hand-edited
  // parameter is named as an edit, not as whatever inconsistency it happens to cause.
  const j = input as SignaturesJson | null;
  if (j && typeof j === 'object' && READABLE_SCHEMAS.includes(j.schemaVersion) && j.featureSetVersion === FEATURE_SET_VERSION) {
    const problem = integrityProblem(j);
    if (problem) fail(problem);
  }
  return decodeSignatures(input);
}

/**
 * Validate and decode without the integrity check: for the build, which scores its own unsealed candidates.
 * Everything else loads with loadSignatures().
 */
export function decodeSignatures(input: unknown): Signatures {
  if (typeof input !== 'object' || input === null) fail('expected an object');
  const j = input as SignaturesJson;
  if (!READABLE_SCHEMAS.includes(j.schemaVersion)) fail(`unknown schemaVersion ${JSON.stringify(j.schemaVersion)} (this engine reads ${READABLE_SCHEMAS.join(' and ')})`);
  if (j.featureSetVersion !== FEATURE_SET_VERSION) {
    fail(`featureSetVersion ${JSON.stringify(j.featureSetVersion)} does not match this engine's "${FEATURE_SET_VERSION}"; rebuild with npm run signatures`);
  }
  if (!Array.isArray(j.labels) || j.labels.length < 2 || !j.labels.every((l) => typeof l === 'string')) fail('labels must be 2+ strings');
  if (!Array.isArray(j.families) || j.families.length < 1) fail('families must be a non-empty array');
  const C = j.labels.length;
  const familyOf = new Int32Array(C);
  j.labels.forEach((l, i) => {
    const f = j.labelFamily?.[l];
    const fi = typeof f === 'string' ? j.families.indexOf(f) : -1;
    if (fi < 0) fail(`label ${l} has no known family in labelFamily`);
    familyOf[i] = fi;
  });
  const v = j.vectorizer;
  if (!v || !Number.isInteger(v.hashBits) || v.hashBits < 8 || v.hashBits > 24) fail('vectorizer.hashBits must be an integer in 8..24');
  if (!(v.zClip > 0) || !(v.denseWeight >= 0)) fail('vectorizer.zClip must be > 0 and denseWeight >= 0');
  const nDense = j.dense?.names?.length ?? -1;
  if (nDense < 0 || !isNumArray(j.dense.mean, nDense) || !isNumArray(j.dense.sd, nDense)) fail('dense.mean/sd must match dense.names');
  if (!Array.isArray(j.dense.labelMean) || j.dense.labelMean.length !== C) fail('dense.labelMean must have one row per label');
  if (!isNumArray(j.model?.bias, C)) fail('model.bias must have one number per label');
  if (!j.calibration || !(j.calibration.temperature > 0) || !(j.calibration.poolExponent >= 0) || !(j.calibration.poolScale > 0)) {
    fail('calibration needs temperature > 0, poolExponent >= 0 and poolScale > 0');
  }
  const ev = j.calibration.evidenceByLength;
  if (!Array.isArray(ev) || !ev.every((b) => b && Number.isFinite(b.words) && Number.isFinite(b.n) && Number.isFinite(b.familyAccuracy))) {
    fail('calibration.evidenceByLength must be a list of {words, n, familyAccuracy}');
  }
  const poolRules = j.schemaVersion === 3 ? { ...LEGACY_POOL_RULES } : poolRulesOf(j.calibration.poolRules);
  if (!isNumArray(j.calibration.temperatureByTop, C) || !j.calibration.temperatureByTop.every((t) => t > 0)) fail('calibration.temperatureByTop needs one temperature > 0 per label');
  if (!j.abstention || !(j.abstention.minWords >= 0)) fail('abstention.minWords must be >= 0');
  if (!Array.isArray(j.similarity) || j.similarity.length !== C) fail('similarity must be a labels × labels matrix');
  const dim = 1 << v.hashBits;
  const { rowOf, W, Wd } = decodeModel(j.model, C, nDense, dim, 'model');
  const fh = j.familyHead;
  if (fh !== null && (typeof fh !== 'object' || !(fh.temperature > 0) || !(fh.blend >= 0 && fh.blend <= 1) || !isNumArray(fh.model?.bias, j.families.length))) {
    fail('familyHead must be null or have a model with one bias per family, temperature > 0 and blend in 0..1');
  }
  const familyHead = fh ? { ...decodeModel(fh.model, j.families.length, nDense, dim, 'familyHead.model'), temperature: fh.temperature, blend: fh.blend } : null;
  const blockScale = v.denseWeight / Math.sqrt(Math.max(1, nDense));
  return {
    json: j,
    labels: j.labels,
    families: j.families,
    familyOf,
    rowOf,
    W,
    Wd,
    bias: Float64Array.from(j.model.bias),
    mean: Float64Array.from(j.dense.mean),
    invSd: Float64Array.from(j.dense.sd, (sd) => (sd > 0 ? 1 / sd : 0)),
    denseScale: blockScale,
    zClip: v.zClip,
    temperatureByTop: Float64Array.from(j.calibration.temperatureByTop),
    familyHead,
    poolRules,
  };
}

function poolRulesOf(r: FittedPoolRules | undefined): PoolRules {
  const share = (x: unknown) => typeof x === 'number' && x >= 0 && x <= 1;
  if (!r || typeof r !== 'object' || !share(r.strongAgreement) || !share(r.componentShare) || !(Number.isInteger(r.componentAnswers) && r.componentAnswers >= 1)
    || !(r.scatteredMin === null || (Number.isInteger(r.scatteredMin) && r.scatteredMin >= 1)) || typeof r.capMixed !== 'boolean') {
    fail('calibration.poolRules needs strongAgreement and componentShare in 0..1, componentAnswers >= 1, scatteredMin null or >= 1 and capMixed true/false');
  }
  return { strongAgreement: r.strongAgreement, componentShare: r.componentShare, componentAnswers: r.componentAnswers, scatteredMin: r.scatteredMin, capMixed: r.capMixed };
}

function decodeModel(m: SignaturesJson['model'], C: number, nDense: number, dim: number, name: string): DecodedModel {
  let rows: number[], W: Float32Array, Wd: Float32Array;
  try {
    rows = decodeVarints(fromBase64(m.rows));
    W = dequantizeRows(fromBase64(m.weights), C);
    Wd = dequantizeRows(fromBase64(m.denseWeights), C);
  } catch (e) {
    fail(`${name} weights do not decode (${(e as Error).message})`);
  }
  if (W.length !== rows.length * C) fail(`${name}.weights has ${W.length / C} rows but ${name}.rows lists ${rows.length}`);
  if (Wd.length !== nDense * C) fail(`${name}.denseWeights does not match dense.names`);
  const rowOf = new Int32Array(dim).fill(-1);
  rows.forEach((b, r) => {
    if (b >= dim) fail(`row index ${b} outside the hashed space`);
    rowOf[b] = r;
  });
  return { rowOf, W, Wd, bias: Float64Array.from(m.bias) };
}
