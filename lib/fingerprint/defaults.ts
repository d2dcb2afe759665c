/**
 * Every tunable of the engine, with meaning, range and default, in one place (minisearch style). Values were
 * chosen on held-apart calibration splits of the training folds, never on evaluation folds.
 */
export const DEFAULTS = {
  /** log2 of the hashed feature space during training. 16..20; default 18 (262,144 buckets: few collisions). */
  hashBits: 18,
  /**
   * Weight of each sparse block after its own L2 normalisation (relative importance in the linear model).
   * 0..3 each; a block with weight 0 is ignored.
   */
  blockWeights: { 'word-ngrams': 1, 'char-ngrams': 0, 'openers-closers': 0.5, 'structure': 0.7, 'skeleton': 1 },
  /** Weight of the standardised dense (named) features block, scaled by 1/sqrt(#features). 0..3; default 1. */
  denseWeight: 1,
  /** Clip for standardised dense features (z-scores), so one odd value cannot dominate. 2..10; default 5. */
  zClip: 5,
  /** Training epochs of the softmax regression. 3..30; default 8. */
  epochs: 8,
  /** Initial SGD learning rate. 0.05..2; default 0.5. */
  learningRate: 0.5,
  /** L2 regularisation strength (per example). 1e-7..1e-3; default 2e-5. */
  l2: 2e-5,
  /** Hashed rows kept after training (largest weight norms); sets the data size. 2,000..60,000; default 16,000. */
  keepRows: 16000,
  /** Share of training prompt groups held apart to fit calibration, pooling and abstention. 0.1..0.4; default 0.2. */
  calibrationShare: 0.2,
  /** Lower bounds (words) of the held-apart length buckets measured to set the abstention threshold. */
  abstainBuckets: [0, 5, 10, 15, 20, 30, 40, 60, 80],
  /**
   * An answer is attributed only from the length on which every held-apart length bucket reaches this share of
   * the held-apart family top-1 accuracy over all lengths (else 'too-short'). 0..1; default 0.5.
   */
  abstainRelativeAccuracy: 0.5,
  /** Buckets with fewer held-apart answers than this are too noisy to judge and do not block. 5..100; default 20. */
  abstainMinBucket: 20,
  /** Never attribute below this many words, whatever the measurement says. 0..50; default 5. */
  abstainFloorWords: 5,
  /** Seed of every shuffle and split in the build (deterministic output). */
  seed: 20260101,
} as const;

export type BuildOptions = {
  -readonly [K in keyof typeof DEFAULTS]?: (typeof DEFAULTS)[K] extends readonly number[] ? number[] :
    (typeof DEFAULTS)[K] extends Record<string, number> ? { -readonly [P in keyof (typeof DEFAULTS)[K]]: number } : number;
} & {
  /** Train the final model on all records after calibration (default true; eval may turn it off for speed). */
  refit?: boolean;
  /** Progress messages (build scripts print them). */
  log?: (msg: string) => void;
  /** Corpus provenance written into the signatures (file name, sha256). */
  provenance?: { file?: string; sha256?: string };
};
