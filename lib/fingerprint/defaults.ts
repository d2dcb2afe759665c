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
  /**
   * Options chosen by each build on its held-apart calibration split (so, inside every evaluation fold, on
   * training data only): candidates are trained there and the one with the best held-apart model top-1
   * accuracy (ties: lower log-loss) is kept. The search is greedy: from the first value of each option, each
   * option in turn tries its other values with the best so far (1 + one training per extra value).
   * `selectSkeleton`: keep (1) or drop (0) the skeleton block.
   * Skeleton, rate floor, minimum prompt groups and the family-head blend were compared in every fold of the
   * 2026-11-28 five-fold run (docs/evaluation.md) and the same value won in all five (or tied): the default
   * grids now hold that value only, and the build spends its trainings on the genre-balancing lever, which
   * the 48,000-answer corpus makes the open question. Pass more values to compare them again.
   */
  selectSkeleton: [1],
  /** Candidate floors of the learning-rate ramp (see model/train.ts): 0.02 = falls to 2% by the end, 1 = plain 1/t. */
  selectRateFloor: [0.02],
  /**
   * Candidate minimum number of distinct training prompt groups a hashed n-gram must occur in to be used (1 =
   * all): n-grams tied to a few prompts carry topic rather than style, and test prompts are always new.
   */
  selectMinGroups: [1],
  /**
   * Candidate exponents of genre-balancing sample weights: an answer of genre g weighs (answers of g)^-β,
   * normalised to mean 1, so the 30,000 benchmark-chat answers do not drown the six 2025 genres. 0 = every
   * answer weighs 1; 0.5 = square-root balancing (full balancing, β = 1, would weigh a Finnish answer 46 times
   * a chat answer and make SGD steps erratic).
   */
  selectGenreBalance: [0.5, 0],
  /**
   * Answers whose top label mostly answers another task (chat vs debate) are calibrated with that task's own
   * temperature, fitted on held-apart answers with such a top label; a task with fewer held-apart answers than
   * this uses the global temperature. 0 = one global temperature.
   */
  minTaskCalibration: 200,
  /**
   * Candidate blends of the family head with the family probabilities summed from the labels (0 = labels
   * only, 1 = head only), chosen like the options above on the held-apart split (best family top-1, ties:
   * lower family log-loss). A choice of 0 ships no head.
   */
  familyBlends: [0],
  /** Hashed rows kept in the family head (its share of the data size). 1,000..60,000; default 8,000. */
  familyKeepRows: 8000,
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
  /** Lower bounds (words) of the length buckets of calibration.evidenceByLength (evidenceStrength() reads them). */
  evidenceBuckets: [0, 10, 25, 50, 100, 200, 400],
  /** Same-label group sizes of held-apart answers on which pool()'s scale and exponent are fitted. */
  poolSizes: [2, 3, 5, 10, 30, 100],
  /**
   * Candidate group rules of pool(), compared on held-apart groups by build/pool-rules.ts (which states the
   * objective); the first value of each grid is the fixed rule of schema 3. Agreement: share the leading
   * vendor must top for a group with a second component not to be mixed.
   */
  poolRuleAgreement: [2 / 3, 0.5, 0.6, 0.75],
  /** Candidate minimum share of the answers a vendor must top to be a component of a mixed group. */
  poolRuleComponentShare: [0.25, 0.15, 0.2, 0.3, 0.35],
  /** Candidate minimum number of answers a vendor must top to be a component. */
  poolRuleComponentAnswers: [2, 3],
  /** Candidate sizes from which a headline vendor that tops no answer makes the group mixed (0 = never). */
  poolRuleScattered: [3, 5, 10, 0],
  /** Candidate caps of a mixed group's headline vendor at the Wilson bound of its vote share (1 = cap, 0 = none). */
  poolRuleCapMixed: [1, 0],
  /** One-label group sizes of held-apart answers the pool rules are scored on (pooled ECE, false mixed flags). */
  poolRuleSizes: [5, 10, 30, 100],
  /** Two-vendor group sizes (half from each of two labels of different vendors) the pool rules are scored on. */
  poolRuleMixSizes: [10, 30],
  /** Two-vendor groups drawn per size. */
  poolRuleMixGroups: 300,
  /** Worst pooled ECE over poolRuleSizes a candidate may have (issue 14: 0.05, less a margin for new data). */
  poolRuleMaxEce: 0.04,
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
  provenance?: { file?: string; sha256?: string; files?: Array<{ file: string; sha256: string; records: number }> };
};
